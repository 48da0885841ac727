"""A shift report's arithmetic: sales, refunds and net figures that agree with each other.

Every figure is kept three ways: what the shift's sales took (gross), what its refunds gave
back, and the difference (net). A report that mixed them (tenders gross, discounts net of
refunds) showed 积分抵现 ￥0.00 after a ￥200 redemption was refunded while its sale still
counted in full.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from frontdesk.domain.money import ZERO, Fen

DISCOUNT_KINDS = ("tier", "birthday", "points", "line", "ticket")


@dataclass(frozen=True)
class TicketFigures:
    """What a report needs of one ticket, signed as the ticket keeps it (a refund negative)."""

    kind: str  # sale | refund | topup | reissue | cashout
    tenders: tuple[tuple[str, Fen], ...]  # (tender kind, amount)
    discounts: Mapping[str, Fen]  # by DISCOUNT_KINDS; a refund's shares are negative
    total: Fen


@dataclass(frozen=True)
class Split:
    """One figure by key, kept gross (sales), refunded (given back, positive) and net."""

    sales: dict[str, Fen]
    refunds: dict[str, Fen]

    @property
    def net(self) -> dict[str, Fen]:
        keys = sorted(set(self.sales) | set(self.refunds))
        return {k: self.sales.get(k, ZERO) - self.refunds.get(k, ZERO) for k in keys}

    @property
    def sales_total(self) -> Fen:
        return _sum(self.sales.values())

    @property
    def refunds_total(self) -> Fen:
        return _sum(self.refunds.values())


@dataclass(frozen=True)
class ShiftTotals:
    sales_count: int
    refund_count: int
    tenders: Split
    discounts: Split
    cash_in_drawer: Fen  # every cash movement of the shift, paid in less paid out

    @property
    def net_sales(self) -> Fen:
        return self.tenders.sales_total - self.tenders.refunds_total


def shift_totals(tickets: Sequence[TicketFigures]) -> ShiftTotals:
    """Sales and refunds of a shift's tickets, each figure gross, given back and net."""
    tender_sales: dict[str, Fen] = {}
    tender_refunds: dict[str, Fen] = {}
    discount_sales = dict.fromkeys(DISCOUNT_KINDS, ZERO)
    discount_refunds = dict.fromkeys(DISCOUNT_KINDS, ZERO)
    cash = ZERO
    for tk in tickets:
        for kind, amount in tk.tenders:
            if tk.kind == "sale":
                tender_sales[kind] = tender_sales.get(kind, ZERO) + amount
            elif tk.kind == "refund":
                tender_refunds[kind] = tender_refunds.get(kind, ZERO) - amount
            if kind == "cash":
                cash = cash + amount
        for kind in DISCOUNT_KINDS:
            share = tk.discounts.get(kind, ZERO)
            if tk.kind == "sale":
                discount_sales[kind] = discount_sales[kind] + share
            elif tk.kind == "refund":
                discount_refunds[kind] = discount_refunds[kind] + Fen(abs(share.value))
    return ShiftTotals(
        sales_count=sum(1 for tk in tickets if tk.kind == "sale"),
        refund_count=sum(1 for tk in tickets if tk.kind == "refund"),
        tenders=Split(tender_sales, tender_refunds),
        discounts=Split(discount_sales, discount_refunds),
        cash_in_drawer=cash,
    )


def _sum(amounts: Iterable[Fen]) -> Fen:
    return Fen(sum(a.value for a in amounts))
