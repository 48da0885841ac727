"""Finding a member at the counter (name, phone, its last four digits, card) and their history.

Cashiers see phones masked (138****1234); a staff member whose role sees full details sees them
in full, and that look is audited (DOMAIN §7). Every search and page needs a login.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from frontdesk.domain import errors
from frontdesk.domain.cards import CardState, active_card
from frontdesk.domain.ledger import LedgerEntry
from frontdesk.domain.member_search import read_member_query
from frontdesk.domain.members import mask_phone
from frontdesk.domain.money import Fen
from frontdesk.domain.permissions import Operation
from frontdesk.domain.points import last_day
from frontdesk.services import member_privacy
from frontdesk.services.context import TillContext
from frontdesk.services.membership import MemberView, member_view
from frontdesk.services.records import Ticket
from frontdesk.services.staff import authorize_in

HISTORY_TICKETS = 200  # the newest tickets the page lists; the statement has them all


@dataclass(frozen=True)
class MemberHit:
    """One line of a search's result list."""

    member_id: str
    name: str
    phone: str  # masked unless the searcher's role sees full details
    tier_name: str  # the program's name (Chinese)
    card_no: str | None  # the active card, None when the member has none
    card_state: CardState | None  # the state of the newest card
    last_card_no: str | None  # the newest card, whatever its state (a lost one to 解挂)
    balance: Fen
    points: int
    tier: str = ""  # the tier's code, so a screen names it in its own language


@dataclass(frozen=True)
class TicketRow:
    receipt_no: str
    at: datetime
    kind: str  # sale | refund | topup | cashout | reissue
    total: Fen
    points: int  # earned (a refund: negative when points went back)
    refunded: bool  # a sale with at least one refund of it


@dataclass(frozen=True)
class TopupRow:
    at: str  # ISO 8601, as the ledger keeps it
    receipt_no: str
    principal: Fen
    bonus: Fen


@dataclass(frozen=True)
class PointsLot:
    year: int
    points: int
    expires: date  # the last day the lot's points may be used


@dataclass(frozen=True)
class CardRow:
    card_no: str
    generation: int
    state: CardState
    since: str  # ISO 8601: when the card reached its present state


@dataclass(frozen=True)
class MemberHistory:
    member: MemberView  # its ``phone`` masked unless the reader sees full details
    tickets: tuple[TicketRow, ...]
    topups: tuple[TopupRow, ...]
    lots: tuple[PointsLot, ...]
    cards: tuple[CardRow, ...]
    full_details: bool


def _sees_full(ctx: TillContext, actor: str) -> bool:
    """Whether the actor, who may look members up at all, sees their full phones."""
    with ctx.uow(write=False) as uow:
        person = authorize_in(uow, actor, Operation.MEMBER_LOOKUP)
    return member_privacy.sees_full_details(person.role)


def search(ctx: TillContext, *, actor: str, text: str, limit: int = 50) -> list[MemberHit]:
    """Members by full phone, the phone's last four digits, a card (any state) or part of a name."""
    query = read_member_query(text)
    full = _sees_full(ctx, actor)
    now = ctx.now()
    hits: list[MemberHit] = []
    with ctx.uow(write=False) as uow:
        for member in uow.members.search(query, limit):
            cards = uow.cards.for_member(member.member_id)
            card = active_card(cards)
            view = member_view(uow, ctx, member, card, now)
            hits.append(
                MemberHit(
                    member_id=member.member_id,
                    name=member.name,
                    phone=member.phone if full else mask_phone(member.phone),
                    tier_name=view.tier_name,
                    card_no=None if card is None else card.card_no,
                    card_state=cards[-1].state if cards else None,
                    last_card_no=cards[-1].card_no if cards else None,
                    balance=view.balance,
                    points=view.points,
                    tier=view.tier,
                )
            )
    if full:
        member_privacy.record_full_view(ctx, actor=actor, member_ids=[h.member_id for h in hits])
    return hits


def _topups(entries: Sequence[LedgerEntry], receipts: dict[str, str]) -> list[TopupRow]:
    """Each top-up's principal and bonus, newest first, from the member's ledger entries."""
    found: dict[str, tuple[str, int, int]] = {}
    for e in entries:
        if (e.kind, e.bucket) not in (("topup", "principal"), ("bonus", "bonus")):
            continue
        at, principal, bonus = found.get(e.txn_uuid, (e.created_at, 0, 0))
        if e.kind == "topup":
            principal += e.amount
        else:
            bonus += e.amount
        found[e.txn_uuid] = (at, principal, bonus)
    rows = [
        TopupRow(at, receipts.get(txn, ""), Fen(principal), Fen(bonus))
        for txn, (at, principal, bonus) in found.items()
    ]
    return sorted(rows, key=lambda r: r.at, reverse=True)


def _points_moved(ticket: Ticket) -> int:
    """The ticket's change to the member's points.

    A sale earns and redeems; a refund takes earned points back (its points_earned is negative)
    and gives redeemed ones back (its redeemed_points).
    """
    if ticket.kind == "refund":
        return ticket.points_earned + ticket.redeemed_points
    return ticket.points_earned - ticket.redeemed_points


def history(ctx: TillContext, *, actor: str, member_id: str) -> MemberHistory:
    """The member page: the member, tickets, top-ups, points lots with expiry, every card."""
    full = _sees_full(ctx, actor)
    now = ctx.now()
    with ctx.uow(write=False) as uow:
        member = uow.members.get(member_id)
        if member is None:
            raise errors.UnknownMember(ref=member_id)
        cards = uow.cards.for_member(member_id)
        view = member_view(uow, ctx, member, active_card(cards), now)
        tickets = uow.tickets.for_member(member_id, HISTORY_TICKETS)
        refunded = {tk.refund_of for tk in tickets if tk.refund_of is not None}
        receipts = {tk.ticket_id: tk.receipt_no for tk in tickets}
        entries = uow.ledger.for_member(member_id)
        lots = uow.accounts.lots(member_id)
        card_rows = tuple(
            CardRow(c.card_no, c.generation, c.state, uow.cards.state_since(c.card_no) or "")
            for c in reversed(cards)
        )
    view = (
        replace(view, phone=view.masked_phone)
        if not full
        else replace(view, shown_phone=view.phone)
    )
    today = now.date()
    live_lots = tuple(
        PointsLot(year, points, last_day(year, ctx.program))
        for year, points in sorted(lots.items())
        if points and last_day(year, ctx.program) >= today
    )
    result = MemberHistory(
        member=view,
        tickets=tuple(
            TicketRow(
                tk.receipt_no,
                tk.created_at,
                tk.kind,
                tk.total,
                _points_moved(tk),
                tk.ticket_id in refunded,
            )
            for tk in tickets
        ),
        topups=tuple(_topups(entries, receipts)),
        lots=live_lots,
        cards=card_rows,
        full_details=full,
    )
    if full:
        member_privacy.record_full_view(ctx, actor=actor, member_ids=[member_id])
    return result
