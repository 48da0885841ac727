"""A till may read back its own 退卡 records, for `sync --recover`.

h0013 keeps each till's 退卡 records at head office under row-level security by store; a store
role may now SELECT them (its own store's rows only, as it reads its tickets), so a till restored
from an old backup takes them back with its books. Re-runnable (GRANT is).

Revision ID: h0017
Revises: h0016
"""

from __future__ import annotations

from alembic import op

from frontdesk.sync.hq_migrations.versions.h0004_holds import grant_to_pushers

revision = "h0017"
down_revision = "h0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # fd_push_rows is every pusher's already: named so the grant helper has a function to grant.
    op.execute(grant_to_pushers(["fd_push_rows(text, bigint)"], ("card_return",)))


def downgrade() -> None:
    raise NotImplementedError("head office is never downgraded")
