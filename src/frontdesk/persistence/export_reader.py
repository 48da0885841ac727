"""The exports' rows read straight from the till's tables, in one read transaction."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import Engine, Select, and_, func, select
from sqlalchemy.sql import ColumnElement

from frontdesk.domain.analytics import MemberFact, TicketFact
from frontdesk.domain.money import Fen
from frontdesk.persistence import tables as t
from frontdesk.persistence.member_personal import Personal, open_row


def _day_bounds(
    column: ColumnElement[Any], since: date | None, until: date | None
) -> ColumnElement[bool]:
    # Timestamps are stored as ISO text, so a day's bounds compare as text; `until` is inclusive.
    conditions: list[ColumnElement[bool]] = []
    if since is not None:
        conditions.append(column >= since.isoformat())
    if until is not None:
        conditions.append(column < (until + timedelta(days=1)).isoformat())
    return and_(True, *conditions)


# The member's sealed fields and key, right after the member id in a query's columns.
_SEALED = (
    t.member_personal.c.name,
    t.member_personal.c.phone,
    t.member_personal.c.birthday,
    t.member_personal.c.gender,
    t.member_key.c.key,
)


def _with_personal(joined: Any) -> Any:
    m = t.member
    return joined.join(t.member_personal, t.member_personal.c.member_id == m.c.member_id).outerjoin(
        t.member_key, t.member_key.c.member_id == m.c.member_id
    )


def _opened(r: tuple[object, ...]) -> Personal:
    """A row's personal fields, opened: (member id, four sealed fields, key, …)."""
    member_id, key = str(r[0]), r[5]
    sealed = [None if v is None else str(v) for v in r[1:5]]
    return open_row(key if isinstance(key, bytes) else None, member_id, sealed)


class SqlExportSource:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _rows(self, query: Select[Any]) -> list[tuple[object, ...]]:
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(query)]

    def members(self, *, marketing_only: bool) -> list[tuple[object, ...]]:
        m, a, c = t.member, t.account, t.card
        # The member's newest card: the one a cashier would scan today.
        newest = (
            select(c.c.card_no, c.c.state)
            .where(c.c.member_id == m.c.member_id)
            .order_by(c.c.generation.desc())
            .limit(1)
            .correlate(m)
        )
        q = (
            select(
                m.c.member_id,
                *_SEALED,
                a.c.tier,
                a.c.principal,
                a.c.bonus,
                a.c.principal + a.c.bonus,
                a.c.points,
                newest.with_only_columns(c.c.card_no).scalar_subquery(),
                newest.with_only_columns(c.c.state).scalar_subquery(),
                m.c.store,
                m.c.created_at,
                m.c.consent_marketing_at.is_not(None),
            )
            .select_from(_with_personal(m.join(a, a.c.member_id == m.c.member_id)))
            .order_by(m.c.created_at, m.c.member_id)
        )
        if marketing_only:
            q = q.where(m.c.consent_marketing_at.is_not(None))
        found = []
        for r in self._rows(q):
            p = _opened(r)
            found.append((r[0], p.name, p.phone, p.birthday, *r[6:15], "是" if r[15] else "否"))
        return found

    def tickets(self, since: date | None, until: date | None) -> list[tuple[object, ...]]:
        k = t.ticket
        original = k.alias("original")
        q = (
            select(
                k.c.receipt_no,
                k.c.kind,
                k.c.created_at,
                k.c.cashier,
                k.c.member_id,
                k.c.card_no,
                k.c.gross,
                k.c.discount_tier,
                k.c.discount_birthday,
                k.c.redemption,
                k.c.total,
                k.c.points_earned,
                original.c.receipt_no,
            )
            .select_from(k.outerjoin(original, original.c.ticket_id == k.c.refund_of))
            .where(_day_bounds(k.c.created_at, since, until))
            .order_by(k.c.created_at, k.c.receipt_no)
        )
        return self._rows(q)

    def ticket_lines(self, since: date | None, until: date | None) -> list[tuple[object, ...]]:
        k, ln = t.ticket, t.ticket_line
        q = (
            select(
                k.c.receipt_no,
                ln.c.line_no,
                ln.c.barcode,
                ln.c.name,
                ln.c.unit_price,
                ln.c.quantity,
                ln.c.gross,
                ln.c.member_discount,
                ln.c.redemption,
                ln.c.net,
            )
            .select_from(ln.join(k, k.c.ticket_id == ln.c.ticket_id))
            .where(_day_bounds(k.c.created_at, since, until))
            .order_by(k.c.created_at, k.c.receipt_no, ln.c.line_no)
        )
        return self._rows(q)

    def tenders(self, since: date | None, until: date | None) -> list[tuple[object, ...]]:
        k, td = t.ticket, t.tender
        q = (
            select(k.c.receipt_no, td.c.idx, td.c.kind, td.c.amount, td.c.change, td.c.reference)
            .select_from(td.join(k, k.c.ticket_id == td.c.ticket_id))
            .where(_day_bounds(k.c.created_at, since, until))
            .order_by(k.c.created_at, k.c.receipt_no, td.c.idx)
        )
        return self._rows(q)

    def shifts(self, since: date | None, until: date | None) -> list[tuple[object, ...]]:
        s, st = t.shift, t.staff
        q = (
            select(
                s.c.shift_id,
                func.coalesce(st.c.name, s.c.cashier),
                s.c.opened_at,
                s.c.closed_at,
                s.c.opening_float,
                s.c.counted_cash,
            )
            .select_from(s.outerjoin(st, st.c.staff_no == s.c.cashier))
            .where(_day_bounds(s.c.opened_at, since, until))
            .order_by(s.c.opened_at)
        )
        return self._rows(q)

    def liability(self) -> list[tuple[object, ...]]:
        m, a = t.member, t.account
        q = (
            select(
                m.c.member_id, *_SEALED, a.c.principal, a.c.bonus, a.c.principal + a.c.bonus,
                a.c.points,
            )
            .select_from(_with_personal(m.join(a, a.c.member_id == m.c.member_id)))
            .where((a.c.principal != 0) | (a.c.bonus != 0) | (a.c.points != 0))
            .order_by(m.c.member_id)
        )  # fmt: skip
        return [(r[0], _opened(r).name, *r[6:]) for r in self._rows(q)]

    # -- the store's KPIs (services/store_kpis.py) --------------------------------------------

    def member_facts(self) -> list[MemberFact]:
        m = t.member
        q = select(m.c.member_id, m.c.created_at, m.c.store)
        # A stored time's day is the date it was written with, as head office reads it.
        with self.engine.connect() as conn:
            return [
                MemberFact(r.member_id, date.fromisoformat(r.created_at[:10]), r.store)
                for r in conn.execute(q)
            ]

    def ticket_facts(self) -> list[TicketFact]:
        k = t.ticket
        q = select(k.c.member_id, k.c.created_at, k.c.total, k.c.kind).where(
            k.c.kind.in_(("sale", "refund"))
        )
        with self.engine.connect() as conn:
            return [
                TicketFact(
                    r.member_id or None,
                    date.fromisoformat(r.created_at[:10]),
                    Fen(r.total),
                    r.kind == "refund",
                )
                for r in conn.execute(q)
            ]

    def liability_sums(self) -> tuple[int, int, int]:
        a = t.account
        q = select(
            func.coalesce(func.sum(a.c.principal), 0),
            func.coalesce(func.sum(a.c.bonus), 0),
            func.coalesce(func.sum(a.c.points), 0),
        )
        principal, bonus, points = self._rows(q)[0]
        return int(str(principal)), int(str(bonus)), int(str(points))
