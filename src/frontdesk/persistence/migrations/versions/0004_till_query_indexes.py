"""Indexes that make the till's checkout and refund queries seeks instead of scans.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A refund reads its sale's entries inside the write transaction; without this it scanned
    # the whole ledger (about a second at 5M entries). seq keeps them in order without a sort.
    op.execute("CREATE INDEX ix_ledger_ticket ON ledger_entry (ticket_id, seq)")
    # Every sale, refund and top-up looks up the open shift; shifts only ever accumulate.
    op.execute("CREATE INDEX ix_shift_open ON shift (till_id, closed_at)")


def downgrade() -> None:
    raise NotImplementedError("the till database is never downgraded")
