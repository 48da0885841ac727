"""The outbox of changes waiting to go to head office."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.engine import Connection

from frontdesk.persistence import tables as t
from frontdesk.persistence.bulk import insert_rows
from frontdesk.persistence.member_personal import SqlPersonal
from frontdesk.persistence.repositories.base import SqlRepository


class SqlOutbox(SqlRepository):
    """Member events leave here with their personal fields sealed (SqlPersonal.sealed_event)."""

    def __init__(self, conn: Connection, personal: SqlPersonal | None = None) -> None:
        super().__init__(conn)
        self.personal = personal or SqlPersonal(conn)

    def add(self, kind: str, entity_id: str, payload: dict[str, object], at: datetime) -> None:
        self.add_many([(kind, entity_id, payload)], at)

    def add_many(self, events: Sequence[tuple[str, str, dict[str, object]]], at: datetime) -> None:
        """Events in the order given (head office applies them in that order)."""
        if not events:
            return
        when = at.isoformat()
        events = [
            (kind, entity_id, self.personal.sealed_event(entity_id, payload))
            if kind == "member"
            else (kind, entity_id, payload)
            for kind, entity_id, payload in events
        ]
        insert_rows(
            self.conn,
            t.outbox,
            [
                {"event_uuid": str(uuid.uuid4()), "kind": kind, "entity_id": entity_id,
                 "payload": json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str),
                 "created_at": when}
                for kind, entity_id, payload in events
            ],
        )  # fmt: skip
