"""A product catalog file read into products: its columns, each cell's rule, and every bad row.

A catalog is imported whole or not at all (a half-loaded price list sells at yesterday's prices
beside today's), so this module names every problem in the file at once — line, column and
reason — instead of stopping at the first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import Product
from frontdesk.domain.scan import gtin_valid

# Column → the headings a store's sheet may use for it: the template's Chinese heading, its
# English one, then what other tills' exports call it.
COLUMNS: dict[str, tuple[str, ...]] = {
    "barcode": ("条码", "barcode", "商品条码", "ean"),
    "name": ("名称", "name", "商品名称", "品名"),
    "price": ("售价", "price", "零售价", "价格"),
    "member_discount": ("参与会员折扣", "member_discount", "会员折扣"),
    "member_price": ("会员价", "member_price"),
    "category": ("类别", "category", "分类"),
    "unit": ("单位", "unit"),
}
REQUIRED = ("barcode", "name", "price")
TEMPLATE_EXAMPLE = ("6901234567892", "农夫山泉 550ml", "2.00", "是", "1.80", "饮料", "瓶")

NAME_MAX = 60  # what an 80 mm receipt line and the till's product column can show
TEXT_MAX = 20  # category and unit are short labels
PRICE_MAX = Fen(9_999_999)  # ￥99,999.99: a price above it is a typo, not a product
_CELL_LIMIT = 10**9  # fen: ￥10,000,000
_YES = {"是", "y", "yes", "1", "true", "参与"}
_NO = {"否", "n", "no", "0", "false", "不参与"}
PRODUCT_LENGTHS = (8, 12, 13)  # EAN-8, UPC-A, EAN-13: what the scanner classifies as a product


@dataclass(frozen=True)
class RowProblem:
    """One bad cell: `line` as the file numbers it (the heading is line 1), `field` a column key."""

    line: int
    field: str
    reason: str  # a message key of CATALOG_REASONS


@dataclass(frozen=True)
class CatalogRead:
    products: tuple[Product, ...]
    problems: tuple[RowProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.products)


# Reason keys with their words in both languages (the heading names come from COLUMNS).
CATALOG_REASONS: dict[str, tuple[str, str]] = {
    "missing_column": ("缺少此列", "column missing"),
    "unknown_column": ("无法识别的列", "unknown column"),
    "duplicate_column": ("此列出现两次", "column appears twice"),
    "required": ("不能为空", "must not be empty"),
    "barcode_digits": ("条码须为 8、12 或 13 位数字", "barcode must be 8, 12 or 13 digits"),
    "barcode_check": ("条码校验位错误", "barcode check digit is wrong"),
    "barcode_repeated": ("条码在文件中重复", "barcode appears twice in the file"),
    "name_too_long": (f"名称最多 {NAME_MAX} 个字", f"name is at most {NAME_MAX} characters"),
    "text_too_long": (f"最多 {TEXT_MAX} 个字", f"at most {TEXT_MAX} characters"),
    "money_format": (
        "金额须为数字，最多两位小数（如 12.50）",
        "amount must be digits with at most two decimals (e.g. 12.50)",
    ),
    "money_too_big": ("金额超过 ￥99,999.99", "amount over ￥99,999.99"),
    "member_price_above_price": ("会员价不能高于售价", "member price above the price"),
    "yes_no": ("须填写 是 或 否", "must be yes or no"),
    "empty_file": ("文件中没有商品", "the file holds no products"),
}


def column_of(heading: str, columns: Mapping[str, tuple[str, ...]] = COLUMNS) -> str | None:
    wanted = heading.strip().lower()
    for key, names in columns.items():
        if wanted in (n.lower() for n in names):
            return key
    return None


def parse_money_cell(text: str) -> Fen | None:
    """A sheet's amount, read by `Fen.of` (1e5, １００, 1_000 refused), written plain.

    A cell has no sign, no ￥ and no thousands commas, and stays under ￥10,000,000: a cell
    that holds more is a shifted column, not a price.
    """
    if not text[:1].isdigit() or "," in text:
        return None
    try:
        amount = Fen.of(text)
    except ValueError:
        return None
    return amount if amount.value < _CELL_LIMIT else None


def read_columns(
    heading: Sequence[str], columns: Mapping[str, tuple[str, ...]], required: Sequence[str]
) -> tuple[dict[int, str], list[RowProblem]]:
    """Which column of the sheet holds which field; problems for unknown, repeated or missing."""
    found: dict[int, str] = {}
    problems: list[RowProblem] = []
    for index, cell in enumerate(heading):
        if not cell.strip():
            continue
        key = column_of(cell, columns)
        if key is None:
            problems.append(RowProblem(1, cell.strip(), "unknown_column"))
        elif key in found.values():
            problems.append(RowProblem(1, key, "duplicate_column"))
        else:
            found[index] = key
    for key in required:
        if key not in found.values():
            problems.append(RowProblem(1, key, "missing_column"))
    return found, problems


def _barcode(text: str) -> str | None:
    if not (text.isascii() and text.isdigit() and len(text) in PRODUCT_LENGTHS):
        return "barcode_digits"
    return None if gtin_valid(text) else "barcode_check"


def _price(text: str) -> tuple[Fen | None, str | None]:
    amount = parse_money_cell(text)
    if amount is None:
        return None, "money_format"
    if amount > PRICE_MAX:
        return None, "money_too_big"
    return amount, None


def _row(cells: Mapping[str, str], line: int) -> tuple[Product | None, list[RowProblem]]:
    problems: list[RowProblem] = []

    def bad(field: str, reason: str) -> None:
        problems.append(RowProblem(line, field, reason))

    for key in REQUIRED:
        if not cells.get(key):
            bad(key, "required")
    barcode, name = cells.get("barcode", ""), cells.get("name", "")
    if barcode and (reason := _barcode(barcode)):
        bad("barcode", reason)
    if len(name) > NAME_MAX:
        bad("name", "name_too_long")
    price, reason = _price(cells["price"]) if cells.get("price") else (None, None)
    if reason:
        bad("price", reason)
    member_price: Fen | None = None
    if cells.get("member_price"):
        member_price, reason = _price(cells["member_price"])
        if reason:
            bad("member_price", reason)
        elif price is not None and member_price is not None and member_price > price:
            bad("member_price", "member_price_above_price")
    flag = cells.get("member_discount", "").lower()
    if flag and flag not in _YES | _NO:
        bad("member_discount", "yes_no")
    for key in ("category", "unit"):
        if len(cells.get(key, "")) > TEXT_MAX:
            bad(key, "text_too_long")
    if problems or price is None:
        return None, problems
    product = Product(
        barcode,
        name,
        price,
        member_discount=flag not in _NO,
        member_price=member_price,
        category=cells.get("category", ""),
        unit=cells.get("unit", ""),
    )
    return product, problems


def read_catalog(heading: Sequence[str], rows: Sequence[Sequence[str]]) -> CatalogRead:
    """Products from a sheet's heading and rows (text cells); blank rows are skipped."""
    columns, problems = read_columns(heading, COLUMNS, REQUIRED)
    if problems:
        return CatalogRead((), tuple(problems))
    products: list[Product] = []
    first_line: dict[str, int] = {}
    for offset, row in enumerate(rows):
        line = offset + 2
        cells = {
            key: row[i].strip() for i, key in columns.items() if i < len(row) and row[i].strip()
        }
        if not cells:
            continue
        product, bad = _row(cells, line)
        problems.extend(bad)
        if product is None:
            continue
        if product.barcode in first_line:
            problems.append(RowProblem(line, "barcode", "barcode_repeated"))
            continue
        first_line[product.barcode] = line
        products.append(product)
    if not products and not problems:
        problems.append(RowProblem(2, "barcode", "empty_file"))
    return CatalogRead(tuple(products), tuple(problems))


def heading_label(field: str, lang: str, columns: Mapping[str, tuple[str, ...]] = COLUMNS) -> str:
    names = columns.get(field)
    if names is None:
        return field  # an unknown heading is shown as the file wrote it
    return names[0] if lang == "zh_CN" else names[1]


def describe(
    problem: RowProblem,
    lang: str,
    columns: Mapping[str, tuple[str, ...]] = COLUMNS,
    reasons: Mapping[str, tuple[str, str]] = CATALOG_REASONS,
) -> str:
    """One line a manager can act on, such as 第 12 行「售价」：金额须为数字…."""
    zh, en = reasons.get(problem.reason) or CATALOG_REASONS[problem.reason]
    column = heading_label(problem.field, lang, columns)
    if lang == "zh_CN":
        return f"第 {problem.line} 行「{column}」：{zh}"
    return f"line {problem.line}, {column}: {en}"
