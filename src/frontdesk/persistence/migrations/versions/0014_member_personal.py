"""The member's name, phone, birthday and gender move out of `member`, sealed per member.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import secrets
from datetime import datetime

from alembic import op
from sqlalchemy import text

from frontdesk.persistence.member_keys import new_key
from frontdesk.persistence.member_personal import LOOKUP_SETTING, Personal, seal_row

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_PERSONAL = """
CREATE TABLE member_personal (
    member_id TEXT NOT NULL,
    name TEXT NOT NULL,
    phone TEXT NOT NULL,
    birthday TEXT,
    gender TEXT,
    phone_key TEXT NOT NULL,
    tail_key TEXT,
    PRIMARY KEY (member_id),
    UNIQUE (phone_key),
    FOREIGN KEY(member_id) REFERENCES member (member_id)
)
"""
_KEPT = (
    "member_id", "consent_terms_at", "consent_marketing_at", "recruiter", "store", "created_at",
    "pin_hash", "pin_failures", "pin_locked", "tier_lock", "tier_lock_reason",
    "birthday_benefit_year", "updated_at",
)  # fmt: skip
_MEMBER = """
CREATE TABLE member_new (
    member_id TEXT NOT NULL,
    consent_terms_at TEXT NOT NULL,
    consent_marketing_at TEXT,
    recruiter TEXT NOT NULL,
    store TEXT NOT NULL,
    created_at TEXT NOT NULL,
    pin_hash TEXT,
    pin_failures INTEGER NOT NULL,
    pin_locked BOOLEAN NOT NULL,
    tier_lock TEXT,
    tier_lock_reason TEXT,
    birthday_benefit_year INTEGER,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (member_id)
)
"""


def upgrade() -> None:
    conn = op.get_bind()
    # The old member table's pages are zeroed as they are freed, so its plaintext does not
    # linger in the file's free pages (SQLite keeps them otherwise until a VACUUM).
    op.execute("PRAGMA secure_delete = ON")
    op.execute(_PERSONAL)
    op.execute("CREATE INDEX ix_member_personal_tail_key ON member_personal (tail_key)")
    lookup = secrets.token_bytes(32)
    conn.execute(
        text("INSERT INTO settings (key, value) VALUES (:k, :v)"),
        {"k": LOOKUP_SETTING, "v": lookup.hex()},
    )
    keys = {m: k for m, k in conn.execute(text("SELECT member_id, key FROM member_key"))}
    now = datetime.now().astimezone().isoformat()
    made, sealed = [], []
    members = conn.execute(text("SELECT member_id, name, phone, birthday, gender FROM member"))
    for member_id, name, phone, birthday, gender in members:
        if member_id not in keys:
            keys[member_id] = new_key()
            made.append({"m": member_id, "k": keys[member_id], "at": now})
        # An already erased member's key is gone: its (erased) fields are sealed under a key
        # nobody keeps, so they read as erased like every sealed copy of them.
        key = keys[member_id] or new_key()
        row = seal_row(key, lookup, member_id, Personal(name, phone, birthday, gender))
        sealed.append({"member_id": member_id} | row)
    if made:
        conn.execute(
            text("INSERT INTO member_key (member_id, key, created_at) VALUES (:m, :k, :at)"), made
        )
    if sealed:
        conn.execute(
            text(
                "INSERT INTO member_personal (member_id, name, phone, birthday, gender,"
                " phone_key, tail_key) VALUES (:member_id, :name, :phone, :birthday, :gender,"
                " :phone_key, :tail_key)"
            ),
            sealed,
        )
    # SQLite cannot drop a UNIQUE column: the table is made again without the four (engine.py
    # runs migrations with foreign keys off, so the rows pointing at members keep pointing).
    op.execute(_MEMBER)
    columns = ", ".join(_KEPT)
    op.execute(f"INSERT INTO member_new ({columns}) SELECT {columns} FROM member")
    op.execute("DROP TABLE member")
    op.execute("ALTER TABLE member_new RENAME TO member")
    op.execute("PRAGMA secure_delete = OFF")


def downgrade() -> None:
    raise NotImplementedError("the till database is never downgraded")
