"""退卡 payouts: the bank account and identity check of a card return above the threshold.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # 《单用途商业预付卡管理办法（试行）》: a named card's return above ￥100 goes to a bank account
    # in the holder's name with the holder's identity recorded; the till keeps that record.
    op.execute(
        """
CREATE TABLE card_return (
    ticket_id TEXT NOT NULL,
    member_id TEXT NOT NULL,
    card_no TEXT NOT NULL,
    created_at TEXT NOT NULL,
    payout TEXT NOT NULL,
    account TEXT,
    account_masked TEXT,
    holder TEXT,
    bank TEXT,
    id_number TEXT,
    id_masked TEXT,
    identity_checked_by TEXT,
    calculation TEXT NOT NULL,
    PRIMARY KEY (ticket_id)
)
        """
    )
    op.execute("CREATE INDEX ix_card_return_member_id ON card_return (member_id)")
    # A record of money paid out is never changed, like the tickets and tenders it belongs to.
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER card_return_no_{event.lower()} BEFORE {event} ON card_return "
            "BEGIN SELECT RAISE(ABORT, 'card_return is append-only'); END"
        )


def downgrade() -> None:
    raise NotImplementedError("the till database is never downgraded")
