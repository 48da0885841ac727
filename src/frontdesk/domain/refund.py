"""Refunds: which lines go back and in what shares, to which tenders, buckets and points lots.

Every share is taken of a running total (what will have been refunded after this refund, less
what had been before), so any number of partial refunds adds up to the sale to the fen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from frontdesk.domain import errors
from frontdesk.domain.ledger import Bucket, EntryKind, LedgerEntry, TxnDrafts
from frontdesk.domain.money import ZERO, Fen, allocate, apply_rate, total
from frontdesk.domain.sale import TicketLine
from frontdesk.domain.stored_value import Split, split_refund
from frontdesk.domain.tenders import STORED_VALUE, Tender


class SoldTicket(Protocol):
    """What the refund rules read of a sale, or of an earlier refund of it."""

    @property
    def lines(self) -> Sequence[TicketLine]: ...
    @property
    def tenders(self) -> Sequence[Tender]: ...
    @property
    def total(self) -> Fen: ...
    @property
    def points_earned(self) -> int: ...
    @property
    def redeemed_points(self) -> int: ...
    @property
    def redemption(self) -> Fen: ...
    @property
    def discount_tier(self) -> Fen: ...
    @property
    def discount_birthday(self) -> Fen: ...


def share(amount: int, part: int, whole: int) -> int:
    """Amount × part / whole, rounded half up; shares of a running total refund exactly."""
    return apply_rate(Fen(amount), Decimal(part) / Decimal(whole)).value


def _refunded_quantities(previous: Sequence[SoldTicket]) -> dict[int, int]:
    done: dict[int, int] = {}
    for r in previous:
        for ln in r.lines:
            assert ln.refund_of_line is not None
            done[ln.refund_of_line] = done.get(ln.refund_of_line, 0) - ln.quantity
    return done


def refund_lines(
    sale: SoldTicket, previous: Sequence[SoldTicket], wanted: Mapping[int, int] | None
) -> tuple[list[TicketLine], dict[int, int]]:
    """The refund's lines (negative), each an exact share of what is left on the sale's line.

    `wanted` is {line_no: quantity}, or None for everything not yet refunded; returns the lines
    and the quantities actually asked for.
    """
    refunded_qty = _refunded_quantities(previous)
    asked = (
        dict(wanted)
        if wanted is not None
        else {ln.line_no: ln.quantity - refunded_qty.get(ln.line_no, 0) for ln in sale.lines}
    )
    asked = {k: v for k, v in asked.items() if v}
    if not asked:
        raise errors.NothingToRefund()
    lines: list[TicketLine] = []
    for i, (line_no, qty) in enumerate(sorted(asked.items()), start=1):
        line = next((ln for ln in sale.lines if ln.line_no == line_no), None)
        left = 0 if line is None else line.quantity - refunded_qty.get(line_no, 0)
        if line is None or qty <= 0 or qty > left:
            raise errors.RefundTooLarge(line=line_no, left=left)
        before, whole = refunded_qty.get(line_no, 0), line.quantity

        def part(amount: Fen, q: int = qty, before: int = before, whole: int = whole) -> Fen:
            after_this = share(amount.value, before + q, whole)
            return Fen(-(after_this - share(amount.value, before, whole)))

        lines.append(
            TicketLine(
                i,
                line.barcode,
                line.name,
                line.unit_price,
                -qty,
                part(line.gross),
                part(line.member_discount),
                part(line.redemption),
                part(line.net),
                line_no,
                list_price=line.list_price,
                line_discount=part(line.line_discount),
                ticket_discount=part(line.ticket_discount),
            )
        )
    return lines, asked


def paid_back(lines: Sequence[TicketLine]) -> Fen:
    """What a refund of these lines pays back (positive)."""
    return -total([ln.net for ln in lines])


@dataclass(frozen=True)
class Move:
    """One ledger movement of a refund, before it is numbered into the refund's transaction."""

    kind: EntryKind
    bucket: Bucket
    amount: int
    lot_year: int | None = None


@dataclass(frozen=True)
class RefundPlan:
    lines: tuple[TicketLine, ...]
    wanted: dict[int, int]
    amount: Fen  # positive: what goes back
    tenders: tuple[Tender, ...]  # negative: what the till pays out, the way it was paid
    moves: tuple[Move, ...]  # the member's entries; none for a sale without a member
    points_back: int  # net points given back to the member (restored less reversed)
    gross: Fen
    discount_tier: Fen
    discount_birthday: Fen
    redemption: Fen
    points_reversed: int = 0  # of the points the sale earned, taken back
    points_restored: int = 0  # of the points the sale redeemed, given back

    def drafts(self, entries: TxnDrafts) -> TxnDrafts:
        for m in self.moves:
            entries.add(m.kind, m.bucket, m.amount, m.lot_year)
        return entries


def _points_moves(
    sale: SoldTicket,
    previous: Sequence[SoldTicket],
    lines: Sequence[TicketLine],
    entries: Sequence[LedgerEntry],
    refunded_before: int,
    amount: int,
    year: int,
) -> tuple[list[Move], int, int]:
    """Points earned are reversed and points redeemed restored, in proportion to the refund.

    Returns the moves, the points reversed and the points restored.
    """
    moves: list[Move] = []
    whole_due = sale.total.value
    earned_before = share(sale.points_earned, refunded_before, whole_due) if whole_due else 0
    earned_after = (
        share(sale.points_earned, refunded_before + amount, whole_due)
        if whole_due
        else sale.points_earned
    )
    reversed_points = earned_after - earned_before
    earn_lot = next((e.lot_year for e in entries if e.kind == "earn"), year)
    moves.append(Move(EntryKind.REVERSAL, Bucket.POINTS, -reversed_points, earn_lot))
    points_back = 0
    red_before = sum(-ln.redemption.value for r in previous for ln in r.lines)
    red_now = -sum(ln.redemption.value for ln in lines)
    if sale.redemption.value and red_now:
        lot_parts = [(e.lot_year, -e.amount) for e in entries if e.kind == "redeem"]
        weights = [p for _, p in lot_parts]
        whole_red = sale.redemption.value
        before = allocate(Fen(share(sale.redeemed_points, red_before, whole_red)), weights)
        after = allocate(Fen(share(sale.redeemed_points, red_before + red_now, whole_red)), weights)
        for (lot, _), a, b in zip(lot_parts, after, before, strict=True):
            if (a - b).value:
                moves.append(Move(EntryKind.REFUND, Bucket.POINTS, (a - b).value, lot))
                points_back += (a - b).value
    return moves, reversed_points, points_back


def plan_refund(
    sale: SoldTicket,
    previous: Sequence[SoldTicket],
    wanted: Mapping[int, int] | None,
    sale_entries: Sequence[LedgerEntry] | None,
    year: int,
) -> RefundPlan:
    """Everything a refund moves: its lines, the tenders paid back, the member's entries.

    Money goes back the way it came (stored value to the buckets it was spent from, the rest as
    paid, shared over the tenders by largest remainder). `sale_entries` are the sale's own
    ledger entries, None when the sale had no member; `year` is the points lot of last resort.
    """
    lines, asked = refund_lines(sale, previous, wanted)
    amount = paid_back(lines).value
    refunded_before = -sum(r.total.value for r in previous)
    paid = [t for t in sale.tenders if t.amount.value > 0]
    weights = [t.amount.value for t in paid]
    before_parts = allocate(Fen(refunded_before), weights)
    after_parts = allocate(Fen(refunded_before + amount), weights)
    tenders = tuple(
        Tender(t.kind, -(a - b), ZERO, t.reference)
        for t, a, b in zip(paid, after_parts, before_parts, strict=True)
        if (a - b).value
    )
    moves: list[Move] = []
    reversed_points = restored_points = 0
    if sale_entries is not None:
        sv = next((t for t in tenders if t.kind == STORED_VALUE), None)
        if sv is not None:
            spent = Split(
                Fen(-sum(e.amount for e in sale_entries if (e.kind, e.bucket) == _SPENT_PRINCIPAL)),
                Fen(-sum(e.amount for e in sale_entries if (e.kind, e.bucket) == _SPENT_BONUS)),
            )
            sv_before = before_parts[[t.kind for t in paid].index(STORED_VALUE)]
            back = split_refund(spent, sv_before, -sv.amount)
            moves.append(Move(EntryKind.REFUND, Bucket.PRINCIPAL, back.principal.value))
            moves.append(Move(EntryKind.REFUND, Bucket.BONUS, back.bonus.value))
        points, reversed_points, restored_points = _points_moves(
            sale, previous, lines, sale_entries, refunded_before, amount, year
        )
        moves.extend(points)
    member_discount = total([ln.member_discount for ln in lines])
    return RefundPlan(
        lines=tuple(lines),
        wanted=asked,
        amount=Fen(amount),
        tenders=tenders,
        moves=tuple(moves),
        points_back=restored_points - reversed_points,
        points_reversed=reversed_points,
        points_restored=restored_points,
        gross=total([ln.gross for ln in lines]),
        discount_tier=member_discount if sale.discount_tier else ZERO,
        discount_birthday=member_discount if sale.discount_birthday else ZERO,
        redemption=total([ln.redemption for ln in lines]),
    )


_SPENT_PRINCIPAL = ("spend", "principal")
_SPENT_BONUS = ("spend", "bonus")
