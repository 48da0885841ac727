"""Seeding members straight into a benchmark store: their personal fields sealed as the till does.

The till keeps a member's name and phone only in member_personal, sealed with a key of the
member's own (persistence/member_personal.py); a store seeded by raw INSERTs must do the same or
every read of its members fails.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from frontdesk.persistence.member_keys import new_key
from frontdesk.persistence.member_personal import LOOKUP_SETTING, Personal, seal_row


def seal_members(raw: sqlite3.Connection, members: Sequence[tuple[str, str, str]], at: str) -> None:
    """(member id, name, phone) of members already in `member`: a key and a sealed row each."""
    (lookup_hex,) = raw.execute(
        "SELECT value FROM settings WHERE key = ?", (LOOKUP_SETTING,)
    ).fetchone()
    lookup = bytes.fromhex(lookup_hex)
    keys, rows = [], []
    for member_id, name, phone in members:
        key = new_key()
        keys.append((member_id, key, at))
        sealed = seal_row(key, lookup, member_id, Personal(name, phone, None, None))
        rows.append((member_id, *sealed.values()))
    raw.executemany("INSERT INTO member_key (member_id, key, created_at) VALUES (?, ?, ?)", keys)
    raw.executemany(
        "INSERT INTO member_personal (member_id, name, phone, birthday, gender, phone_key,"
        " tail_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
