"""Online holds on members' balances: stored-value spends authorised by head office (DOMAIN §9).

A till asks `fd_hold` before a stored-value sale; head office counts the member's available
balance (every arrived entry, the asking till's entries it has not received yet, minus the
live holds of other sales) and holds the amount, or refuses a hold that would overdraw. The
hold is posted when the sale's entries arrive (a trigger on the ledger), voided by the till
when the sale fails (`fd_void_hold`), and stops counting when it expires. Holds are written
only through these functions; a store role reads its own tills' holds.

Revision ID: h0004
Revises: h0003
"""

from __future__ import annotations

from alembic import op

revision = "h0004"
down_revision = "h0003"
branch_labels = None
depends_on = None

_DDL = """
CREATE TABLE balance_hold (
    txn_uuid text PRIMARY KEY,
    till_id text NOT NULL REFERENCES till,
    member_id text NOT NULL,
    amount bigint NOT NULL CHECK (amount > 0),
    -- The till's word for its own entries head office had not received when it asked: kept,
    -- so reconciliation can hold it to the entries that arrived later.
    acked_seq bigint NOT NULL,
    unsent bigint NOT NULL,
    available bigint NOT NULL,
    state text NOT NULL CHECK (state IN ('pending', 'posted', 'voided', 'refused')),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    settled_at timestamptz
);
CREATE INDEX ix_hold_member_pending ON balance_hold (member_id) WHERE state = 'pending';
ALTER TABLE balance_hold ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_store ON balance_hold USING (till_id = ANY ((SELECT fd_own_tills())::text[]));

-- domain.authorisation.available_for_hold in SQL: booked + unsent - held, read in one
-- statement (one snapshot), so a push that posts a hold and adds its entries is seen whole.
CREATE FUNCTION fd_hold(p_txn text, p_member text, p_amount bigint, p_acked bigint,
                        p_unsent bigint, p_ttl_seconds integer) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me text := fd_caller_till();
    h balance_hold%ROWTYPE;
    booked bigint;
    held bigint;
    avail bigint;
    ttl integer := least(greatest(coalesce(p_ttl_seconds, 900), 30), 86400);
BEGIN
    IF p_amount IS NULL OR p_amount <= 0 THEN
        RETURN jsonb_build_object('state', 'refused', 'reason', 'bad_amount', 'available', 0);
    END IF;
    -- One member's holds one at a time, across every till: the second waits for the first.
    PERFORM pg_advisory_xact_lock(hashtextextended('fd_hold:' || p_member, 0));
    SELECT * INTO h FROM balance_hold WHERE txn_uuid = p_txn;
    IF FOUND THEN
        IF h.till_id <> me OR h.member_id <> p_member OR h.amount <> p_amount THEN
            RETURN jsonb_build_object('state', 'refused', 'reason', 'txn_reused', 'available', 0);
        END IF;
        IF h.state IN ('pending', 'posted') THEN
            -- The same sale asked again (its answer was lost): the same hold, not a second one.
            RETURN jsonb_build_object('state', 'approved', 'available', h.available);
        END IF;
    END IF;
    SELECT
        coalesce((SELECT sum(l.amount) FROM ledger_entry l
                   WHERE l.member_id = p_member AND l.bucket IN ('principal', 'bonus')
                     AND NOT (l.till_id = me AND l.seq > p_acked)), 0)::bigint,
        coalesce((SELECT sum(b.amount) FROM balance_hold b
                   WHERE b.member_id = p_member AND b.state = 'pending'
                     AND b.expires_at > now() AND b.txn_uuid <> p_txn), 0)::bigint
      INTO booked, held;
    avail := booked + coalesce(p_unsent, 0) - held;
    INSERT INTO balance_hold AS b (txn_uuid, till_id, member_id, amount, acked_seq, unsent,
                                   available, state, expires_at)
    VALUES (p_txn, me, p_member, p_amount, p_acked, coalesce(p_unsent, 0), avail,
            CASE WHEN p_amount <= avail THEN 'pending' ELSE 'refused' END,
            now() + make_interval(secs => ttl))
    ON CONFLICT (txn_uuid) DO UPDATE SET
        acked_seq = EXCLUDED.acked_seq, unsent = EXCLUDED.unsent, available = EXCLUDED.available,
        state = EXCLUDED.state, created_at = now(), expires_at = EXCLUDED.expires_at,
        settled_at = NULL;
    RETURN jsonb_build_object(
        'state', CASE WHEN p_amount <= avail THEN 'approved' ELSE 'refused' END,
        'reason', CASE WHEN p_amount <= avail THEN NULL ELSE 'insufficient' END,
        'available', greatest(avail, 0));
END $$;

CREATE FUNCTION fd_void_hold(p_txn text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me text := fd_caller_till();
    now_state text;
BEGIN
    UPDATE balance_hold SET state = 'voided', settled_at = now()
     WHERE txn_uuid = p_txn AND till_id = me AND state = 'pending';
    SELECT state INTO now_state FROM balance_hold WHERE txn_uuid = p_txn AND till_id = me;
    RETURN now_state;
END $$;

-- The sale's entries arrived: its hold is spent money now, counted in the ledger instead.
-- A voided or expired hold whose sale committed after all (an answer lost on the way) is
-- posted too; a refused one stays refused.
CREATE FUNCTION fd_post_holds() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE balance_hold b SET state = 'posted', settled_at = now()
     WHERE b.state IN ('pending', 'voided')
       AND b.txn_uuid IN (SELECT DISTINCT f.txn_uuid FROM fresh f);
    RETURN NULL;
END $$;
CREATE TRIGGER ledger_posts_holds AFTER INSERT ON ledger_entry
    REFERENCING NEW TABLE AS fresh FOR EACH STATEMENT EXECUTE FUNCTION fd_post_holds();
"""

HOLD_FUNCTIONS = [
    "fd_hold(text, text, bigint, bigint, bigint, integer)",
    "fd_void_hold(text)",
]


def grant_to_pushers(functions: list[str], tables: tuple[str, ...] = ()) -> str:
    """SQL granting these to every role that may push today (those `hq init` made)."""
    select = "".join(
        f"        EXECUTE format('GRANT SELECT ON {table} TO %I', r.grantee);\n" for table in tables
    )
    return f"""
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT DISTINCT grantee FROM information_schema.role_routine_grants
              WHERE routine_schema = 'public' AND routine_name = 'fd_push_ledger'
                AND grantee <> current_user AND grantee <> 'PUBLIC'
    LOOP
        EXECUTE format('GRANT EXECUTE ON FUNCTION {", ".join(functions)} TO %I', r.grantee);
{select}    END LOOP;
END $$;
"""


def upgrade() -> None:
    op.execute(_DDL)
    op.execute(f"REVOKE EXECUTE ON FUNCTION {', '.join(HOLD_FUNCTIONS)} FROM PUBLIC")
    op.execute("REVOKE EXECUTE ON FUNCTION fd_post_holds() FROM PUBLIC")
    op.execute(grant_to_pushers(HOLD_FUNCTIONS, ("balance_hold",)))


def downgrade() -> None:
    raise NotImplementedError("head office is never downgraded")
