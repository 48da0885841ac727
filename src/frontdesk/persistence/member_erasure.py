"""The till's copies of an erased member's personal data, blanked (个人信息保护法 第四十七条).

The member row and its sealed fields are saved by the service; here are the other copies: every
change event of the member in the outbox (pushed or not — the till keeps pushed ones), the 退卡
records' holder name, and the member's own key, destroyed so that every field sealed with it
(name, phone, birthday, gender, the bank and ID numbers) stays unreadable.
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
from frontdesk.persistence.member_personal import (
    FIELDS,
    SqlPersonal,
    erased_personal,
    forget_name,
)


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
        forget_name(member_id)  # the name search's copy in this process, too


def forget_erased(conn: Connection, member_id: str) -> None:
    """A member head office says is erased: the till's row, outbox copies and key, blanked."""
    profile = erased_profile(member_id)
    now = datetime.now().astimezone()
    SqlPersonal(conn).write(member_id, erased_personal(member_id), now)
    kept = {k: v for k, v in profile.items() if k not in FIELDS}  # the rest is member_personal's
    conn.execute(update(t.member).where(t.member.c.member_id == member_id).values(**kept))
    SqlErasure(conn).forget(member_id, profile, now)
