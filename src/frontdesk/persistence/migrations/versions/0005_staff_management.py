"""Staff management: disabled accounts, the approval PIN's own counter, the approval's operator.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Wrong approval PINs are counted apart from the login's (DOMAIN §7: they never lock the
    # approver's login) and pause approvals until a time instead of for good.
    op.execute("ALTER TABLE staff ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT 0")
    op.execute("ALTER TABLE staff ADD COLUMN approval_failures INTEGER NOT NULL DEFAULT 0")
    op.execute("ALTER TABLE staff ADD COLUMN approvals_paused_until TEXT")
    # Who asked for the approval, so the same person cannot be operator and approver.
    op.execute("ALTER TABLE approval ADD COLUMN operator TEXT")


def downgrade() -> None:
    raise NotImplementedError("the till database is never downgraded")
