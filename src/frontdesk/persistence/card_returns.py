"""The 退卡 payout records of the till database (table card_return), written with the 退卡."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection, RowMapping

from frontdesk.persistence.member_keys import SqlMemberKeys
from frontdesk.persistence.tables import card_return
from frontdesk.services.records import CardReturnRecord

# The full account number and ID card number: sealed with the member's own key.
SEALED = ("account", "id_number")


class SqlCardReturns:
    """The unit of work's `CardReturns`: one row per 退卡 ticket, never changed."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._keys = SqlMemberKeys(conn)

    def add(self, record: CardReturnRecord, at: datetime) -> None:
        values = asdict(record)
        values["calculation"] = json.dumps(record.calculation, sort_keys=True)
        for field in SEALED:  # only the masked forms stay readable without the member's key
            values[field] = self._keys.seal(record.member_id, field, values[field], at)
        self._conn.execute(insert(card_return).values(created_at=at.isoformat(), **values))

    def get(self, ticket_id: str) -> CardReturnRecord | None:
        row = self._conn.execute(
            select(card_return).where(card_return.c.ticket_id == ticket_id)
        ).first()
        return None if row is None else self._record(row._mapping)

    def for_member(self, member_id: str) -> list[CardReturnRecord]:
        q = (
            select(card_return)
            .where(card_return.c.member_id == member_id)
            .order_by(card_return.c.created_at)
        )
        return [self._record(row._mapping) for row in self._conn.execute(q)]

    def _record(self, row: RowMapping) -> CardReturnRecord:
        values = dict(row)
        values.pop("created_at")
        values["calculation"] = json.loads(values["calculation"])
        for field in SEALED:
            values[field] = self._keys.open(values["member_id"], field, values[field])
        return CardReturnRecord(**values)
