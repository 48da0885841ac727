"""Catalog details a store imports with its products: member price, category and unit.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Added with defaults so every product already on a till stays as it sold yesterday.
    op.execute("ALTER TABLE product ADD COLUMN member_price INTEGER CHECK (member_price >= 0)")
    op.execute("ALTER TABLE product ADD COLUMN category TEXT NOT NULL DEFAULT ''")
    op.execute("ALTER TABLE product ADD COLUMN unit TEXT NOT NULL DEFAULT ''")


def downgrade() -> None:
    raise NotImplementedError("the till database is never downgraded")
