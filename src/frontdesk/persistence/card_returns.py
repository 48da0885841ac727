"""The 退卡 payout records of the till database (table card_return), written with the 退卡."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from frontdesk.persistence.tables import card_return
from frontdesk.services.records import CardReturnRecord


class SqlCardReturns:
    """The unit of work's `CardReturns`: one row per 退卡 ticket, never changed."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(self, record: CardReturnRecord, at: datetime) -> None:
        values = asdict(record)
        values["calculation"] = json.dumps(record.calculation, sort_keys=True)
        self._conn.execute(insert(card_return).values(created_at=at.isoformat(), **values))

    def get(self, ticket_id: str) -> CardReturnRecord | None:
        row = self._conn.execute(
            select(card_return).where(card_return.c.ticket_id == ticket_id)
        ).first()
        if row is None:
            return None
        values = dict(row._mapping)
        values.pop("created_at")
        values["calculation"] = json.loads(values["calculation"])
        return CardReturnRecord(**values)
