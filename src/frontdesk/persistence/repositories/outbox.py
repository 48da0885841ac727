"""The outbox of changes waiting to go to head office."""

from __future__ import annotations

import json
import uuid
from datetime import datetime

from sqlalchemy import insert
from sqlalchemy.engine import Connection

from frontdesk.persistence import tables as t


class SqlOutbox:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, kind: str, entity_id: str, payload: dict[str, object], at: datetime) -> None:
        self.conn.execute(
            insert(t.outbox).values(
                event_uuid=str(uuid.uuid4()),
                kind=kind,
                entity_id=entity_id,
                payload=json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str),
                created_at=at.isoformat(),
            )
        )
