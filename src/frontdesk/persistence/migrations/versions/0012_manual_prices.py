"""Ticket lines keep the cashier's hand: 改价 (the catalog price beside), 单品折扣, 整单折扣.

Each column is NULL on a line sold as the catalog said, so every line sealed before stays
hashed as it was (domain/record_chain.py hashes these columns only on a line that has one).

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

COLUMNS = ("list_price", "line_discount", "ticket_discount")


def upgrade() -> None:
    for column in COLUMNS:
        op.execute(f"ALTER TABLE ticket_line ADD COLUMN {column} INTEGER")


def downgrade() -> None:
    raise NotImplementedError("a till's books are never downgraded")
