"""Provisioning a chain: one-time enrolment codes, the tills' minimum version, a richer catalog.

A till is enrolled with a code head office issues for it; the code's secret is the till role's
first password, valid for a few days, and the till redeems it once through fd_redeem_enrolment,
which marks it used and gives the role the password the till chose. Head office says which
till version is the oldest it serves (fd_min_till_version). Products carry their category,
unit and member price (会员价), and a store may sell a product at its own price (store_price).

Revision ID: h0008
Revises: h0007
"""

from __future__ import annotations

from alembic import op

revision = "h0008"
down_revision = "h0007"
branch_labels = None
depends_on = None

ENROL_FUNCTIONS = ["fd_redeem_enrolment(text, text)", "fd_min_till_version()"]

_UP = """
CREATE TABLE enrolment (
    till_id text PRIMARY KEY REFERENCES till,
    secret_hash text NOT NULL,
    issued_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    redeemed_at timestamptz
);
REVOKE ALL ON enrolment FROM PUBLIC;

CREATE TABLE hq_setting (key text PRIMARY KEY, value text NOT NULL);
REVOKE ALL ON hq_setting FROM PUBLIC;

-- The calling till's code, checked and spent; the role's password becomes the till's own.
CREATE FUNCTION fd_redeem_enrolment(secret text, new_password text)
RETURNS TABLE (till_id text, store_no text, store_name text)
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
    UPDATE enrolment SET redeemed_at = now() WHERE enrolment.till_id = mine;
    EXECUTE format('ALTER ROLE %I PASSWORD %L VALID UNTIL %L', session_user, new_password,
                   'infinity');
    RETURN QUERY SELECT t.till_id, s.store_no, s.name
                   FROM till t JOIN store s ON s.store_no = t.store_no WHERE t.till_id = mine;
END $$;

CREATE FUNCTION fd_min_till_version() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT coalesce((SELECT value FROM hq_setting WHERE key = 'min_till_version'), '0')
$$;
REVOKE EXECUTE ON FUNCTION fd_redeem_enrolment(text, text), fd_min_till_version() FROM PUBLIC;

ALTER TABLE product
    ADD COLUMN category text NOT NULL DEFAULT '',
    ADD COLUMN unit text NOT NULL DEFAULT '',
    ADD COLUMN member_price bigint CHECK (member_price >= 0);

CREATE TABLE store_price (
    store_no text NOT NULL REFERENCES store,
    barcode text NOT NULL REFERENCES product,
    unit_price bigint NOT NULL CHECK (unit_price >= 0),
    change_seq bigint NOT NULL DEFAULT nextval('master_change_seq'),
    PRIMARY KEY (store_no, barcode)
);
CREATE INDEX ix_store_price_change ON store_price (change_seq);

-- The store roles that exist already may ask for the minimum version and read store prices.
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT DISTINCT grantee FROM information_schema.role_table_grants
              WHERE table_schema = 'public' AND grantee <> current_user AND grantee <> 'PUBLIC'
                AND table_name = 'till_head' AND privilege_type = 'SELECT'
    LOOP
        EXECUTE format('GRANT EXECUTE ON FUNCTION fd_redeem_enrolment(text, text), '
                       'fd_min_till_version() TO %I', r.grantee);
        EXECUTE format('GRANT SELECT ON store_price TO %I', r.grantee);
    END LOOP;
END $$;
"""

DOWN_SQL = """
DROP TABLE store_price;
ALTER TABLE product DROP COLUMN category, DROP COLUMN unit, DROP COLUMN member_price;
DROP FUNCTION fd_min_till_version();
DROP FUNCTION fd_redeem_enrolment(text, text);
DROP TABLE hq_setting;
DROP TABLE enrolment;
"""


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(DOWN_SQL)
