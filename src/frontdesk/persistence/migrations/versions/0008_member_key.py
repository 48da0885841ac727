"""A key of its own per member, for the personal fields sealed with it (the 退卡 account and ID).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Not append-only: erasing a member (个人信息保护法) destroys the key, and that is the point.
    op.execute(
        """
CREATE TABLE member_key (
    member_id TEXT NOT NULL,
    key BLOB,
    created_at TEXT NOT NULL,
    erased_at TEXT,
    PRIMARY KEY (member_id)
)
        """
    )


def downgrade() -> None:
    raise NotImplementedError("the till database is never downgraded")
