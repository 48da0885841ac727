"""Tickets and audit rows arrive chained: head office recomputes their hashes and keeps heads.

Each till seals its tickets (with their lines and tenders) and its audit rows into two chains of
their own (domain/record_chain.py). A push of either stream is checked here, inside the
database, as a ledger push is: each new record the next in sequence, linked to the one before,
hashed as its content says; a record head office already holds must be the same one; lines and
tenders come only with their ticket. Head office keeps each till's head of both chains, and a
till presents its hash at those sequences before it pushes, so tickets or audit rows edited,
re-sealed or deleted after they reached head office are refused.

Revision ID: h0009
Revises: h0008
"""

from __future__ import annotations

from alembic import op

from frontdesk.domain.record_chain import AUDIT_FIELDS, LINE_FIELDS, TENDER_FIELDS, TICKET_FIELDS
from frontdesk.sync.hq_migrations.versions.h0003_authority import STAGES as _BEFORE
from frontdesk.sync.hq_migrations.versions.h0004_holds import grant_to_pushers

revision = "h0009"
down_revision = "h0008"
branch_labels = None
depends_on = None

STAGES = {
    **_BEFORE,
    "ticket": (_BEFORE["ticket"][0], _BEFORE["ticket"][1] + ", seq, prev_hash, hash"),
    "audit": (_BEFORE["audit"][0], _BEFORE["audit"][1] + ", prev_hash, hash"),
}
CHAIN_FUNCTIONS = ["fd_chain_heads()", "fd_present_chain(text, bigint, text)"]


def _array(fields: tuple[str, ...]) -> str:
    return "ARRAY[" + ", ".join(f"'{f}'" for f in fields) + "]"


_TABLES = """
ALTER TABLE ticket ADD COLUMN IF NOT EXISTS seq bigint, ADD COLUMN IF NOT EXISTS prev_hash text,
    ADD COLUMN IF NOT EXISTS hash text;
ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS prev_hash text, ADD COLUMN IF NOT EXISTS hash text;
CREATE UNIQUE INDEX IF NOT EXISTS ix_ticket_chain ON ticket (till_id, seq);

CREATE TABLE IF NOT EXISTS till_chain_head (
    till_id text NOT NULL REFERENCES till,
    chain text NOT NULL CHECK (chain IN ('ticket', 'audit')),
    seq bigint NOT NULL,
    hash text NOT NULL,
    acknowledged_at timestamptz NOT NULL DEFAULT now(),
    presented_at timestamptz,
    PRIMARY KEY (till_id, chain)
);
ALTER TABLE till_chain_head ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS own_store ON till_chain_head;
CREATE POLICY own_store ON till_chain_head
    USING (till_id = ANY ((SELECT fd_own_tills())::text[]));
"""

_FUNCTIONS = f"""
-- domain.record_chain's canonical form in SQL: the named fields' JSON values, comma-joined
-- (jsonb prints strings with the escapes Python's json uses, numbers and booleans alike).
CREATE OR REPLACE FUNCTION fd_json_values(j jsonb, fields text[]) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT string_agg(coalesce((j -> f)::text, 'null'), ',' ORDER BY n)
      FROM unnest(fields) WITH ORDINALITY AS x(f, n)
$$;

CREATE OR REPLACE FUNCTION fd_ticket_hash(me text, seq bigint, tk jsonb, lines jsonb, tenders jsonb,
                               prev text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(
        '[' || to_json(me)::text || ',' || seq::text
        || ',' || fd_json_values(tk, {_array(TICKET_FIELDS)})
        || ',[' || coalesce((SELECT string_agg('[' || fd_json_values(l, {_array(LINE_FIELDS)})
                                               || ']', ',' ORDER BY (l ->> 'line_no')::int)
                               FROM jsonb_array_elements(lines) l), '')
        || '],[' || coalesce((SELECT string_agg('[' || fd_json_values(x, {_array(TENDER_FIELDS)})
                                                || ']', ',' ORDER BY (x ->> 'idx')::int)
                                FROM jsonb_array_elements(tenders) x), '')
        || '],' || to_json(prev)::text || ']', 'UTF8')), 'hex')
$$;

CREATE OR REPLACE FUNCTION fd_audit_hash(me text, seq bigint, a jsonb, prev text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(
        '[' || to_json(me)::text || ',' || seq::text
        || ',' || fd_json_values(a, {_array(AUDIT_FIELDS)})
        || ',' || to_json(prev)::text || ']', 'UTF8')), 'hex')
$$;

CREATE OR REPLACE FUNCTION fd_chain_head(me text, p_chain text) RETURNS till_chain_head
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT coalesce(
        (SELECT h FROM till_chain_head h WHERE h.till_id = me AND h.chain = p_chain),
        ROW(me, p_chain, 0, repeat('0', 64), now(), NULL)::till_chain_head)
$$;

-- The records staged for one push of a chain, each with the hash its content gives and the
-- record before it in the batch; problems named '<chain>_<what>' with the record's seq.
CREATE OR REPLACE FUNCTION fd_chain_problems(me text, p_chain text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    h till_chain_head := fd_chain_head(me, p_chain);
    problems jsonb;
BEGIN
    WITH links AS (
        SELECT s.seq, s.prev_hash, s.hash,
               fd_ticket_hash(me, s.seq, to_jsonb(s),
                   coalesce((SELECT jsonb_agg(to_jsonb(l)) FROM pg_temp.fd_stage_line l
                              WHERE l.ticket_id = s.ticket_id), '[]'),
                   coalesce((SELECT jsonb_agg(to_jsonb(x)) FROM pg_temp.fd_stage_tender x
                              WHERE x.ticket_id = s.ticket_id), '[]'),
                   s.prev_hash) AS computed,
               (SELECT t.hash FROM ticket t WHERE t.till_id = me AND t.seq = s.seq) AS held,
               s.receipt_no AS name
          FROM pg_temp.fd_stage_ticket s WHERE p_chain = 'ticket'
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

CREATE OR REPLACE FUNCTION fd_move_chain_head(me text, p_chain text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE top record;
BEGIN
    -- The rows just moved keep their links (the move itself copies the till's columns).
    IF p_chain = 'ticket' THEN
        UPDATE ticket t SET seq = s.seq, prev_hash = s.prev_hash, hash = s.hash
          FROM pg_temp.fd_stage_ticket s
         WHERE t.ticket_id = s.ticket_id AND t.till_id = me AND t.hash IS NULL;
        SELECT s.seq, s.hash INTO top FROM pg_temp.fd_stage_ticket s ORDER BY s.seq DESC LIMIT 1;
    ELSE
        UPDATE audit_log a SET prev_hash = s.prev_hash, hash = s.hash
          FROM pg_temp.fd_stage_audit s
         WHERE a.till_id = me AND a.seq = s.seq AND a.hash IS NULL;
        SELECT s.seq, s.hash INTO top FROM pg_temp.fd_stage_audit s ORDER BY s.seq DESC LIMIT 1;
    END IF;
    IF top.seq IS NOT NULL THEN
        INSERT INTO till_chain_head (till_id, chain, seq, hash)
        VALUES (me, p_chain, top.seq, top.hash)
        ON CONFLICT (till_id, chain) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash,
            acknowledged_at = now()
        WHERE till_chain_head.seq < EXCLUDED.seq;
    END IF;
END $$;

-- The caller's acknowledged heads, so it knows which of its hashes to present.
CREATE OR REPLACE FUNCTION fd_chain_heads() RETURNS TABLE (chain text, seq bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT h.chain, h.seq FROM till_chain_head h WHERE h.till_id = fd_caller_till()
$$;

-- As fd_present_head for the ledger: the till's hash at the acknowledged seq of a chain.
CREATE OR REPLACE FUNCTION fd_present_chain(p_chain text, p_seq bigint, p_hash text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me text := fd_caller_till();
    h till_chain_head := fd_chain_head(me, p_chain);
    problem jsonb;
BEGIN
    IF p_seq = h.seq AND p_hash IS NOT DISTINCT FROM h.hash THEN
        UPDATE till_chain_head SET presented_at = now() WHERE till_id = me AND chain = p_chain;
        RETURN NULL;
    END IF;
    problem := jsonb_build_object(
        'code', p_chain || CASE WHEN p_hash IS NULL THEN '_head_missing' ELSE '_head_mismatch' END,
        'seq', h.seq,
        'detail', format('%s: acknowledged head #%s %s, till presented #%s %s', p_chain,
                         h.seq, left(h.hash, 12), p_seq, coalesce(left(p_hash, 12), 'nothing')));
    IF NOT EXISTS (SELECT 1 FROM sync_problem s WHERE s.till_id = me AND s.kind = 'head'
                     AND s.code = problem->>'code' AND s.detail = problem->>'detail') THEN
        PERFORM fd_record_problems(me, 'head', jsonb_build_array(problem));
    END IF;
    RETURN problem;
END $$;

-- The push of a ticket or audit batch checks its chain first, then moves it as before.
-- Renamed once: run again (hq migrate over a partly upgraded head office), the wrapper stays.
DO $$
BEGIN
    IF to_regprocedure('fd_push_rows_unchained(text, bigint)') IS NULL THEN
        ALTER FUNCTION fd_push_rows(text, bigint) RENAME TO fd_push_rows_unchained;
    END IF;
END $$;
CREATE OR REPLACE FUNCTION fd_push_rows(p_stream text, p_last bigint) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me text := fd_caller_till();
    problems jsonb;
    result jsonb;
BEGIN
    IF p_stream NOT IN ('ticket', 'audit') THEN
        RETURN fd_push_rows_unchained(p_stream, p_last);
    END IF;
    PERFORM pg_advisory_xact_lock(1717859193);
    IF p_stream = 'ticket' THEN
        PERFORM fd_check_stage('fd_stage_ticket');
        PERFORM fd_check_stage('fd_stage_line');
        PERFORM fd_check_stage('fd_stage_tender');
    ELSE
        PERFORM fd_check_stage('fd_stage_audit');
    END IF;
    problems := fd_chain_problems(me, p_stream);
    IF jsonb_array_length(problems) > 0 THEN
        PERFORM fd_record_problems(me, p_stream, problems);
        RETURN jsonb_build_object(
            'cursor', coalesce((SELECT last_seq FROM sync_cursor
                                 WHERE till_id = me AND stream = p_stream), 0),
            'problems', problems);
    END IF;
    result := fd_push_rows_unchained(p_stream, p_last);
    IF jsonb_array_length(result -> 'problems') = 0 THEN
        PERFORM fd_move_chain_head(me, p_stream);
    END IF;
    RETURN result;
END $$;
"""

# Rows head office already holds are sealed as the till sealed them (domain/record_chain, the
# till's migration 0006): tickets in the order the till wrote them, audit rows by their seq.
_SEAL_HELD = """
DO $$
DECLARE
    r record;
    till_now text := NULL;
    n bigint;
    prev text;
    digest text;
BEGIN
    FOR r IN SELECT * FROM ticket ORDER BY till_id, till_rowid LOOP
        IF r.till_id IS DISTINCT FROM till_now THEN
            till_now := r.till_id; n := 0; prev := repeat('0', 64);
        END IF;
        n := n + 1;
        digest := fd_ticket_hash(r.till_id, n, to_jsonb(r),
            coalesce((SELECT jsonb_agg(to_jsonb(l)) FROM ticket_line l
                       WHERE l.ticket_id = r.ticket_id), '[]'),
            coalesce((SELECT jsonb_agg(to_jsonb(x)) FROM tender x
                       WHERE x.ticket_id = r.ticket_id), '[]'),
            prev);
        UPDATE ticket SET seq = n, prev_hash = prev, hash = digest WHERE ticket_id = r.ticket_id;
        prev := digest;
    END LOOP;
    till_now := NULL;
    FOR r IN SELECT * FROM audit_log ORDER BY till_id, seq LOOP
        IF r.till_id IS DISTINCT FROM till_now THEN
            till_now := r.till_id; prev := repeat('0', 64);
        END IF;
        digest := fd_audit_hash(r.till_id, r.seq, to_jsonb(r), prev);
        UPDATE audit_log SET prev_hash = prev, hash = digest
         WHERE till_id = r.till_id AND seq = r.seq;
        prev := digest;
    END LOOP;
    INSERT INTO till_chain_head (till_id, chain, seq, hash)
    SELECT DISTINCT ON (till_id) till_id, 'ticket', seq, hash FROM ticket
     WHERE seq IS NOT NULL ORDER BY till_id, seq DESC
    ON CONFLICT (till_id, chain) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash;
    INSERT INTO till_chain_head (till_id, chain, seq, hash)
    SELECT DISTINCT ON (till_id) till_id, 'audit', seq, hash FROM audit_log
     WHERE hash IS NOT NULL ORDER BY till_id, seq DESC
    ON CONFLICT (till_id, chain) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash;
END $$;
"""

_REVOKE_UNCHAINED = """
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT DISTINCT grantee FROM information_schema.role_routine_grants
              WHERE routine_name = 'fd_push_rows_unchained' AND grantee <> current_user
                AND grantee <> 'PUBLIC'
    LOOP
        EXECUTE format('REVOKE EXECUTE ON FUNCTION fd_push_rows_unchained(text, bigint) FROM %I',
                       r.grantee);
    END LOOP;
END $$;
"""

_INTERNAL = [
    "fd_chain_head(text, text)",
    "fd_chain_problems(text, text)",
    "fd_move_chain_head(text, text)",
    "fd_push_rows_unchained(text, bigint)",
]


def upgrade() -> None:
    op.execute(_TABLES)
    op.execute(_FUNCTIONS)
    for name, (_, columns) in STAGES.items():
        op.execute(
            f"UPDATE fd_stage_tables SET columns = '{columns}' WHERE stage = 'fd_stage_{name}'"
        )
    op.execute(_SEAL_HELD)
    op.execute(f"REVOKE EXECUTE ON FUNCTION {', '.join(CHAIN_FUNCTIONS + _INTERNAL)} FROM PUBLIC")
    # The renamed push kept the grants the store roles had on it: taken back, so the chain
    # checks cannot be walked around by calling it directly.
    op.execute(_REVOKE_UNCHAINED)
    op.execute("REVOKE EXECUTE ON FUNCTION fd_push_rows(text, bigint) FROM PUBLIC")
    # Every store role that may push now may present its chains' heads and read them.
    op.execute(
        grant_to_pushers([*CHAIN_FUNCTIONS, "fd_push_rows(text, bigint)"], ("till_chain_head",))
    )


def downgrade() -> None:
    raise NotImplementedError("head office is never downgraded")
