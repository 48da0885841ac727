"""The outbox of changes waiting to go to head office."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import datetime

from frontdesk.persistence import tables as t
from frontdesk.persistence.bulk import insert_rows
from frontdesk.persistence.repositories.base import SqlRepository


class SqlOutbox(SqlRepository):
    def add(self, kind: str, entity_id: str, payload: dict[str, object], at: datetime) -> None:
        self.add_many([(kind, entity_id, payload)], at)

    def add_many(self, events: Sequence[tuple[str, str, dict[str, object]]], at: datetime) -> None:
        """Events in the order given (head office applies them in that order)."""
        if not events:
            return
        when = at.isoformat()
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
