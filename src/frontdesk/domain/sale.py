"""A priced sale as the till keeps it: its ticket lines and the ledger entries it moves."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from frontdesk.domain.balances import Balances
from frontdesk.domain.ledger import Bucket, EntryDraft, EntryKind, TxnDrafts
from frontdesk.domain.money import ZERO, Fen
from frontdesk.domain.points import take_fifo
from frontdesk.domain.pricing import PricedTicket
from frontdesk.domain.program import SpendOrder
from frontdesk.domain.stored_value import split_spend


@dataclass(frozen=True)
class TicketLine:
    """A line of a committed ticket; a refund's lines are negative and name the line refunded."""

    line_no: int
    barcode: str
    name: str
    unit_price: Fen
    quantity: int
    gross: Fen
    member_discount: Fen
    redemption: Fen
    net: Fen
    refund_of_line: int | None = None
    # The cashier's hand (改价, 单品折扣, 整单折扣): the catalog price when the line was sold at
    # another, the line's own discount and its share of the ticket's.
    list_price: Fen | None = None
    line_discount: Fen = ZERO
    ticket_discount: Fen = ZERO


def sale_lines(priced: PricedTicket) -> tuple[TicketLine, ...]:
    return tuple(
        TicketLine(
            pl.line_no,
            pl.product.barcode,
            pl.product.name,
            pl.price,
            pl.quantity,
            pl.gross,
            pl.member_discount,
            pl.redemption,
            pl.net,
            list_price=pl.product.unit_price if pl.overridden else None,
            line_discount=pl.line_discount,
            ticket_discount=pl.ticket_discount,
        )
        for pl in priced.lines
    )


def earn_lots(lots: Mapping[int, int], points: int, year: int) -> list[tuple[int, int]]:
    """Earned points first fill any lot a refund left negative, the rest go to this year's lot."""
    parts: list[tuple[int, int]] = []
    left = points
    for y in sorted(lots):
        if lots[y] < 0 and left:
            fill = min(-lots[y], left)
            parts.append((y, fill))
            left -= fill
    if left:
        parts.append((year, left))
    return parts


def sale_drafts(
    entries: TxnDrafts,
    funds: Balances,
    priced: PricedTicket,
    *,
    stored: Fen,
    order: SpendOrder,
    year: int,
) -> list[EntryDraft]:
    """The member's entries for a priced sale: stored value spent, points redeemed and earned.

    Refuses a stored-value amount above the balance; points are redeemed oldest lot first.
    """
    if stored.value:
        split = split_spend(funds.principal, funds.bonus, stored, order)
        entries.add(EntryKind.SPEND, Bucket.PRINCIPAL, -split.principal.value)
        entries.add(EntryKind.SPEND, Bucket.BONUS, -split.bonus.value)
    if priced.redeemed_points:
        for lot, p in take_fifo(funds.lots, priced.redeemed_points):
            entries.add(EntryKind.REDEEM, Bucket.POINTS, -p, lot)
    if priced.points_earned:
        for lot, p in earn_lots(funds.lots, priced.points_earned, year):
            entries.add(EntryKind.EARN, Bucket.POINTS, p, lot)
    return entries.drafts
