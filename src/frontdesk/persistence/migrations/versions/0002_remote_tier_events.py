"""Other stores' tickets as the tier rules see them, pulled from head office.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Tier is a function of the member's whole dated history (DOMAIN §3), so a till keeps the
    # tickets other stores made for its members; its own tickets stay in `ticket`.
    op.execute(
        """
        CREATE TABLE remote_tier_event (
            ticket_id TEXT NOT NULL PRIMARY KEY,
            member_id TEXT NOT NULL,
            till_id TEXT NOT NULL,
            at TEXT NOT NULL,
            spend INTEGER NOT NULL,
            points INTEGER NOT NULL,
            refund_of TEXT
        )
        """
    )
    op.execute("CREATE INDEX ix_remote_tier_event_member ON remote_tier_event (member_id)")


def downgrade() -> None:
    raise NotImplementedError("the till database is never downgraded")
