"""A CSV or Excel file read as a heading and rows of text cells, whatever wrote it.

Stores' files come from Excel on Chinese Windows (CSV in GB18030, numbers as floats), from
WPS, and from other tills' exports (UTF-8 with a BOM); every cell arrives here as the text a
person typed, so the domain's strict rules judge it the same way whatever the file format.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from frontdesk.domain.errors import DomainError

MAX_ROWS = 200_000  # a chain's whole catalog fits; a runaway sheet is refused, not loaded


class SheetUnreadable(DomainError):
    key = "sheet_unreadable"


@dataclass(frozen=True)
class Sheet:
    heading: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _refuse(path: Path, zh: str, en: str) -> SheetUnreadable:
    return SheetUnreadable(path=path.name, reason=zh, reason_en=en)


def read_sheet(path: Path) -> Sheet:
    if not path.is_file():
        raise _refuse(path, "文件不存在", "no such file")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    raise _refuse(path, "只支持 .csv 和 .xlsx 文件", "only .csv and .xlsx files are supported")


def _decode(path: Path, raw: bytes) -> str:
    # Excel's "CSV (逗号分隔)" on a Chinese Windows writes GB18030 (GBK); others write UTF-8.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _refuse(path, "编码无法识别（请另存为 UTF-8 或 GB18030）", "unknown text encoding")


def _read_csv(path: Path) -> Sheet:
    text = _decode(path, path.read_bytes())
    try:
        rows = [tuple(cell.strip() for cell in row) for row in csv.reader(io.StringIO(text))]
    except csv.Error as exc:
        raise _refuse(path, f"CSV 格式错误：{exc}", f"bad CSV: {exc}") from None
    return _sheet(path, rows)


def _cell(value: object) -> str:
    # Excel keeps numbers as floats: a price typed 12.5 arrives as 12.5, a barcode as an int
    # (or 6.9e12 when the column was General). Write them back as a person would have typed.
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _read_xlsx(path: Path) -> Sheet:
    from openpyxl import load_workbook  # the till's cold start never needs it

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError and its own errors alike
        raise _refuse(path, "不是有效的 Excel 文件", f"not a valid Excel file ({exc})") from None
    try:
        sheet = book.worksheets[0]
        rows = [tuple(_cell(v) for v in row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    return _sheet(path, rows)


def _sheet(path: Path, rows: list[tuple[str, ...]]) -> Sheet:
    while rows and not any(rows[-1]):
        rows.pop()
    if not rows:
        raise _refuse(path, "文件是空的", "the file is empty")
    if len(rows) > MAX_ROWS + 1:
        raise _refuse(path, f"超过 {MAX_ROWS} 行", f"more than {MAX_ROWS} rows")
    return Sheet(rows[0], tuple(rows[1:]))
