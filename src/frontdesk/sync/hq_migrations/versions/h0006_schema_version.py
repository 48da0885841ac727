"""Head office says its schema version to a till, and refuses a till that expects another one.

Revision ID: h0006
Revises: h0005
"""

from __future__ import annotations

from alembic import op

from frontdesk.sync.hq_migrations.versions.h0004_holds import grant_to_pushers

revision = "h0006"
down_revision = "h0005"
branch_labels = None
depends_on = None

_DDL = """
-- The till names the head-office schema its frontdesk was built for; another one is refused
-- (and recorded once per till and pair of versions), so a till never half-syncs with books
-- whose functions it does not know.
CREATE FUNCTION fd_greet(p_expected text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me text := fd_caller_till();
    here text := (SELECT version_num FROM hq_alembic_version LIMIT 1);
    why text;
BEGIN
    IF here IS NOT DISTINCT FROM p_expected THEN
        RETURN jsonb_build_object('version', here);
    END IF;
    why := format('till expects schema %s, head office has %s', p_expected, here);
    IF NOT EXISTS (SELECT 1 FROM sync_problem s WHERE s.till_id = me AND s.kind = 'version'
                     AND s.detail = why) THEN
        PERFORM fd_record_problems(me, 'version', jsonb_build_array(jsonb_build_object(
            'code', 'schema_version', 'detail', why)));
    END IF;
    RETURN jsonb_build_object('version', here, 'refused', true);
END $$;
"""

GREET_FUNCTIONS = ["fd_greet(text)"]


def upgrade() -> None:
    op.execute(_DDL)
    op.execute(f"REVOKE EXECUTE ON FUNCTION {', '.join(GREET_FUNCTIONS)} FROM PUBLIC")
    op.execute(grant_to_pushers(GREET_FUNCTIONS))


def downgrade() -> None:
    raise NotImplementedError("head office is never downgraded")
