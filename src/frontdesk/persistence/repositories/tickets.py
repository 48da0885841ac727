"""Tickets with their lines and tenders, and the totals a tier check reads."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, case, func, insert, or_, select, union_all
from sqlalchemy.engine import Connection

from frontdesk.domain.money import Fen
from frontdesk.domain.tiers import TierEvent, TierTotals
from frontdesk.persistence import prepared as pr
from frontdesk.persistence import rows
from frontdesk.persistence import tables as t
from frontdesk.persistence.record_seal import ChainHeads, seal_ticket
from frontdesk.persistence.repositories.base import SqlRepository
from frontdesk.persistence.rows import manual_columns
from frontdesk.services.records import Ticket

_TICKET = pr.Prepared(select(t.ticket).where(t.ticket.c.ticket_id == bindparam("b_ticket")))
_TICKET_LINES = pr.Prepared(
    select(t.ticket_line)
    .where(t.ticket_line.c.ticket_id == bindparam("b_ticket"))
    .order_by(t.ticket_line.c.line_no)
)
_TICKET_TENDERS = pr.Prepared(
    select(t.tender).where(t.tender.c.ticket_id == bindparam("b_ticket")).order_by(t.tender.c.idx)
)
_TIER_TICKETS = select(
    t.ticket.c.ticket_id,
    t.ticket.c.created_at,
    t.ticket.c.total,
    t.ticket.c.points_earned,
    t.ticket.c.refund_of,
).where(
    and_(t.ticket.c.member_id == bindparam("b_member"), t.ticket.c.kind.in_(("sale", "refund")))
)
_REMOTE_TIER_EVENTS = select(t.remote_tier_event).where(
    t.remote_tier_event.c.member_id == bindparam("b_member")
)
# The same after a moment (text bound, see _text_bound): what a sale's tier check reads.
_TIER_TICKETS_AFTER = _TIER_TICKETS.where(t.ticket.c.created_at > bindparam("b_bound"))
_REMOTE_TIER_EVENTS_AFTER = _REMOTE_TIER_EVENTS.where(
    t.remote_tier_event.c.at > bindparam("b_bound")
)
# The two fixed tier-history statements go straight to sqlite3 (a refund in full replays a loyal
# member's 5,000 tickets: SQLAlchemy's row handling cost more than reading them).
_TIER_TICKETS_ALL = pr.Prepared(_TIER_TICKETS)
_TIER_TICKETS_SINCE = pr.Prepared(_TIER_TICKETS_AFTER)
_ADD_TICKET = pr.Prepared(insert(t.ticket))
_ADD_LINES = pr.Prepared(insert(t.ticket_line))
_ADD_TENDERS = pr.Prepared(insert(t.tender))


def _text_bound(since: datetime) -> str:
    """A stored-time text bound two days before `since`.

    Times are kept as ISO text and may carry different UTC offsets (this till's, head office's),
    so text order is only wall-clock order; two days early covers any pair of offsets, and the
    tier rules themselves cut the window at the exact moment.
    """
    return (since - timedelta(days=2)).isoformat()


def _upper_totals(spend: Any, points: Any, is_sale: Any) -> tuple[Any, Any, Any]:
    return (
        func.coalesce(func.sum(case((spend > 0, spend), else_=0)), 0),
        func.coalesce(func.sum(case((points > 0, points), else_=0)), 0),
        func.coalesce(func.max(case((is_sale, spend), else_=0)), 0),
    )


# Built once: a sale asks them every time, and SQLAlchemy's statement cache keys on the object.
_LOCAL_TIER_TOTALS = select(
    *_upper_totals(t.ticket.c.total, t.ticket.c.points_earned, t.ticket.c.kind == "sale")
).where(
    t.ticket.c.member_id == bindparam("b_member"),
    t.ticket.c.kind.in_(("sale", "refund")),
    t.ticket.c.created_at > bindparam("b_bound"),
)
_REMOTE_TIER_TOTALS = select(
    *_upper_totals(
        t.remote_tier_event.c.spend,
        t.remote_tier_event.c.points,
        t.remote_tier_event.c.refund_of.is_(None),
    )
).where(
    t.remote_tier_event.c.member_id == bindparam("b_member"),
    t.remote_tier_event.c.at > bindparam("b_bound"),
    # A ticket of this till that head office sent back is counted once, from `ticket`.
    ~select(t.ticket.c.ticket_id)
    .where(t.ticket.c.ticket_id == t.remote_tier_event.c.ticket_id)
    .exists(),
)
# One statement, two rows (this till's, the other stores'); their order does not matter.
_TIER_TOTALS = pr.Prepared(union_all(_LOCAL_TIER_TOTALS, _REMOTE_TIER_TOTALS))


class SqlTickets(SqlRepository):
    def __init__(self, conn: Connection, heads: ChainHeads | None = None) -> None:
        super().__init__(conn)
        self._heads = heads

    def _load(self, r: Any) -> Ticket:
        key = {"b_ticket": r.ticket_id}
        lines = tuple(rows.to_line(x) for x in pr.all_rows(self.conn, _TICKET_LINES, key))
        tenders = tuple(rows.to_tender(x) for x in pr.all_rows(self.conn, _TICKET_TENDERS, key))
        return rows.to_ticket(r, lines, tenders)

    def get(self, ticket_id: str) -> Ticket | None:
        r = pr.first(self.conn, _TICKET, {"b_ticket": ticket_id})
        return None if r is None else self._load(r)

    def by_receipt(self, receipt_no: str) -> Ticket | None:
        r = self.conn.execute(select(t.ticket).where(t.ticket.c.receipt_no == receipt_no)).first()
        return None if r is None else self._load(r)

    def refunds_of(self, ticket_id: str) -> list[Ticket]:
        q = (
            select(t.ticket)
            .where(t.ticket.c.refund_of == ticket_id)
            .order_by(t.ticket.c.created_at)
        )
        return [self._load(r) for r in self.conn.execute(q)]

    def for_member(self, member_id: str, limit: int = 200) -> list[Ticket]:
        """The member's tickets at this till, newest first (the member page's history)."""
        q = (
            select(t.ticket)
            .where(t.ticket.c.member_id == member_id)
            .order_by(t.ticket.c.created_at.desc(), t.ticket.c.receipt_no.desc())
            .limit(limit)
        )
        return [self._load(r) for r in self.conn.execute(q)]

    def in_shift(self, shift_id: str) -> list[Ticket]:
        q = select(t.ticket).where(t.ticket.c.shift_id == shift_id).order_by(t.ticket.c.created_at)
        return [self._load(r) for r in self.conn.execute(q)]

    def tier_events(self, member_id: str, since: datetime | None = None) -> list[TierEvent]:
        """The member's tickets at this till and, as pulled from head office, at every other.

        With `since`: the tickets after it and, for each refund among them, its sale and that
        sale's refunds (whether a sale was refunded in full decides if it counts at all).
        """
        if since is None:
            return list(
                self._tier_events(_TIER_TICKETS_ALL, _REMOTE_TIER_EVENTS, {}, member_id).values()
            )
        bound = {"b_bound": _text_bound(since)}
        events = self._tier_events(_TIER_TICKETS_SINCE, _REMOTE_TIER_EVENTS_AFTER, bound, member_id)
        linked = {e.refund_of for e in events.values() if e.refund_of is not None}
        if linked:
            local, remote = t.ticket.c, t.remote_tier_event.c
            more = self._tier_events(
                _TIER_TICKETS.where(or_(local.ticket_id.in_(linked), local.refund_of.in_(linked))),
                _REMOTE_TIER_EVENTS.where(
                    or_(remote.ticket_id.in_(linked), remote.refund_of.in_(linked))
                ),
                {},
                member_id,
            )
            events.update({k: v for k, v in more.items() if k not in events})
        return list(events.values())

    def _tier_events(
        self, local: Any, remote: Any, params: dict[str, Any], member_id: str
    ) -> dict[str, TierEvent]:
        params = {**params, "b_member": member_id}
        found = (
            pr.execute(self.conn, local, params)
            if isinstance(local, pr.Prepared)
            else self.conn.execute(local, params)
        )
        at = datetime.fromisoformat
        events = {
            ticket_id: TierEvent(at(created), ticket_id, Fen(total), points, refund_of)
            for ticket_id, created, total, points, refund_of in found
        }
        for r in self.conn.execute(remote, params):
            events.setdefault(
                r.ticket_id,
                TierEvent(rows.must_dt(r.at), r.ticket_id, Fen(r.spend), r.points, r.refund_of),
            )
        return events

    def tier_totals(self, member_id: str, since: datetime) -> TierTotals:
        """An upper bound of the tier window's totals after `since`, summed by the database.

        Every ticket's positive spend and points and the largest sale: refunds and tickets taken
        out of the history only ever lower the exact figures.
        """
        params = {"b_member": member_id, "b_bound": _text_bound(since)}
        mine, theirs = pr.execute(self.conn, _TIER_TOTALS, params).fetchall()
        return TierTotals(
            Fen(mine[0] + theirs[0]), mine[1] + theirs[1], Fen(max(mine[2], theirs[2], 0))
        )

    def add_remote_tier_events(
        self, member_id: str, till_id: str, events: Sequence[TierEvent]
    ) -> None:
        """Keep other stores' tickets of a member; a ticket already known is left as it is."""
        known = set(
            self.conn.execute(
                select(t.remote_tier_event.c.ticket_id).where(
                    t.remote_tier_event.c.ticket_id.in_([e.ticket_id for e in events])
                )
            ).scalars()
        )
        fresh: dict[str, dict[str, object]] = {}
        for e in events:
            if e.ticket_id in known:
                continue
            fresh[e.ticket_id] = {
                "ticket_id": e.ticket_id,
                "member_id": member_id,
                "till_id": till_id,
                "at": e.at.isoformat(),
                "spend": e.spend.value,
                "points": e.points,
                "refund_of": e.refund_of,
            }
        if fresh:
            self.conn.execute(insert(t.remote_tier_event), list(fresh.values()))

    def add(self, tk: Ticket) -> None:
        row = {
            "ticket_id": tk.ticket_id,
            "receipt_no": tk.receipt_no,
            "till_id": tk.till_id,
            "shift_id": tk.shift_id,
            "kind": tk.kind,
            "member_id": tk.member_id,
            "card_no": tk.card_no,
            "created_at": tk.created_at.isoformat(),
            "cashier": tk.cashier,
            "approver": tk.approver,
            "refund_of": tk.refund_of,
            "gross": tk.gross.value,
            "discount_tier": tk.discount_tier.value,
            "discount_birthday": tk.discount_birthday.value,
            "redemption": tk.redemption.value,
            "redeemed_points": tk.redeemed_points,
            "total": tk.total.value,
            "points_earned": tk.points_earned,
            "points_multiplier": tk.points_multiplier,
            "birthday_benefit": tk.birthday_benefit,
            "tier": tk.tier,
            "upgraded_to": tk.upgraded_to,
            "offline": tk.offline,
            "note": tk.note,
        }
        lines = [
            {
                "ticket_id": tk.ticket_id,
                "line_no": ln.line_no,
                "barcode": ln.barcode,
                "name": ln.name,
                "unit_price": ln.unit_price.value,
                "quantity": ln.quantity,
                "gross": ln.gross.value,
                "member_discount": ln.member_discount.value,
                "redemption": ln.redemption.value,
                "net": ln.net.value,
                "refund_of_line": ln.refund_of_line,
                **manual_columns(ln),
            }
            for ln in tk.lines
        ]
        tenders = [
            {
                "ticket_id": tk.ticket_id,
                "idx": i,
                "kind": x.kind,
                "amount": x.amount.value,
                "change": x.change.value,
                "reference": x.reference,
            }
            for i, x in enumerate(tk.tenders)
        ]
        # Sealed into the ticket chain with its lines and tenders (persistence/record_seal.py).
        heads = self._heads or ChainHeads(self.conn, tk.till_id)
        pr.execute(self.conn, _ADD_TICKET, seal_ticket(heads, row, lines, tenders))
        pr.execute_many(self.conn, _ADD_LINES, lines)
        pr.execute_many(self.conn, _ADD_TENDERS, tenders)
