"""Indexes on a member's tickets by time, so a sale's tier check reads one window, not a lifetime.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A sale sums the member's tickets of the last tier window (services/tiering.py). By member
    # alone that read every ticket the member ever had and fetched each row to test its time:
    # a member with 5,000 tickets paid for all of them on every sale. By (member, time) it is a
    # range; with kind, total and points in the index the sum never touches the table.
    op.execute(
        "CREATE INDEX ix_ticket_member_time"
        " ON ticket (member_id, created_at, kind, total, points_earned)"
    )
    # The old index is this one's prefix: keeping both only costs every sale another write.
    op.execute("DROP INDEX ix_ticket_member_id")
    # The same for the tickets other stores made, pulled from head office.
    op.execute(
        "CREATE INDEX ix_remote_tier_event_member_time"
        " ON remote_tier_event (member_id, at, spend, points, refund_of)"
    )
    op.execute("DROP INDEX ix_remote_tier_event_member")


def downgrade() -> None:
    raise NotImplementedError("the till database is never downgraded")
