"""The till's copies of an erased member's personal data, blanked (个人信息保护法 第四十七条).

The member row itself is saved by the service; here are the other copies: every change event of
the member in the outbox (pushed or not — the till keeps pushed ones), the 退卡 records' holder
name, and the member's own key, destroyed so the sealed bank and ID numbers stay unreadable.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from frontdesk.domain.erasure import erased_profile
from frontdesk.persistence import tables as t
from frontdesk.persistence.member_keys import SqlMemberKeys


class SqlErasure:
    """The unit of work's `Erasure`, on the operation's own connection."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def forget(self, member_id: str, profile: Mapping[str, object], at: datetime) -> None:
        """Every outbox copy of the member says `profile` (and that it is an erasure)."""
        rows = self._conn.execute(
            select(t.outbox.c.seq, t.outbox.c.payload).where(
                t.outbox.c.kind == "member", t.outbox.c.entity_id == member_id
            )
        ).all()
        for seq, payload in rows:
            blanked = json.loads(payload) | dict(profile) | {"erased": True}
            self._conn.execute(
                update(t.outbox)
                .where(t.outbox.c.seq == seq)
                .values(payload=json.dumps(blanked, ensure_ascii=False, sort_keys=True))
            )
        self._conn.execute(
            update(t.card_return).where(t.card_return.c.member_id == member_id).values(holder=None)
        )
        SqlMemberKeys(self._conn).destroy(member_id, at)


def forget_erased(conn: Connection, member_id: str) -> None:
    """A member head office says is erased: the till's row, outbox copies and key, blanked."""
    profile = erased_profile(member_id)
    conn.execute(update(t.member).where(t.member.c.member_id == member_id).values(**profile))
    SqlErasure(conn).forget(member_id, profile, datetime.now().astimezone())
