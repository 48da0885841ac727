"""Print jobs say how far they got: printed (the printer's status read back) or only sent.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # NULL for the jobs of before: they were counted printed once the bytes had gone.
    op.execute("ALTER TABLE print_job ADD COLUMN delivery TEXT")


def downgrade() -> None:
    op.execute("ALTER TABLE print_job DROP COLUMN delivery")
