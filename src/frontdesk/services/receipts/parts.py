"""What every receipt shares: who printed it, its header, lines, tenders, savings, balances."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from frontdesk.domain.ledger import LedgerEntry
from frontdesk.domain.money import ZERO, Fen, total
from frontdesk.domain.program import Program
from frontdesk.domain.receipt import (
    BalanceChange,
    Bucket,
    ReceiptHeader,
    ReceiptKind,
    ReceiptLine,
    Saving,
    Tender,
    TenderKind,
)
from frontdesk.services.records import Ticket

FOOTER = ("谢谢惠顾，欢迎再次光临",)
OFFLINE_NOTICE = "离线交易，余额以总部为准"
SAVING_KINDS = ("会员折扣", "生日折扣", "积分抵现")
MANUAL_KINDS = ("单品折扣", "整单折扣")  # the cashier's, kept on the ticket's lines

# Audit actions that carry a manager's approval, as the shift report names them.
_APPROVED = {
    "refund": "退货",
    "price_override": "改价或折扣",
    "card_return": "退卡",
    "card_replace": "免补卡费",
    "card_unlost": "解挂",
    "points_adjust": "积分调整",
    "pin_reset": "重置密码",
    "tier_lock": "等级锁定",
}


@dataclass(frozen=True)
class Printed:
    """Who and where, as printed in every header."""

    store_name: str
    till: str
    cashier: str


@dataclass(frozen=True)
class Moved:
    """What one ticket's ledger entries did to the member: per bucket and points in/out."""

    principal: Fen = ZERO
    bonus: Fen = ZERO
    points_in: int = 0  # earned, or restored by a refund (退回)
    points_out: int = 0  # redeemed, or clawed back by a refund (扣回); positive

    @classmethod
    def of(cls, entries: Sequence[LedgerEntry]) -> Moved:
        pts = [e.amount for e in entries if e.bucket == "points"]
        return cls(
            principal=Fen(sum(e.amount for e in entries if e.bucket == "principal")),
            bonus=Fen(sum(e.amount for e in entries if e.bucket == "bonus")),
            points_in=sum(p for p in pts if p > 0),
            points_out=-sum(p for p in pts if p < 0),
        )


def _header(ticket: Ticket, kind: ReceiptKind, who: Printed) -> ReceiptHeader:
    return ReceiptHeader(
        who.store_name, who.till, who.cashier, ticket.created_at, ticket.receipt_no, kind
    )


def _tenders(ticket: Ticket, sign: int = 1) -> tuple[tuple[Tender, ...], Fen]:
    """Tenders as the customer handed them over (cash includes the change), and the change."""
    tenders = tuple(
        Tender(TenderKind(t.kind), Fen(sign * (t.amount + t.change).value), t.reference or "")
        for t in ticket.tenders
    )
    return tenders, total([t.change for t in ticket.tenders])


def _lines(ticket: Ticket, sign: int = 1) -> tuple[ReceiptLine, ...]:
    return tuple(
        ReceiptLine(
            ln.name, sign * ln.quantity, ln.unit_price, Fen(sign * ln.gross.value), ln.list_price
        )
        for ln in ticket.lines
    )


def _savings(ticket: Ticket, sign: int = 1) -> tuple[Saving, ...]:
    by_hand = (
        total([ln.line_discount for ln in ticket.lines]),
        total([ln.ticket_discount for ln in ticket.lines]),
    )
    amounts = (ticket.discount_tier, ticket.discount_birthday, ticket.redemption)
    kinds = (*MANUAL_KINDS, *SAVING_KINDS)  # a refund's line shares are negative, as its own
    return tuple(
        Saving(kind, Fen(sign * a.value))
        for kind, a in zip(kinds, (*by_hand, *amounts), strict=True)
        if a.value
    )


def _tier_name(program: Program, code: str | None) -> str:
    return "" if code is None else program.tier(code).name


def _balances(principal: tuple[Fen, Fen], bonus: tuple[Fen, Fen]) -> tuple[BalanceChange, ...]:
    """A bucket is shown when it held or holds money; an empty bucket is left off the paper."""
    out = []
    for bucket, (before, after) in ((Bucket.PRINCIPAL, principal), (Bucket.BONUS, bonus)):
        if before.value or after.value:
            out.append(BalanceChange(bucket, before, after))
    return tuple(out)


def _notes(ticket: Ticket) -> tuple[str, ...]:
    notes = []
    if ticket.points_multiplier > 1:
        notes.append(f"本单积分×{ticket.points_multiplier}")
    if ticket.offline:
        notes.append(OFFLINE_NOTICE)
    return tuple(notes)
