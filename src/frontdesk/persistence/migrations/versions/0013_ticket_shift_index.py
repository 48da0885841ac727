"""Indexes for a till of years: a shift's tickets, and a member's whole history without the table.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The shift report (services/shifts.py) reads the shift's tickets in time order: without
    # an index it scanned every ticket the till ever made (6M rows after three years) to find
    # one shift's few hundred. (shift_id, created_at) is a range already in the report's order.
    op.execute("CREATE INDEX ix_ticket_shift ON ticket (shift_id, created_at)")
    # A refund in full replays the member's tier history (DOMAIN §3: the upgrade it won is
    # withdrawn). ix_ticket_member_time lacked the ticket's id and what it refunds, so each of a
    # loyal member's 5,000 tickets was one more random read of the table; with both the read
    # is one index range. The window's totals a sale asks still read the same index's prefix.
    op.execute(
        "CREATE INDEX ix_ticket_member_history"
        " ON ticket (member_id, created_at, kind, total, points_earned, refund_of, ticket_id)"
    )
    op.execute("DROP INDEX ix_ticket_member_time")


def downgrade() -> None:
    raise NotImplementedError("the till database is never downgraded")
