"""Thousands of tills: pushes serialised per till, an arrival watermark, row security by index.

Every push took one advisory lock for the whole chain, so arrival numbers were handed out in
commit order and a pull's "newest arrival" never passed an uncommitted one: 200 tills queued
behind each other. Now a push locks only its own till (its heads and cursors move in order),
and marks, for as long as it is open, the lowest arrival number it may still commit (a shared
advisory lock whose key holds that number). Head office's arrival watermark is the newest
number handed out, kept below every open push's mark: every arrival at or under it has
committed, so a pull that reads up to it after asking misses nothing, and never waits.

Row-level security called fd_current_store() once per till row to list a store's tills (67 ms
for a one-row insert with 10,000 tills registered): the caller's store is now one indexed
look-up made once per statement, and the store's tills one index range.

Staged tickets were hashed with their lines and tenders found by a scan of the staging tables
per ticket (quadratic in the batch): they are grouped per ticket once.

Revision ID: h0015
Revises: h0014
"""

from __future__ import annotations

from alembic import op

revision = "h0015"
down_revision = "h0014"
branch_labels = None
depends_on = None

# The high bits of the advisory keys that mark open pushes' arrivals (the low 40 bits hold the
# number: a trillion arrivals), so no other advisory lock is read as one.
MARK_SPACE = 0x4644A  # "FD" and a nibble
_BITS = 40

_DDL = f"""
CREATE INDEX IF NOT EXISTS ix_till_store ON till (store_no, till_id);

CREATE OR REPLACE FUNCTION fd_current_store() RETURNS text
LANGUAGE sql STABLE AS $$ SELECT store_no FROM till WHERE role_name = current_user $$;

-- The scalar sub-select is worked out once (an init plan), then one index range of till.
CREATE OR REPLACE FUNCTION fd_own_tills() RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(t.till_id), '{{}}') FROM till t
     WHERE t.store_no = (SELECT m.store_no FROM till m WHERE m.role_name = current_user)
$$;

-- One push of a till at a time; the arrival numbers this transaction takes from here on are
-- all above the mark it holds until it ends (the number is taken before the mark is visible,
-- and every number after it is larger, which is all the watermark needs).
CREATE OR REPLACE FUNCTION fd_push_lock(me text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('fd_push'), hashtext(me));
    PERFORM pg_advisory_xact_lock_shared(({MARK_SPACE}::bigint << {_BITS})
                                         | nextval('arrival_seq'));
END $$;

-- The newest arrival number under which nothing is still open: read the sequence first, then
-- the marks. A push whose numbers lie at or under what was read either still holds its mark
-- (and the watermark stays under it) or had committed before the marks were read, so a
-- snapshot taken after this call sees it.
CREATE OR REPLACE FUNCTION fd_arrival_watermark() RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    handed bigint;
    lowest bigint;
BEGIN
    SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END INTO handed
      FROM arrival_seq;
    SELECT min(((l.classid::bigint << 32) | l.objid::bigint) & ((1::bigint << {_BITS}) - 1))
      INTO lowest
      FROM pg_locks l
     WHERE l.locktype = 'advisory' AND l.objsubid = 1
       AND l.database = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())
       AND ((l.classid::bigint << 32) | l.objid::bigint) >> {_BITS} = {MARK_SPACE};
    RETURN greatest(least(handed, lowest - 1), 0);
END $$;

-- The pulls' cursors are the watermark now (the newest committed row could sit above an open
-- push's rows); asked in a transaction of its own before the pull's snapshot.
CREATE OR REPLACE FUNCTION fd_last_arrival() RETURNS bigint
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT fd_arrival_watermark()
$$;
CREATE OR REPLACE FUNCTION fd_last_ticket_arrival() RETURNS bigint
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT fd_arrival_watermark()
$$;

-- The pushes as they were, with the chain's lock replaced by the till's (rewritten from their
-- own definitions, so whatever a later revision put in them stays; run again, nothing changes).
DO $$
DECLARE
    f text;
    body text;
BEGIN
    FOREACH f IN ARRAY ARRAY['fd_push_ledger()', 'fd_push_rows(text, bigint)',
                             'fd_push_rows_unchained(text, bigint)'] LOOP
        body := pg_get_functiondef(to_regprocedure(f));
        IF position('pg_advisory_xact_lock(1717859193)' IN body) > 0 THEN
            EXECUTE replace(body, 'pg_advisory_xact_lock(1717859193)', 'fd_push_lock(me)');
        END IF;
    END LOOP;
END $$;
"""

# h0009's chain check with each ticket's lines and tenders grouped once, not looked for per
# ticket; the same problems, in the same order.
_CHAIN_PROBLEMS = """
CREATE OR REPLACE FUNCTION fd_chain_problems(me text, p_chain text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    h till_chain_head := fd_chain_head(me, p_chain);
    problems jsonb;
BEGIN
    WITH lines AS (
        SELECT l.ticket_id, jsonb_agg(to_jsonb(l)) AS rows FROM pg_temp.fd_stage_line l
         WHERE p_chain = 'ticket' GROUP BY l.ticket_id
    ), tenders AS (
        SELECT x.ticket_id, jsonb_agg(to_jsonb(x)) AS rows FROM pg_temp.fd_stage_tender x
         WHERE p_chain = 'ticket' GROUP BY x.ticket_id
    ), links AS (
        SELECT s.seq, s.prev_hash, s.hash,
               fd_ticket_hash(me, s.seq, to_jsonb(s), coalesce(l.rows, '[]'),
                              coalesce(x.rows, '[]'), s.prev_hash) AS computed,
               (SELECT t.hash FROM ticket t WHERE t.till_id = me AND t.seq = s.seq) AS held,
               s.receipt_no AS name
          FROM pg_temp.fd_stage_ticket s
          LEFT JOIN lines l ON l.ticket_id = s.ticket_id
          LEFT JOIN tenders x ON x.ticket_id = s.ticket_id
         WHERE p_chain = 'ticket'
        UNION ALL
        SELECT s.seq, s.prev_hash, s.hash, fd_audit_hash(me, s.seq, to_jsonb(s), s.prev_hash),
               (SELECT a.hash FROM audit_log a WHERE a.till_id = me AND a.seq = s.seq),
               s.action
          FROM pg_temp.fd_stage_audit s WHERE p_chain = 'audit'
    ), fresh AS (
        SELECT s.*, lag(s.seq) OVER w AS before_seq, lag(s.hash) OVER w AS before_hash
          FROM links s WHERE s.seq > h.seq WINDOW w AS (ORDER BY s.seq)
    ), found AS (
        SELECT NULL::bigint AS seq, 'unsealed' AS code, format('%s %s: no link', p_chain, s.name)
               AS detail
          FROM links s WHERE s.seq IS NULL OR s.hash IS NULL OR s.prev_hash IS NULL
        UNION ALL
        SELECT s.seq, 'changed', format('%s#%s %s: differs from the one head office holds',
                                        p_chain, s.seq, s.name)
          FROM links s
         WHERE s.seq <= h.seq AND (s.held IS DISTINCT FROM s.hash OR s.computed <> s.hash)
        UNION ALL
        SELECT f.seq, 'wrong_seq', format('%s: sequence gap, expected %s, found %s',
                                          p_chain, coalesce(f.before_seq, h.seq) + 1, f.seq)
          FROM fresh f WHERE f.seq <> coalesce(f.before_seq, h.seq) + 1
        UNION ALL
        SELECT f.seq, 'wrong_link', format('%s#%s %s: previous hash does not match', p_chain,
                                           f.seq, f.name)
          FROM fresh f WHERE f.prev_hash IS DISTINCT FROM coalesce(f.before_hash, h.hash)
        UNION ALL
        SELECT f.seq, 'wrong_hash', format('%s#%s %s: content does not match its hash', p_chain,
                                           f.seq, f.name)
          FROM fresh f WHERE f.computed IS DISTINCT FROM f.hash
        UNION ALL
        -- Lines and tenders come only with their ticket: none may be added to one already in.
        SELECT NULL, 'loose_rows', format('ticket %s: lines or tenders without their ticket',
                                          x.ticket_id)
          FROM (SELECT ticket_id FROM pg_temp.fd_stage_line
                UNION SELECT ticket_id FROM pg_temp.fd_stage_tender) x
         WHERE p_chain = 'ticket'
           AND x.ticket_id NOT IN (SELECT ticket_id FROM pg_temp.fd_stage_ticket)
    )
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'seq', seq, 'code', p_chain || '_' || code, 'detail', detail)
               ORDER BY seq, code), '[]')
      INTO problems FROM found;
    RETURN problems;
END $$;
"""


def upgrade() -> None:
    op.execute(_DDL)
    op.execute(_CHAIN_PROBLEMS)
    op.execute(
        "REVOKE EXECUTE ON FUNCTION fd_push_lock(text), fd_arrival_watermark(),"
        " fd_chain_problems(text, text) FROM PUBLIC"
    )


def downgrade() -> None:
    raise NotImplementedError("head office is never downgraded")
