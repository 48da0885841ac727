"""The one change append-only rows allow: a member's erasure (个人信息保护法 第四十七条).

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# The outbox and the 退卡 records stay append-only, except for blanking an erased member's
# personal data: a member event's payload rewritten to the erased profile (it says "erased"),
# and a 退卡's holder name taken away. Every other column must stay as it was.
_OUTBOX = """
CREATE TRIGGER outbox_no_update BEFORE UPDATE ON outbox
WHEN NOT (OLD.kind = 'member' AND NEW.kind = 'member' AND NEW.seq = OLD.seq
          AND NEW.event_uuid = OLD.event_uuid AND NEW.entity_id = OLD.entity_id
          AND NEW.created_at = OLD.created_at
          AND json_valid(NEW.payload) AND json_extract(NEW.payload, '$.erased') = 1)
BEGIN SELECT RAISE(ABORT, 'outbox is append-only'); END
"""
_KEPT = (
    "ticket_id", "member_id", "card_no", "created_at", "payout", "account", "account_masked",
    "bank", "id_number", "id_masked", "identity_checked_by", "calculation",
)  # fmt: skip
_CARD_RETURN = (
    "CREATE TRIGGER card_return_no_update BEFORE UPDATE ON card_return WHEN NOT ("
    + " AND ".join(f"NEW.{c} IS OLD.{c}" for c in _KEPT)
    + " AND NEW.holder IS NULL) "
    "BEGIN SELECT RAISE(ABORT, 'card_return is append-only'); END"
)


def upgrade() -> None:
    op.execute("DROP TRIGGER outbox_no_update")
    op.execute(_OUTBOX)
    op.execute("DROP TRIGGER card_return_no_update")
    op.execute(_CARD_RETURN)


def downgrade() -> None:
    raise NotImplementedError("the till database is never downgraded")
