"""Shifts of this till: open, close, the one that is open."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import and_, bindparam, insert, select, update
from sqlalchemy.engine import Connection

from frontdesk.domain.money import Fen
from frontdesk.persistence import prepared as pr
from frontdesk.persistence import rows
from frontdesk.persistence import tables as t
from frontdesk.persistence.repositories.base import SqlRepository
from frontdesk.services.records import Shift

_OPEN_SHIFT = pr.Prepared(
    select(t.shift).where(
        and_(t.shift.c.till_id == bindparam("b_till"), t.shift.c.closed_at.is_(None))
    )
)


class SqlShifts(SqlRepository):
    def __init__(self, conn: Connection, till_id: str) -> None:
        super().__init__(conn)
        self.till_id = till_id

    def current(self) -> Shift | None:
        r = pr.first(self.conn, _OPEN_SHIFT, {"b_till": self.till_id})
        return None if r is None else rows.to_shift(r)

    def get(self, shift_id: str) -> Shift | None:
        r = self.conn.execute(select(t.shift).where(t.shift.c.shift_id == shift_id)).first()
        return None if r is None else rows.to_shift(r)

    def add(self, s: Shift) -> None:
        self.conn.execute(
            insert(t.shift).values(
                shift_id=s.shift_id,
                till_id=s.till_id,
                cashier=s.cashier,
                opened_at=s.opened_at.isoformat(),
                opening_float=s.opening_float.value,
                opening_liability=s.opening_liability.value,
                opening_seq=s.opening_seq,
            )
        )

    def close(self, shift_id: str, at: datetime, counted: Fen, report: dict[str, object]) -> None:
        self.conn.execute(
            update(t.shift)
            .where(t.shift.c.shift_id == shift_id)
            .values(
                closed_at=at.isoformat(),
                counted_cash=counted.value,
                report=json.dumps(report, ensure_ascii=False),
            )
        )
