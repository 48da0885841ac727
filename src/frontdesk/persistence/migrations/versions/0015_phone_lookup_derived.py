"""The phone lookup key leaves the database: it is derived from the till's PIN secret instead.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # 0014 kept a random lookup key in settings, beside the phone keys made with it: whoever had
    # the file could hash every possible phone (there are few) and find the erased ones too. The
    # key is now derived from the PIN secret kept outside the file (persistence/member_personal.py,
    # "frontdesk phone lookup v1"); the phone keys are made again under it on the first use, as
    # settings no longer names the key they are under.
    op.execute("DELETE FROM settings WHERE key = 'phone_lookup_key'")


def downgrade() -> None:
    raise NotImplementedError("the till database is never downgraded")
