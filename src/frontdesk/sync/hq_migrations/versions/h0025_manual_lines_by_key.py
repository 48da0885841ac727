"""A ticket push finds the lines carrying the cashier's hand by their key, one by one.

h0022 narrowed the chain-head move's line update to staged lines with a 改价 field set, but
left it one UPDATE joining the staging table to `ticket_line`. The planner knows nothing of
the staging table's contents and joined the whole of `ticket_line`: with 16 tills pushing at
once that scan read every other push's uncommitted lines, checking each against the running
transactions, and took about 10 s per push (bench_hq_push with 10,000 tills registered: 16
pushes 29.9 s vs 0.85 s alone; this statement 233 s of the 283 s the pushes spent in head
office, per pg_stat_statements). Lines with a manual price are a few a day; each is now
updated through the primary key (ticket_id, line_no), and a push without any does nothing.

Revision ID: h0025
Revises: h0024
"""

from __future__ import annotations

from alembic import op

from frontdesk.domain.record_chain import LINE_MANUAL_FIELDS
from frontdesk.sync.hq_migrations.versions import h0022_manual_lines_only

revision = "h0025"
down_revision = "h0024"
branch_labels = None
depends_on = None

_SOME_SENT = " OR ".join(f"s.{f} IS NOT NULL" for f in LINE_MANUAL_FIELDS)
_NONE_YET = " AND ".join(f"l.{f} IS NULL" for f in LINE_MANUAL_FIELDS)
_SET = ", ".join(f"{f} = m.{f}" for f in LINE_MANUAL_FIELDS)
_FIELDS = ", ".join(f"s.{f}" for f in LINE_MANUAL_FIELDS)

_BY_KEY = f"""FOR m IN SELECT s.ticket_id, s.line_no, {_FIELDS}
                     FROM pg_temp.fd_stage_line s WHERE {_SOME_SENT} LOOP
            UPDATE ticket_line l SET {_SET}
             WHERE l.ticket_id = m.ticket_id AND l.line_no = m.line_no AND l.till_id = me
               AND {_NONE_YET};
        END LOOP;"""


def move_sql() -> str:
    """h0022's fd_move_chain_head with its line update made a loop over the manual lines."""
    body = h0022_manual_lines_only.move_sql()
    start = body.index("UPDATE ticket_line l")
    end = body.index(";", start) + 1
    declare = "DECLARE top record;"
    assert declare in body
    return (body[:start] + _BY_KEY + body[end:]).replace(declare, "DECLARE top record; m record;")


def upgrade() -> None:
    # CREATE OR REPLACE keeps the grants and revocations h0009 made.
    op.execute(move_sql())


def downgrade() -> None:
    raise NotImplementedError("head office is never downgraded")
