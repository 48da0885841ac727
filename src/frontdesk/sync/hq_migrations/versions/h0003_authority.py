"""Head office as the authority: pushes only through checking functions, heads, arrival order.

Store roles lose every direct write on the books; a push fills the session's staging tables
(COPY) and one SECURITY DEFINER function checks the rows and moves them, or moves nothing and
records why. Each till's acknowledged head (seq, hash) is kept, and a till presents its hash at
that seq before it pushes. Card states follow head office's arrival order, and a 挂失 is undone
only by a 解挂 that names it. Other stores' PIN hashes are no longer selectable.

Revision ID: h0003
Revises: h0002
"""

from __future__ import annotations

from alembic import op

revision = "h0003"
down_revision = "h0002"
branch_labels = None
depends_on = None

# The columns each staging table takes: a till's rows as it holds them, without till_id (the
# function gives every row the calling role's till) except for the ledger, whose till_id is
# hashed and so must be sent and checked.
STAGES = {
    "ledger": (
        "ledger_entry",
        "till_id, seq, entry_uuid, txn_uuid, created_at, kind, member_id, bucket, amount, actor, "
        "approver, ticket_id, lot_year, offline, prev_hash, hash",
    ),
    "ticket": (
        "ticket",
        "ticket_id, till_rowid, receipt_no, shift_id, kind, member_id, card_no, created_at, "
        "cashier, approver, refund_of, gross, discount_tier, discount_birthday, redemption, "
        "redeemed_points, total, points_earned, points_multiplier, birthday_benefit, tier, "
        "upgraded_to, offline, note",
    ),
    "line": (
        "ticket_line",
        "ticket_id, line_no, barcode, name, unit_price, quantity, gross, member_discount, "
        "redemption, net, refund_of_line",
    ),
    "tender": ("tender", "ticket_id, idx, kind, amount, change, reference"),
    "audit": (
        "audit_log",
        "seq, audit_id, at, actor, approver, action, subject, amount, outcome, detail",
    ),
    "event": ("change_event", "event_uuid, till_seq, kind, entity_id, payload, created_at"),
}

MEMBER_READABLE = (
    "member_id, phone, name, birthday, gender, store, recruiter, created_at, consent_terms_at, "
    "consent_marketing_at, tier_lock, tier_lock_reason, change_seq, updated_at, origin_till"
)

_BOOKS = ["ledger_entry", "ticket", "ticket_line", "tender", "audit_log", "change_event"]
# Everything the tills' pushes write, through the functions only: a store role reads them.
BOOKS = [*_BOOKS, "sync_cursor", "sync_problem", "till_head"]

_TABLES = """
CREATE TABLE till_head (
    till_id text PRIMARY KEY REFERENCES till,
    seq bigint NOT NULL,
    hash text NOT NULL,
    acknowledged_at timestamptz NOT NULL DEFAULT now(),
    presented_at timestamptz
);
INSERT INTO till_head (till_id, seq, hash)
SELECT DISTINCT ON (till_id) till_id, seq, hash FROM ledger_entry ORDER BY till_id, seq DESC;

ALTER TABLE sync_problem ADD COLUMN code text, ADD COLUMN seq bigint;
CREATE INDEX ix_sync_problem_till ON sync_problem (till_id, kind, code);

ALTER TABLE change_event
    ADD COLUMN arrival bigint NOT NULL DEFAULT nextval('arrival_seq'),
    ADD COLUMN outcome text NOT NULL DEFAULT 'applied';
ALTER TABLE card ADD COLUMN origin_till text, ADD COLUMN arrival bigint;
ALTER TABLE member ADD COLUMN origin_till text;

ALTER TABLE till_head ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_store ON till_head
    USING (till_id = ANY ((SELECT fd_own_tills())::text[]));
"""

_FUNCTIONS = """
-- The till of the login that called: inside SECURITY DEFINER functions current_user is the
-- owner, session_user is still the till's own login.
CREATE FUNCTION fd_caller_till() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE me text;
BEGIN
    SELECT t.till_id INTO me FROM till t WHERE t.role_name = session_user;
    IF me IS NULL THEN
        RAISE EXCEPTION 'role % is not a registered till', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN me;
END $$;

-- LedgerEntry.canonical() in SQL: sorted-key compact JSON of every field but the hash, with
-- the same string escapes as Python's json (ensure_ascii off), hashed with SHA-256.
CREATE FUNCTION fd_entry_hash(
    till_id text, seq bigint, entry_uuid text, txn_uuid text, created_at text, kind text,
    member_id text, bucket text, amount bigint, actor text, approver text, ticket_id text,
    lot_year integer, offline boolean, prev_hash text
) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(
        '{"actor":' || to_json(actor)::text
        || ',"amount":' || amount::text
        || ',"approver":' || coalesce(to_json(approver)::text, 'null')
        || ',"bucket":' || to_json(bucket)::text
        || ',"created_at":' || to_json(created_at)::text
        || ',"entry_uuid":' || to_json(entry_uuid)::text
        || ',"kind":' || to_json(kind)::text
        || ',"lot_year":' || coalesce(lot_year::text, 'null')
        || ',"member_id":' || to_json(member_id)::text
        || ',"offline":' || CASE WHEN offline THEN 'true' ELSE 'false' END
        || ',"prev_hash":' || to_json(prev_hash)::text
        || ',"seq":' || seq::text
        || ',"ticket_id":' || coalesce(to_json(ticket_id)::text, 'null')
        || ',"till_id":' || to_json(till_id)::text
        || ',"txn_uuid":' || to_json(txn_uuid)::text
        || '}', 'UTF8')), 'hex')
$$;

-- domain.merge.head_office_card_verdict in SQL (a test holds the two to the same table):
-- 'accept', or why head office keeps the state it has.
CREATE FUNCTION fd_card_verdict(
    current_state text, current_at timestamptz, incoming text, undoes timestamptz
) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN current_state IS NULL THEN 'accept'
        WHEN current_state IN ('replaced', 'returned') THEN 'card_terminal'
        WHEN current_state = 'lost' AND incoming NOT IN ('lost', 'replaced', 'returned')
             AND undoes IS DISTINCT FROM current_at THEN 'lost_not_named'
        ELSE 'accept'
    END
$$;

CREATE FUNCTION fd_safe_time(v text) RETURNS timestamptz
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN v::timestamptz;
EXCEPTION WHEN others THEN
    RETURN NULL;
END $$;

CREATE FUNCTION fd_record_problems(me text, kind text, problems jsonb) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO sync_problem (till_id, kind, code, seq, detail)
    SELECT me, kind, p->>'code', (p->>'seq')::bigint, p->>'detail'
      FROM jsonb_array_elements(problems) WITH ORDINALITY AS x(p, n)
     WHERE n <= 100
$$;

-- Card and member events are facts from the tills; the master rows follow them in head
-- office's arrival order (never the till's clock), with the event's till as their origin.
CREATE OR REPLACE FUNCTION fd_apply_event() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    p jsonb := NEW.payload;
    at timestamptz;
    c card%ROWTYPE;
    verdict text;
BEGIN
    IF NEW.kind = 'member' THEN
        INSERT INTO member AS m (member_id, phone, name, birthday, gender, store, recruiter,
                                 created_at, consent_terms_at, consent_marketing_at, tier_lock,
                                 tier_lock_reason, pin_hash, change_seq, origin_till)
        VALUES (NEW.entity_id, p->>'phone', p->>'name', p->>'birthday', p->>'gender',
                p->>'store', p->>'recruiter', p->>'created_at', p->>'consent_terms_at',
                p->>'consent_marketing_at', p->>'tier_lock', p->>'tier_lock_reason',
                p->>'pin_hash', nextval('master_change_seq'), NEW.till_id)
        ON CONFLICT (member_id) DO UPDATE SET
            phone = EXCLUDED.phone, name = EXCLUDED.name, birthday = EXCLUDED.birthday,
            gender = EXCLUDED.gender, consent_marketing_at = EXCLUDED.consent_marketing_at,
            tier_lock = EXCLUDED.tier_lock, tier_lock_reason = EXCLUDED.tier_lock_reason,
            pin_hash = coalesce(EXCLUDED.pin_hash, m.pin_hash),
            change_seq = EXCLUDED.change_seq, updated_at = now(),
            origin_till = EXCLUDED.origin_till;
    ELSIF NEW.kind = 'card' THEN
        at := fd_safe_time(p->>'at');
        IF at IS NULL THEN
            verdict := 'bad_event';
        ELSE
            SELECT * INTO c FROM card WHERE card_no = NEW.entity_id FOR UPDATE;
            verdict := fd_card_verdict(c.state, c.state_at, p->>'state',
                                       fd_safe_time(p->>'undoes'));
        END IF;
        IF verdict = 'accept' THEN
            INSERT INTO card AS x (card_no, member_id, generation, state, state_at, issued_at,
                                   revoked_at, change_seq, origin_till, arrival)
            VALUES (NEW.entity_id, p->>'member_id', (p->>'generation')::integer, p->>'state',
                    at, at, CASE WHEN p->>'state' = 'active' THEN NULL ELSE at END,
                    nextval('master_change_seq'), NEW.till_id, NEW.arrival)
            ON CONFLICT (card_no) DO UPDATE SET
                state = EXCLUDED.state, state_at = EXCLUDED.state_at,
                revoked_at = EXCLUDED.revoked_at, change_seq = EXCLUDED.change_seq,
                origin_till = EXCLUDED.origin_till, arrival = EXCLUDED.arrival;
        ELSE
            UPDATE change_event SET outcome = verdict WHERE event_uuid = NEW.event_uuid;
            -- Numbered again, so every till (the sender too) pulls head office's word anew.
            UPDATE card SET change_seq = nextval('master_change_seq')
             WHERE card_no = NEW.entity_id;
            PERFORM fd_record_problems(NEW.till_id, 'card', jsonb_build_array(jsonb_build_object(
                'code', verdict,
                'detail', format('card %s: %s refused, head office keeps %s (event %s)',
                                 NEW.entity_id, p->>'state', coalesce(c.state, '-'),
                                 NEW.event_uuid))));
        END IF;
    END IF;
    RETURN NULL;
END $$;

-- The staging tables of this session, created by the owner so no store role's object can
-- stand in for them; the calling login may only INSERT (COPY) into them.
CREATE FUNCTION fd_open_stage() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    s record;
    owner_oid oid;
BEGIN
    PERFORM fd_caller_till();
    FOR s IN SELECT * FROM fd_stage_tables LOOP
        SELECT c.relowner INTO owner_oid FROM pg_class c
         WHERE c.oid = to_regclass('pg_temp.' || s.stage);
        IF owner_oid IS NULL THEN
            EXECUTE format('CREATE TEMP TABLE %I ON COMMIT DELETE ROWS AS '
                           'SELECT %s FROM public.%I WITH NO DATA', s.stage, s.columns, s.source);
            EXECUTE format('GRANT INSERT ON pg_temp.%I TO %I', s.stage, session_user);
        ELSIF owner_oid <> (SELECT oid FROM pg_roles WHERE rolname = current_user) THEN
            RAISE EXCEPTION 'staging table % is not head office''s', s.stage
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END LOOP;
END $$;

CREATE FUNCTION fd_check_stage(stage text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF (SELECT c.relowner FROM pg_class c WHERE c.oid = to_regclass('pg_temp.' || stage))
       IS DISTINCT FROM (SELECT oid FROM pg_roles WHERE rolname = current_user) THEN
        RAISE EXCEPTION 'staging table % is not head office''s', stage
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END $$;

CREATE FUNCTION fd_advance(me text, stream text, last bigint) RETURNS bigint
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO sync_cursor (till_id, stream, last_seq) VALUES (me, stream, last)
    ON CONFLICT (till_id, stream) DO UPDATE SET
        last_seq = GREATEST(sync_cursor.last_seq, EXCLUDED.last_seq), updated_at = now()
    RETURNING last_seq
$$;

CREATE FUNCTION fd_acknowledged_seq() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT coalesce((SELECT seq FROM till_head WHERE till_id = fd_caller_till()), 0)
$$;

-- The till's hash at head office's acknowledged seq: anything else (an edited or re-sealed
-- chain, deleted entries, an old backup) is refused, recorded once, and said back.
CREATE FUNCTION fd_present_head(p_seq bigint, p_hash text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me text := fd_caller_till();
    h till_head%ROWTYPE;
    problem jsonb;
BEGIN
    SELECT * INTO h FROM till_head WHERE till_id = me;
    IF NOT FOUND THEN
        h.seq := 0;
        h.hash := repeat('0', 64);
    END IF;
    IF p_seq = h.seq AND p_hash IS NOT DISTINCT FROM h.hash THEN
        UPDATE till_head SET presented_at = now() WHERE till_id = me;
        RETURN NULL;
    END IF;
    problem := jsonb_build_object(
        'code', CASE WHEN p_hash IS NULL THEN 'head_missing' ELSE 'head_mismatch' END,
        'seq', h.seq,
        'detail', format('acknowledged head #%s %s, till presented #%s %s',
                         h.seq, left(h.hash, 12), p_seq, coalesce(left(p_hash, 12), 'nothing')));
    IF NOT EXISTS (SELECT 1 FROM sync_problem s WHERE s.till_id = me AND s.kind = 'head'
                     AND s.code = problem->>'code' AND s.detail = problem->>'detail') THEN
        PERFORM fd_record_problems(me, 'head', jsonb_build_array(problem));
    END IF;
    RETURN problem;
END $$;

-- One ledger batch from pg_temp.fd_stage_ledger: every entry the caller's, each new one the
-- next in sequence, linked to the one before and hashed as its content says. All or nothing.
CREATE FUNCTION fd_push_ledger() RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me text := fd_caller_till();
    head_seq bigint;
    head_hash text;
    problems jsonb;
    new_head record;
BEGIN
    PERFORM fd_check_stage('fd_stage_ledger');
    -- Arrival numbers are handed out in commit order (issue: per-till lock + watermark later).
    PERFORM pg_advisory_xact_lock(1717859193);
    SELECT h.seq, h.hash INTO head_seq, head_hash FROM till_head h WHERE h.till_id = me;
    IF NOT FOUND THEN
        head_seq := 0;
        head_hash := repeat('0', 64);
    END IF;
    WITH fresh AS (
        SELECT s.*, lag(s.seq) OVER w AS before_seq, lag(s.hash) OVER w AS before_hash
          FROM pg_temp.fd_stage_ledger s WHERE s.seq > head_seq WINDOW w AS (ORDER BY s.seq)
    ), found AS (
        SELECT s.seq, 'wrong_till' AS code,
               format('%s#%s: not till %s', s.till_id, s.seq, me) AS detail
          FROM pg_temp.fd_stage_ledger s WHERE s.till_id IS DISTINCT FROM me
        UNION ALL
        SELECT s.seq, 'changed',
               format('%s#%s: differs from the entry head office holds', me, s.seq)
          FROM pg_temp.fd_stage_ledger s
          LEFT JOIN ledger_entry l ON l.till_id = me AND l.seq = s.seq
         WHERE s.seq <= head_seq
           AND (l.hash IS DISTINCT FROM s.hash
                OR fd_entry_hash(s.till_id, s.seq, s.entry_uuid, s.txn_uuid, s.created_at, s.kind,
                                 s.member_id, s.bucket, s.amount, s.actor, s.approver,
                                 s.ticket_id, s.lot_year, s.offline, s.prev_hash)
                   IS DISTINCT FROM s.hash)
        UNION ALL
        SELECT f.seq, 'wrong_seq',
               format('%s: sequence gap, expected %s, found %s',
                      me, coalesce(f.before_seq, head_seq) + 1, f.seq)
          FROM fresh f WHERE f.seq <> coalesce(f.before_seq, head_seq) + 1
        UNION ALL
        SELECT f.seq, 'wrong_link',
               format('%s#%s: previous hash does not match the entry before it', me, f.seq)
          FROM fresh f WHERE f.prev_hash IS DISTINCT FROM coalesce(f.before_hash, head_hash)
        UNION ALL
        SELECT f.seq, 'wrong_hash', format('%s#%s: content does not match its hash', me, f.seq)
          FROM fresh f
         WHERE fd_entry_hash(f.till_id, f.seq, f.entry_uuid, f.txn_uuid, f.created_at, f.kind,
                             f.member_id, f.bucket, f.amount, f.actor, f.approver, f.ticket_id,
                             f.lot_year, f.offline, f.prev_hash) IS DISTINCT FROM f.hash
    )
    SELECT coalesce(jsonb_agg(jsonb_build_object('seq', seq, 'code', code, 'detail', detail)
                              ORDER BY seq, code), '[]')
      INTO problems FROM found;
    IF jsonb_array_length(problems) = 0 THEN
        BEGIN
            INSERT INTO ledger_entry (till_id, seq, entry_uuid, txn_uuid, created_at, kind,
                                      member_id, bucket, amount, actor, approver, ticket_id,
                                      lot_year, offline, prev_hash, hash)
            SELECT till_id, seq, entry_uuid, txn_uuid, created_at, kind, member_id, bucket,
                   amount, actor, approver, ticket_id, lot_year, offline, prev_hash, hash
              FROM pg_temp.fd_stage_ledger WHERE seq > head_seq ORDER BY seq;
        EXCEPTION WHEN unique_violation THEN
            problems := jsonb_build_array(jsonb_build_object(
                'code', 'uuid_taken', 'detail', format('%s: an entry id is already taken', me)));
        END;
    END IF;
    IF jsonb_array_length(problems) > 0 THEN
        PERFORM fd_record_problems(me, 'chain', problems);
        RETURN jsonb_build_object('cursor', head_seq, 'problems', problems);
    END IF;
    SELECT s.seq, s.hash INTO new_head FROM pg_temp.fd_stage_ledger s
     WHERE s.seq > head_seq ORDER BY s.seq DESC LIMIT 1;
    IF FOUND THEN
        INSERT INTO till_head (till_id, seq, hash) VALUES (me, new_head.seq, new_head.hash)
        ON CONFLICT (till_id) DO UPDATE SET
            seq = EXCLUDED.seq, hash = EXCLUDED.hash, acknowledged_at = now();
        head_seq := new_head.seq;
    END IF;
    RETURN jsonb_build_object('cursor', fd_advance(me, 'ledger', head_seq),
                              'problems', '[]'::jsonb);
END $$;

-- Tickets with their lines and tenders, audit rows or change events from the staging tables,
-- every row made the caller's. A replay inserts nothing; a row naming another till's ticket
-- is refused with the whole batch.
CREATE FUNCTION fd_push_rows(p_stream text, p_last bigint) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me text := fd_caller_till();
    problems jsonb := '[]';
BEGIN
    PERFORM pg_advisory_xact_lock(1717859193);
    IF p_stream = 'ticket' THEN
        PERFORM fd_check_stage('fd_stage_ticket');
        PERFORM fd_check_stage('fd_stage_line');
        PERFORM fd_check_stage('fd_stage_tender');
        SELECT coalesce(jsonb_agg(jsonb_build_object(
                   'code', 'foreign_ticket',
                   'detail',
                   format('%s: ticket %s belongs to till %s', me, x.ticket_id, x.till_id))),
               '[]')
          INTO problems
          FROM (SELECT t.ticket_id, t.till_id FROM ticket t
                 WHERE t.till_id <> me AND t.ticket_id IN (
                       SELECT ticket_id FROM pg_temp.fd_stage_ticket
                       UNION SELECT ticket_id FROM pg_temp.fd_stage_line
                       UNION SELECT ticket_id FROM pg_temp.fd_stage_tender)) x;
        IF jsonb_array_length(problems) = 0 THEN
            INSERT INTO ticket (till_id, ticket_id, till_rowid, receipt_no, shift_id, kind,
                                member_id, card_no, created_at, cashier, approver, refund_of,
                                gross, discount_tier, discount_birthday, redemption,
                                redeemed_points, total, points_earned, points_multiplier,
                                birthday_benefit, tier, upgraded_to, offline, note)
            SELECT me, ticket_id, till_rowid, receipt_no, shift_id, kind, member_id, card_no,
                   created_at, cashier, approver, refund_of, gross, discount_tier,
                   discount_birthday, redemption, redeemed_points, total, points_earned,
                   points_multiplier, birthday_benefit, tier, upgraded_to, offline, note
              FROM pg_temp.fd_stage_ticket ORDER BY till_rowid
            ON CONFLICT DO NOTHING;
            INSERT INTO ticket_line (till_id, ticket_id, line_no, barcode, name, unit_price,
                                     quantity, gross, member_discount, redemption, net,
                                     refund_of_line)
            SELECT me, ticket_id, line_no, barcode, name, unit_price, quantity, gross,
                   member_discount, redemption, net, refund_of_line FROM pg_temp.fd_stage_line
            ON CONFLICT DO NOTHING;
            INSERT INTO tender (till_id, ticket_id, idx, kind, amount, change, reference)
            SELECT me, ticket_id, idx, kind, amount, change, reference FROM pg_temp.fd_stage_tender
            ON CONFLICT DO NOTHING;
        END IF;
    ELSIF p_stream = 'audit' THEN
        PERFORM fd_check_stage('fd_stage_audit');
        INSERT INTO audit_log (till_id, seq, audit_id, at, actor, approver, action, subject,
                               amount, outcome, detail)
        SELECT me, seq, audit_id, at, actor, approver, action, subject, amount, outcome, detail
          FROM pg_temp.fd_stage_audit ORDER BY seq
        ON CONFLICT DO NOTHING;
    ELSIF p_stream = 'outbox' THEN
        PERFORM fd_check_stage('fd_stage_event');
        -- In the till's order: each inserted event is applied (trigger) as it arrives.
        INSERT INTO change_event (event_uuid, till_id, till_seq, kind, entity_id, payload,
                                  created_at)
        SELECT event_uuid, me, till_seq, kind, entity_id, payload, created_at
          FROM pg_temp.fd_stage_event ORDER BY till_seq
        ON CONFLICT DO NOTHING;
    ELSE
        RAISE EXCEPTION 'unknown stream %', p_stream;
    END IF;
    IF jsonb_array_length(problems) > 0 THEN
        PERFORM fd_record_problems(me, p_stream, problems);
        RETURN jsonb_build_object(
            'cursor', coalesce((SELECT last_seq FROM sync_cursor
                                 WHERE till_id = me AND stream = p_stream), 0),
            'problems', problems);
    END IF;
    RETURN jsonb_build_object('cursor', fd_advance(me, p_stream, p_last), 'problems', problems);
END $$;

-- The member pull: master rows with the PIN hash a till needs to check the member's PIN
-- offline at any store; the member table's pin_hash column itself is not selectable.
CREATE FUNCTION fd_pull_members(p_after bigint, p_limit integer)
RETURNS TABLE (member_id text, phone text, name text, birthday text, gender text, store text,
               recruiter text, created_at text, consent_terms_at text,
               consent_marketing_at text, tier_lock text, tier_lock_reason text, pin_hash text,
               change_seq bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM fd_caller_till();
    RETURN QUERY
    SELECT m.member_id, m.phone, m.name, m.birthday, m.gender, m.store, m.recruiter,
           m.created_at, m.consent_terms_at, m.consent_marketing_at, m.tier_lock,
           m.tier_lock_reason, m.pin_hash, m.change_seq
      FROM member m WHERE m.change_seq > p_after ORDER BY m.change_seq LIMIT p_limit;
END $$;
"""

# What a store role may call; the helpers they use (fd_advance, fd_record_problems, …) run only
# inside them, with the owner's rights, and are not the store's to call.
_INTERNAL = [
    "fd_check_stage(text)",
    "fd_advance(text, text, bigint)",
    "fd_record_problems(text, text, jsonb)",
]
PUSH_FUNCTIONS = [
    "fd_caller_till()",
    "fd_open_stage()",
    "fd_acknowledged_seq()",
    "fd_present_head(bigint, text)",
    "fd_push_ledger()",
    "fd_push_rows(text, bigint)",
    "fd_pull_members(bigint, integer)",
]


def _stage_table() -> str:
    rows = ", ".join(
        f"('fd_stage_{name}', '{source}', '{columns}')"
        for name, (source, columns) in STAGES.items()
    )
    return (
        "CREATE TABLE fd_stage_tables (stage text PRIMARY KEY, source text NOT NULL, "
        f"columns text NOT NULL); INSERT INTO fd_stage_tables VALUES {rows};"
    )


_WRITTEN = ", ".join(f"'{b}'" for b in BOOKS)

# Grants made before this revision (by `hq init`) are taken back from every role but the owner.
_REVOKE_OLD = f"""
DO $$
DECLARE r record;
BEGIN
    FOR r IN SELECT DISTINCT grantee, table_name FROM information_schema.role_table_grants
              WHERE table_schema = 'public' AND grantee <> current_user AND grantee <> 'PUBLIC'
                AND table_name = ANY (ARRAY[{_WRITTEN}])
                AND privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')
    LOOP
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON %I FROM %I',
                       r.table_name, r.grantee);
    END LOOP;
    FOR r IN SELECT DISTINCT grantee FROM information_schema.role_table_grants
              WHERE table_schema = 'public' AND grantee <> current_user AND grantee <> 'PUBLIC'
                AND table_name = 'member' AND privilege_type = 'SELECT'
    LOOP
        EXECUTE format('REVOKE SELECT ON member FROM %I', r.grantee);
        EXECUTE format('GRANT SELECT ON till_head TO %I', r.grantee);
        EXECUTE format('GRANT EXECUTE ON FUNCTION {", ".join(PUSH_FUNCTIONS)} TO %I', r.grantee);
    END LOOP;
END $$;
"""


def upgrade() -> None:
    op.execute(_TABLES)
    op.execute(_stage_table())
    op.execute(_FUNCTIONS)
    op.execute(f"REVOKE EXECUTE ON FUNCTION {', '.join(PUSH_FUNCTIONS + _INTERNAL)} FROM PUBLIC")
    op.execute(_REVOKE_OLD)


def downgrade() -> None:
    raise NotImplementedError("head office is never downgraded")
