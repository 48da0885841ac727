"""退卡 records reach head office with their ticket, and are refused when they do not add up.

A 退卡's payout record (cash or bank transfer, the masked account and ID, who checked the ID,
the 退卡单's calculation) travels in the ticket stream beside its cashout ticket, as lines and
tenders do. The full account and ID numbers arrive as the till sealed them with the member's
own key (fdk1:…); head office keeps them sealed, so destroying the key at erasure leaves this
copy unreadable too. Inside the push, with the owner's rights, each record is held to its
ticket and the ledger head office already has (the ledger is pushed before tickets): the same
member and card, a cashout ticket whose total is the principal refunded, the ledger's 本金
cashout of that ticket the same amount, a bank payout with its sealed account, masked forms,
identity check and a bank-transfer tender to that masked account, a cash payout never above
the law's ￥100 (《单用途商业预付卡管理办法（试行）》: above it, to the holder's bank account),
and a record head office holds never changed. Anything else refuses the whole ticket batch, recorded
as the other push refusals are. An erased member's holder name is blanked here as at the till.
Re-runnable (IF NOT EXISTS, OR REPLACE, ON CONFLICT).

Revision ID: h0013
Revises: h0012
"""

from __future__ import annotations

from alembic import op

from frontdesk.domain.program import BANK_REFUND_ABOVE
from frontdesk.sync.hq_migrations.versions.h0009_record_chains import STAGES as _BEFORE

revision = "h0013"
down_revision = "h0012"
branch_labels = None
depends_on = None

CARD_RETURN_COLUMNS = (
    "ticket_id, member_id, card_no, created_at, payout, account, account_masked, holder, bank, "
    "id_number, id_masked, identity_checked_by, calculation"
)
STAGES = {**_BEFORE, "card_return": ("card_return", CARD_RETURN_COLUMNS)}
SEALED_PREFIX = "fdk1:"  # persistence.member_keys.PREFIX: text sealed with the member's key

_TABLES = """
CREATE TABLE IF NOT EXISTS card_return (
    till_id text NOT NULL REFERENCES till,
    ticket_id text PRIMARY KEY,
    member_id text NOT NULL,
    card_no text NOT NULL,
    created_at text NOT NULL,
    payout text NOT NULL CHECK (payout IN ('cash', 'bank_transfer')),
    account text,
    account_masked text,
    holder text,
    bank text,
    id_number text,
    id_masked text,
    identity_checked_by text,
    calculation jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS ix_card_return_member ON card_return (member_id);
ALTER TABLE card_return ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS own_store ON card_return;
CREATE POLICY own_store ON card_return USING (till_id = ANY ((SELECT fd_own_tills())::text[]));
"""

_FUNCTIONS = f"""
-- Why each staged 退卡 record cannot be taken, as push problems ('[]' when all can).
-- plpgsql, not sql: the staging tables exist only in a pushing session.
CREATE OR REPLACE FUNCTION fd_card_return_problems(me text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE problems jsonb;
BEGIN
WITH r AS (
    SELECT s.*, (s.calculation ->> 'principal_refunded')::bigint AS principal,
           coalesce(st.ticket_id, t.ticket_id) AS t_id, coalesce(st.kind, t.kind) AS t_kind,
           coalesce(st.member_id, t.member_id) AS t_member,
           coalesce(st.card_no, t.card_no) AS t_card, coalesce(st.total, t.total) AS t_total
      FROM pg_temp.fd_stage_card_return s
      LEFT JOIN pg_temp.fd_stage_ticket st ON st.ticket_id = s.ticket_id
      LEFT JOIN ticket t ON t.ticket_id = s.ticket_id AND t.till_id = me
), paid AS (
    SELECT ticket_id, kind, amount, reference FROM pg_temp.fd_stage_tender
    UNION ALL
    SELECT x.ticket_id, x.kind, x.amount, x.reference FROM tender x
     WHERE x.till_id = me AND x.ticket_id IN (SELECT ticket_id FROM pg_temp.fd_stage_card_return)
), cashed AS (
    SELECT l.ticket_id, sum(l.amount) AS amount FROM ledger_entry l
     WHERE l.till_id = me AND l.bucket = 'principal' AND l.kind = 'cashout'
       AND l.ticket_id IN (SELECT ticket_id FROM pg_temp.fd_stage_card_return)
     GROUP BY l.ticket_id
), found(ticket_id, code, detail) AS (
    SELECT ticket_id, 'card_return_without_ticket', 'no cashout ticket of this till'
      FROM r WHERE t_id IS NULL
    UNION ALL
    SELECT ticket_id, 'card_return_not_its_ticket',
           format('ticket is %s of member %s card %s', t_kind, t_member, t_card)
      FROM r WHERE t_id IS NOT NULL AND (t_kind <> 'cashout' OR t_member <> member_id
                                         OR t_card IS DISTINCT FROM card_no)
    UNION ALL
    SELECT ticket_id, 'card_return_amount',
           format('principal refunded %s, ticket total %s', principal, t_total)
      FROM r WHERE t_id IS NOT NULL AND principal IS DISTINCT FROM -t_total
    UNION ALL
    SELECT r.ticket_id, 'card_return_ledger',
           format('principal refunded %s, ledger cashout %s', r.principal, c.amount)
      FROM r LEFT JOIN cashed c USING (ticket_id)
     WHERE coalesce(-c.amount, 0) IS DISTINCT FROM r.principal
    UNION ALL
    SELECT ticket_id, 'card_return_cash_above_limit',
           format('%s fen paid in cash, above {BANK_REFUND_ABOVE.value}', principal)
      FROM r WHERE payout = 'cash' AND principal > {BANK_REFUND_ABOVE.value}
    UNION ALL
    SELECT ticket_id, 'card_return_bank_incomplete', 'bank payout without account or identity'
      FROM r WHERE payout = 'bank_transfer'
       AND (account IS NULL OR account_masked IS NULL OR id_number IS NULL
            OR id_masked IS NULL OR identity_checked_by IS NULL)
    UNION ALL
    SELECT ticket_id, 'card_return_unsealed', 'account or ID number not sealed'
      FROM r WHERE account NOT LIKE '{SEALED_PREFIX}%' OR id_number NOT LIKE '{SEALED_PREFIX}%'
    UNION ALL
    SELECT r.ticket_id, 'card_return_tender', format('no %s tender of %s', r.payout, r.t_total)
      FROM r WHERE r.t_id IS NOT NULL AND r.principal <> 0 AND NOT EXISTS (
            SELECT 1 FROM paid p WHERE p.ticket_id = r.ticket_id AND p.kind = r.payout
               AND p.amount = r.t_total
               AND (r.payout = 'cash' OR p.reference IS NOT DISTINCT FROM r.account_masked))
    UNION ALL
    SELECT r.ticket_id, 'card_return_changed', 'differs from the record head office holds'
      FROM r JOIN card_return h ON h.ticket_id = r.ticket_id
     WHERE h.till_id <> me OR (h.member_id, h.card_no, h.payout, h.account, h.account_masked,
                               h.bank, h.id_number, h.id_masked, h.identity_checked_by,
                               h.calculation)
           IS DISTINCT FROM (r.member_id, r.card_no, r.payout, r.account, r.account_masked,
                             r.bank, r.id_number, r.id_masked, r.identity_checked_by,
                             r.calculation)
)
SELECT coalesce(jsonb_agg(jsonb_build_object(
           'code', code, 'detail', format('card return %s: %s', ticket_id, detail))
           ORDER BY ticket_id, code), '[]')
  INTO problems FROM found;
RETURN problems;
END $$;

-- The record moved once its ticket batch is taken; an erased member's holder stays blank.
CREATE OR REPLACE FUNCTION fd_move_card_returns(me text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO card_return (till_id, {CARD_RETURN_COLUMNS})
    SELECT me, s.ticket_id, s.member_id, s.card_no, s.created_at, s.payout, s.account,
           s.account_masked,
           CASE WHEN EXISTS (SELECT 1 FROM member m WHERE m.member_id = s.member_id
                               AND m.phone LIKE 'erased:%') THEN NULL ELSE s.holder END,
           s.bank, s.id_number, s.id_masked, s.identity_checked_by, s.calculation
      FROM pg_temp.fd_stage_card_return s
    ON CONFLICT (ticket_id) DO NOTHING;
END $$;

-- h0009's push of a ticket or audit batch, with the 退卡 records of a ticket batch checked
-- beside the chain and moved after the tickets.
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
        PERFORM fd_check_stage('fd_stage_card_return');
    ELSE
        PERFORM fd_check_stage('fd_stage_audit');
    END IF;
    problems := fd_chain_problems(me, p_stream);
    IF p_stream = 'ticket' THEN
        problems := problems || fd_card_return_problems(me);
    END IF;
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
        IF p_stream = 'ticket' THEN
            PERFORM fd_move_card_returns(me);
        END IF;
    END IF;
    RETURN result;
END $$;

-- An erasure (h0011) blanks the holder name of the member's 退卡 records head office holds.
CREATE OR REPLACE FUNCTION fd_erase_card_returns() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE card_return SET holder = NULL WHERE member_id = NEW.entity_id;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS change_event_zerase_card_return ON change_event;
CREATE TRIGGER change_event_zerase_card_return AFTER INSERT ON change_event
    FOR EACH ROW WHEN (NEW.kind = 'member' AND NEW.payload ? 'erased')
    EXECUTE FUNCTION fd_erase_card_returns();
"""

_INTERNAL = [
    "fd_card_return_problems(text)",
    "fd_move_card_returns(text)",
    "fd_erase_card_returns()",
]


def upgrade() -> None:
    op.execute(_TABLES)
    op.execute(
        "INSERT INTO fd_stage_tables VALUES "
        f"('fd_stage_card_return', 'card_return', '{CARD_RETURN_COLUMNS}') "
        "ON CONFLICT (stage) DO UPDATE SET source = EXCLUDED.source, columns = EXCLUDED.columns"
    )
    op.execute(_FUNCTIONS)
    op.execute(f"REVOKE EXECUTE ON FUNCTION {', '.join(_INTERNAL)} FROM PUBLIC")
    op.execute("REVOKE EXECUTE ON FUNCTION fd_push_rows(text, bigint) FROM PUBLIC")


def downgrade() -> None:
    raise NotImplementedError("head office is never downgraded")
