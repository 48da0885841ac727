"""The device-neutral receipt (小票): one frozen tree that every printer renders, with JSON form."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from frontdesk.domain import messages
from frontdesk.domain.money import ZERO, Fen, total
from frontdesk.domain.numbering import store_digits
from frontdesk.domain.scan import HELD_NO, is_receipt_number
from frontdesk.domain.tenders import (
    TenderKind as TenderKind,  # named here for the receipt's readers
)


class ReceiptKind(Enum):
    SALE = "sale"
    TOP_UP = "top_up"
    REFUND = "refund"
    CARD_REISSUE = "card_reissue"
    CARD_RETURN = "card_return"
    SHIFT_REPORT = "shift_report"
    COOLING_OFF = "cooling_off"  # a top-up returned whole in the cooling-off period
    HELD_TICKET = "held_ticket"  # 挂单: the ticket set aside, numbered and barcoded for 取单

    @property
    def title(self) -> str:
        """The printed title in Chinese; the catalogue has it in every language."""
        return messages.label(self)


# A shift report has no ticket, so no receipt number: it is numbered S + store + till + the
# minute the shift opened, which no receipt number can be mistaken for.
SHIFT_NO = re.compile(r"S(?:\d{3}|\d{5})\d{2}\d{12}")


def shift_number(store: int, till: int, opened_at: datetime) -> str:
    return f"S{store_digits(store)}{till:02d}{opened_at:%Y%m%d%H%M}"


class Bucket(Enum):
    PRINCIPAL = "principal"
    BONUS = "bonus"

    @property
    def label(self) -> str:
        """The Chinese name; `messages.label(bucket, lang)` gives it in any language."""
        return messages.label(self)


@dataclass(frozen=True)
class ReceiptHeader:
    store_name: str
    till: str
    cashier: str
    time: datetime
    receipt_no: str
    kind: ReceiptKind
    reprint: bool = False  # 重印: printed again from the journal, not a new transaction
    refunded: bool = False  # 已退货: a reprint of a sale that has been refunded (in part)

    def __post_init__(self) -> None:
        if self.time.tzinfo is None:
            raise ValueError("receipt time must be timezone-aware")
        shift_no = self.kind is ReceiptKind.SHIFT_REPORT and SHIFT_NO.fullmatch(self.receipt_no)
        held_no = self.kind is ReceiptKind.HELD_TICKET and HELD_NO.fullmatch(self.receipt_no)
        if not (is_receipt_number(self.receipt_no) or shift_no or held_no):
            raise ValueError(f"not a receipt number: {self.receipt_no!r}")


@dataclass(frozen=True)
class ReceiptLine:
    name: str
    qty: int
    unit_price: Fen
    amount: Fen  # qty × unit price; member savings are listed separately, by kind
    list_price: Fen | None = None  # 改价: the catalog price, when the line was sold at another


@dataclass(frozen=True)
class Saving:
    kind: str  # shown as is: 会员折扣, 生日折扣, 积分抵现 ...
    amount: Fen


@dataclass(frozen=True)
class Figure:
    """A labelled figure for reports and fees: 现金销售 ￥1,234.00, or a count as text."""

    label: str
    amount: Fen | None = None
    text: str = ""


@dataclass(frozen=True)
class Tender:
    kind: TenderKind
    amount: Fen
    reference: str = ""  # bank / WeChat / Alipay reference; the till does not talk to them


@dataclass(frozen=True)
class BalanceChange:
    bucket: Bucket
    before: Fen
    after: Fen


@dataclass(frozen=True)
class MemberBlock:
    masked_phone: str
    tier_name: str
    points_before: int
    points_earned: int
    points_redeemed: int
    points_after: int
    balances: tuple[BalanceChange, ...] = ()
    points_expiring: int = 0
    points_expiring_on: date | None = None
    upgraded_to: str | None = None  # tier name reached by this ticket

    @property
    def upgrade_notice(self) -> str | None:
        return f"恭喜升级为{self.upgraded_to}" if self.upgraded_to else None


@dataclass(frozen=True)
class Receipt:
    header: ReceiptHeader
    lines: tuple[ReceiptLine, ...] = ()
    figures: tuple[Figure, ...] = ()
    savings: tuple[Saving, ...] = ()
    total: Fen = ZERO
    tenders: tuple[Tender, ...] = ()
    change: Fen = ZERO
    member: MemberBlock | None = None
    text_lines: tuple[str, ...] = ()
    footer: tuple[str, ...] = ()

    @property
    def kind(self) -> ReceiptKind:
        return self.header.kind

    @property
    def opens_drawer(self) -> bool:
        """Cash changed hands (paid in or paid out), so the drawer must open; never otherwise.

        A reprint (重印) moved no money: it never opens the drawer, whoever asks for one.
        """
        if self.header.reprint:
            return False
        return any(t.kind is TenderKind.CASH and t.amount.value > 0 for t in self.tenders)

    @property
    def barcode_value(self) -> str:
        return self.header.receipt_no

    @property
    def subtotal(self) -> Fen:
        return total([line.amount for line in self.lines])

    @property
    def tendered(self) -> Fen:
        return total([t.amount for t in self.tenders])

    def as_reprint(self, refunded: bool = False) -> Receipt:
        """The receipt printed again; ``refunded`` marks a sale refunded since (已退货)."""
        header = {**_fields(self.header), "reprint": True, "refunded": refunded}
        return Receipt(
            header=ReceiptHeader(**header),
            lines=self.lines,
            figures=self.figures,
            savings=self.savings,
            total=self.total,
            tenders=self.tenders,
            change=self.change,
            member=self.member,
            text_lines=self.text_lines,
            footer=self.footer,
        )

    def to_json(self) -> str:
        return json.dumps(_to_plain(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Receipt:
        return _receipt_from(json.loads(text))


def _fields(obj: Any) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in obj.__dataclass_fields__}


def _to_plain(value: Any) -> Any:
    # Fen → int fen, dates → ISO text, enums → their value: JSON that any language reads back.
    if isinstance(value, Fen):
        return value.value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_to_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {k: _to_plain(v) for k, v in _fields(value).items()}
    return value


def _fen(value: Any) -> Fen:
    return Fen(int(value))


def _opt_fen(value: Any) -> Fen | None:
    return None if value is None else _fen(value)


def _member_from(data: dict[str, Any] | None) -> MemberBlock | None:
    if data is None:
        return None
    expiring_on = data["points_expiring_on"]
    return MemberBlock(
        masked_phone=data["masked_phone"],
        tier_name=data["tier_name"],
        points_before=data["points_before"],
        points_earned=data["points_earned"],
        points_redeemed=data["points_redeemed"],
        points_after=data["points_after"],
        balances=tuple(
            BalanceChange(Bucket(b["bucket"]), _fen(b["before"]), _fen(b["after"]))
            for b in data["balances"]
        ),
        points_expiring=data["points_expiring"],
        points_expiring_on=None if expiring_on is None else date.fromisoformat(expiring_on),
        upgraded_to=data["upgraded_to"],
    )


def _receipt_from(data: dict[str, Any]) -> Receipt:
    h = data["header"]
    return Receipt(
        header=ReceiptHeader(
            store_name=h["store_name"],
            till=h["till"],
            cashier=h["cashier"],
            time=datetime.fromisoformat(h["time"]),
            receipt_no=h["receipt_no"],
            kind=ReceiptKind(h["kind"]),
            reprint=h["reprint"],
            refunded=h.get("refunded", False),  # jobs stored before the mark existed
        ),
        lines=tuple(
            ReceiptLine(
                x["name"],
                x["qty"],
                _fen(x["unit_price"]),
                _fen(x["amount"]),
                _opt_fen(x.get("list_price")),  # jobs stored before 改价 existed
            )
            for x in data["lines"]
        ),
        figures=tuple(
            Figure(x["label"], _opt_fen(x["amount"]), x["text"]) for x in data["figures"]
        ),
        savings=tuple(Saving(x["kind"], _fen(x["amount"])) for x in data["savings"]),
        total=_fen(data["total"]),
        tenders=tuple(
            Tender(TenderKind(x["kind"]), _fen(x["amount"]), x["reference"])
            for x in data["tenders"]
        ),
        change=_fen(data["change"]),
        member=_member_from(data["member"]),
        text_lines=tuple(data["text_lines"]),
        footer=tuple(data["footer"]),
    )
