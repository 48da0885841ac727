"""`hq kpi` reads one narrow summary row per member, not the member table joined to it.

The activity bands and the value bands joined every member row (wide: name, phone, PIN hashes)
to member_activity and worked out each registration day from its text: 3.8 s and 1.4 s of the
4.7 s on 1M members / 10M tickets. member_activity now holds a row for every member with the
day they registered (`reg`), written by the member's own arrival, so both statements are one
scan of that table.

Revision ID: h0020
Revises: h0019
"""

from __future__ import annotations

from alembic import op

revision = "h0020"
down_revision = "h0019"
branch_labels = None
depends_on = None

# Every statement may run twice: the column and index are made if missing, the rows filled
# where their day is missing or differs, the trigger replaced.
_DDL = """
ALTER TABLE member_activity ADD COLUMN IF NOT EXISTS reg date;

-- Once per statement over the members it inserted (an event's upsert of a known member
-- changes no created_at, so it inserts none); in key order, like the tickets' summaries.
CREATE OR REPLACE FUNCTION fd_member_registered() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO member_activity AS a (member_id, reg)
    SELECT member_id, fd_day(created_at) FROM arrived ORDER BY member_id
    ON CONFLICT (member_id) DO UPDATE SET reg = EXCLUDED.reg
     WHERE a.reg IS DISTINCT FROM EXCLUDED.reg;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS member_registered ON member;
CREATE TRIGGER member_registered AFTER INSERT ON member
    REFERENCING NEW TABLE AS arrived FOR EACH STATEMENT
    EXECUTE FUNCTION fd_member_registered();

-- Filled from the members head office holds (their tickets' rows keep their sums).
INSERT INTO member_activity AS a (member_id, reg)
SELECT member_id, fd_day(created_at) FROM member
ON CONFLICT (member_id) DO UPDATE SET reg = EXCLUDED.reg
 WHERE a.reg IS DISTINCT FROM EXCLUDED.reg;
ANALYZE member_activity;
"""


def upgrade() -> None:
    op.execute(_DDL)


def downgrade() -> None:
    raise NotImplementedError("head office is never downgraded")
