"""Staff managed at head office: one staff list for the chain, pulled by every till.

A PIN set at head office is hashed without any till's pepper (each till wraps it in its own at
the first right PIN there); a store role never reads the table, only the pull, which sends a
PIN hash only to a till that has not had it yet.

Revision ID: h0010
Revises: h0009
"""

from __future__ import annotations

from alembic import op

from frontdesk.sync.hq_migrations.versions.h0004_holds import grant_to_pushers

revision = "h0010"
down_revision = "h0009"
branch_labels = None
depends_on = None

STAFF_FUNCTIONS = ["fd_pull_staff(bigint, integer)"]

_DDL = """
CREATE TABLE IF NOT EXISTS staff (
    staff_no text PRIMARY KEY CHECK (staff_no ~ '^[0-9]+$'),
    name text NOT NULL CHECK (name <> ''),
    role text NOT NULL CHECK (role IN ('cashier', 'manager', 'admin')),
    pin_hash text NOT NULL,
    disabled boolean NOT NULL DEFAULT false,
    change_seq bigint NOT NULL DEFAULT nextval('master_change_seq'),
    pin_seq bigint NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS ix_staff_change ON staff (change_seq);

-- The staff that changed after a till's cursor; the PIN hash only where the PIN changed since.
CREATE OR REPLACE FUNCTION fd_pull_staff(p_after bigint, p_limit integer)
RETURNS TABLE (staff_no text, name text, role text, pin_hash text, disabled boolean,
               change_seq bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM fd_caller_till();
    RETURN QUERY
    SELECT s.staff_no, s.name, s.role,
           CASE WHEN s.pin_seq > p_after THEN s.pin_hash END,
           s.disabled, s.change_seq
      FROM staff s WHERE s.change_seq > p_after ORDER BY s.change_seq LIMIT p_limit;
END $$;
"""


def upgrade() -> None:
    op.execute(_DDL)
    op.execute("REVOKE ALL ON staff FROM PUBLIC")
    op.execute(f"REVOKE EXECUTE ON FUNCTION {', '.join(STAFF_FUNCTIONS)} FROM PUBLIC")
    op.execute(grant_to_pushers(STAFF_FUNCTIONS))


def downgrade() -> None:
    raise NotImplementedError("head office is never downgraded")
