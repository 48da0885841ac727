"""The chain's PIN secret: one for every till, handed out only as a till joins.

Member PIN hashes travel to every till, so they can be keyed (peppered) only with a secret the
whole chain shares. Head office keeps it in hq_setting, which no store role may read; a till
gets it when it joins: through `hq init` (head office's administrator, on the till) or, at
enrolment, from fd_enrolment_pin_secret, which gives it only with the till's valid, unspent
one-time code, in the transaction that spends it. Made by the first `hq init` or `hq enrol`,
from the first till's own secret when it has one (a store that grew into a chain keeps its
members' PINs). Re-runnable.

Revision ID: h0012
Revises: h0011
"""

from __future__ import annotations

from alembic import op

from frontdesk.sync.hq_migrations.versions.h0004_holds import grant_to_pushers

revision = "h0012"
down_revision = "h0011"
branch_labels = None
depends_on = None

PIN_SECRET_FUNCTIONS = ["fd_enrolment_pin_secret(text)"]

_DDL = """
CREATE OR REPLACE FUNCTION fd_enrolment_pin_secret(secret text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    mine text;
    e enrolment;
BEGIN
    SELECT t.till_id INTO mine FROM till t WHERE t.role_name = session_user;
    SELECT * INTO e FROM enrolment WHERE enrolment.till_id = mine FOR UPDATE;
    IF mine IS NULL OR e.till_id IS NULL OR e.redeemed_at IS NOT NULL OR e.expires_at < now()
       OR e.secret_hash <> encode(sha256(convert_to(secret, 'UTF8')), 'hex') THEN
        RAISE EXCEPTION 'enrolment code not valid' USING ERRCODE = 'FDE01';
    END IF;
    RETURN (SELECT value FROM hq_setting WHERE key = 'pin_secret');
END $$;
REVOKE EXECUTE ON FUNCTION fd_enrolment_pin_secret(text) FROM PUBLIC;
"""


def upgrade() -> None:
    op.execute(_DDL)
    op.execute(grant_to_pushers(PIN_SECRET_FUNCTIONS))


def downgrade() -> None:
    raise NotImplementedError("head office is never downgraded")
