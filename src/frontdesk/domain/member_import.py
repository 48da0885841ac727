"""Members brought over from an old system's export: every cell's rule, every bad row named.

Like the catalog, an import is all or nothing (half a member list with opening balances would
leave money nobody can reconcile), so every problem in the file is found at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from frontdesk.domain import errors
from frontdesk.domain.cards import looks_like_card_number, luhn_valid
from frontdesk.domain.catalog import RowProblem, parse_money_cell, read_columns
from frontdesk.domain.members import parse_name, parse_phone
from frontdesk.domain.money import Fen
from frontdesk.domain.program import Program

COLUMNS: dict[str, tuple[str, ...]] = {
    "phone": ("手机号", "phone", "手机", "电话"),
    "name": ("姓名", "name", "会员姓名"),
    "birthday": ("生日", "birthday"),
    "card_no": ("卡号", "card_no", "会员卡号"),
    "principal": ("本金", "principal", "储值本金"),
    "bonus": ("赠金", "bonus", "储值赠金"),
    "points": ("积分", "points"),
    "tier": ("等级", "tier", "会员等级"),
}
REQUIRED = ("phone", "name")

REASONS: dict[str, tuple[str, str]] = {
    "phone": ("手机号格式不正确", "not a mainland mobile number"),
    "phone_repeated": ("手机号在文件中重复", "phone appears twice in the file"),
    "name": ("姓名不能为空或过长", "name is empty or too long"),
    "birthday": ("生日应为 YYYY-MM-DD", "birthday is YYYY-MM-DD"),
    "card_repeated": ("卡号在文件中重复", "card number appears twice in the file"),
    "points": ("积分须为整数（ASCII 数字）", "points must be a whole number (ASCII digits)"),
    "tier": ("未知的会员等级", "unknown tier"),
    "phone_exists": ("此手机号已是本店会员", "this phone is already a member here"),
    "card_exists": ("此卡号已在本店使用", "this card number is already in use here"),
}


@dataclass(frozen=True)
class MemberRow:
    line: int
    phone: str
    name: str
    birthday: date | None
    card_no: str | None  # None: the old number is not one this till can scan; a new card is issued
    old_card_no: str
    principal: Fen
    bonus: Fen
    points: int
    tier: str | None  # a tier code of the program, or None for the entry tier


@dataclass(frozen=True)
class MembersRead:
    rows: tuple[MemberRow, ...]
    problems: tuple[RowProblem, ...]

    @property
    def principal(self) -> Fen:
        return Fen(sum(r.principal.value for r in self.rows))

    @property
    def bonus(self) -> Fen:
        return Fen(sum(r.bonus.value for r in self.rows))

    @property
    def points(self) -> int:
        return sum(r.points for r in self.rows)


def _tier_code(text: str, program: Program) -> str | None:
    for rule in program.tiers:
        if text in (rule.code, rule.name):
            return rule.code
    return None


def _row(
    cells: dict[str, str], line: int, program: Program
) -> tuple[MemberRow | None, list[RowProblem]]:
    problems: list[RowProblem] = []

    def bad(field: str, reason: str) -> None:
        problems.append(RowProblem(line, field, reason))

    phone = name = ""
    try:
        phone = parse_phone(cells.get("phone", ""))
    except errors.DomainError:
        bad("phone", "phone")
    try:
        name = parse_name(cells.get("name", ""))
    except errors.DomainError:
        bad("name", "name")
    birthday: date | None = None
    if cells.get("birthday"):
        try:
            birthday = date.fromisoformat(cells["birthday"])
        except ValueError:
            bad("birthday", "birthday")
    money: dict[str, Fen] = {}
    for key in ("principal", "bonus"):
        amount = parse_money_cell(cells.get(key, "0") or "0")
        if amount is None:
            bad(key, "money_format")
        else:
            money[key] = amount
    points_text = cells.get("points", "0") or "0"
    if not (points_text.isascii() and points_text.isdigit()):
        bad("points", "points")
    tier = None
    if cells.get("tier"):
        tier = _tier_code(cells["tier"], program)
        if tier is None:
            bad("tier", "tier")
    old = cells.get("card_no", "")
    usable = looks_like_card_number(old) and luhn_valid(old)
    if problems:
        return None, problems
    return MemberRow(
        line, phone, name, birthday, old if usable else None, old,
        money["principal"], money["bonus"], int(points_text), tier,
    ), []  # fmt: skip


def read_members(
    heading: Sequence[str], rows: Sequence[Sequence[str]], program: Program
) -> MembersRead:
    columns, problems = read_columns(heading, COLUMNS, REQUIRED)
    if problems:
        return MembersRead((), tuple(problems))
    found: list[MemberRow] = []
    phones: set[str] = set()
    cards: set[str] = set()
    for offset, raw in enumerate(rows):
        line = offset + 2
        cells = {k: raw[i].strip() for i, k in columns.items() if i < len(raw) and raw[i].strip()}
        if not cells:
            continue
        row, bad = _row(cells, line, program)
        problems.extend(bad)
        if row is None:
            continue
        if row.phone in phones:
            problems.append(RowProblem(line, "phone", "phone_repeated"))
            continue
        if row.card_no is not None and row.card_no in cards:
            problems.append(RowProblem(line, "card_no", "card_repeated"))
            continue
        phones.add(row.phone)
        if row.card_no is not None:
            cards.add(row.card_no)
        found.append(row)
    if not found and not problems:
        problems.append(RowProblem(2, "phone", "empty_file"))
    return MembersRead(tuple(found), tuple(problems))
