"""A ticket push copies the cashier's hand only onto the lines that carry it.

h0016's chain-head move updated every line the push brought to set its three 改价 columns,
nearly all of them to NULL over NULL: a second write of each line (6,900 for a till-day), a
quarter of the push's own time at head office. Only a staged line with one of them set is
updated now; the others already hold what the till sent (NULL).

Revision ID: h0022
Revises: h0021
"""

from __future__ import annotations

from alembic import op

from frontdesk.domain.record_chain import LINE_MANUAL_FIELDS
from frontdesk.sync.hq_migrations.versions import h0016_manual_prices

revision = "h0022"
down_revision = "h0021"
branch_labels = None
depends_on = None

_NONE_YET = h0016_manual_prices._NONE_YET
_SOME_SENT = " OR ".join(f"s.{f} IS NOT NULL" for f in LINE_MANUAL_FIELDS)


def move_sql() -> str:
    """h0016's fd_move_chain_head, its line update narrowed to lines with a manual field."""
    ddl = h0016_manual_prices._DDL
    start = ddl.index("CREATE OR REPLACE FUNCTION fd_move_chain_head")
    end = ddl.index("END $$;", start) + len("END $$;")
    body = ddl[start:end]
    old = f"AND {_NONE_YET};"
    assert old in body
    return body.replace(old, f"AND {_NONE_YET}\n           AND ({_SOME_SENT});")


def upgrade() -> None:
    # CREATE OR REPLACE keeps the grants and revocations h0009 made.
    op.execute(move_sql())


def downgrade() -> None:
    raise NotImplementedError("head office is never downgraded")
