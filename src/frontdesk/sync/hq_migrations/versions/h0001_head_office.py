"""The first head-office schema: stores, tills, member master, cards, every till's books, cursors.

Revision ID: h0001
Revises:
"""

from __future__ import annotations

from alembic import op

revision = "h0001"
down_revision = None
branch_labels = None
depends_on = None

# Till times stay the till's own ISO text: the ledger hash covers those exact characters.
_DDL = """
CREATE SEQUENCE master_change_seq;
CREATE SEQUENCE arrival_seq;

CREATE TABLE store (
    store_no text PRIMARY KEY,
    name text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE till (
    till_id text PRIMARY KEY,
    store_no text NOT NULL REFERENCES store,
    role_name text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION fd_current_store() RETURNS text
LANGUAGE sql STABLE AS $$ SELECT store_no FROM till WHERE role_name = current_user $$;

CREATE FUNCTION fd_own_tills() RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(till_id), '{}') FROM till WHERE store_no = fd_current_store()
$$;

CREATE TABLE member (
    member_id text PRIMARY KEY,
    phone text NOT NULL,
    name text NOT NULL,
    birthday text,
    gender text,
    store text NOT NULL,
    recruiter text NOT NULL,
    created_at text NOT NULL,
    consent_terms_at text NOT NULL,
    consent_marketing_at text,
    tier_lock text,
    change_seq bigint NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_member_change ON member (change_seq);
CREATE INDEX ix_member_phone ON member (phone);

CREATE TABLE card (
    card_no text PRIMARY KEY,
    member_id text NOT NULL,
    generation integer NOT NULL,
    state text NOT NULL,
    state_at timestamptz NOT NULL,
    issued_at timestamptz NOT NULL,
    revoked_at timestamptz,
    change_seq bigint NOT NULL
);
CREATE INDEX ix_card_change ON card (change_seq);
CREATE INDEX ix_card_member ON card (member_id);

CREATE TABLE product (
    barcode text PRIMARY KEY,
    name text NOT NULL,
    unit_price bigint NOT NULL CHECK (unit_price >= 0),
    member_discount boolean NOT NULL DEFAULT true,
    active boolean NOT NULL DEFAULT true,
    change_seq bigint NOT NULL DEFAULT nextval('master_change_seq')
);

CREATE TABLE program (
    version bigserial PRIMARY KEY,
    body text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE change_event (
    event_uuid text PRIMARY KEY,
    till_id text NOT NULL REFERENCES till,
    till_seq bigint NOT NULL,
    kind text NOT NULL,
    entity_id text NOT NULL,
    payload jsonb NOT NULL,
    created_at text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (till_id, till_seq)
);

CREATE TABLE ledger_entry (
    till_id text NOT NULL REFERENCES till,
    seq bigint NOT NULL,
    entry_uuid text NOT NULL UNIQUE,
    txn_uuid text NOT NULL,
    created_at text NOT NULL,
    kind text NOT NULL,
    member_id text NOT NULL,
    bucket text NOT NULL,
    amount bigint NOT NULL,
    actor text NOT NULL,
    approver text,
    ticket_id text,
    lot_year integer,
    offline boolean NOT NULL,
    prev_hash text NOT NULL,
    hash text NOT NULL,
    arrival bigint NOT NULL DEFAULT nextval('arrival_seq'),
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (till_id, seq)
);
CREATE INDEX ix_ledger_member ON ledger_entry (member_id);
CREATE INDEX ix_ledger_arrival ON ledger_entry (arrival);
CREATE INDEX ix_ledger_ticket ON ledger_entry (ticket_id);

CREATE TABLE ticket (
    ticket_id text PRIMARY KEY,
    till_id text NOT NULL REFERENCES till,
    till_rowid bigint NOT NULL,
    receipt_no text NOT NULL UNIQUE,
    shift_id text,
    kind text NOT NULL,
    member_id text,
    card_no text,
    created_at text NOT NULL,
    cashier text NOT NULL,
    approver text,
    refund_of text,
    gross bigint NOT NULL,
    discount_tier bigint NOT NULL,
    discount_birthday bigint NOT NULL,
    redemption bigint NOT NULL,
    redeemed_points bigint NOT NULL,
    total bigint NOT NULL,
    points_earned bigint NOT NULL,
    points_multiplier integer NOT NULL,
    birthday_benefit boolean NOT NULL,
    tier text,
    upgraded_to text,
    offline boolean NOT NULL,
    note text,
    received_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ticket_line (
    till_id text NOT NULL REFERENCES till,
    ticket_id text NOT NULL REFERENCES ticket,
    line_no integer NOT NULL,
    barcode text NOT NULL,
    name text NOT NULL,
    unit_price bigint NOT NULL,
    quantity integer NOT NULL,
    gross bigint NOT NULL,
    member_discount bigint NOT NULL,
    redemption bigint NOT NULL,
    net bigint NOT NULL,
    refund_of_line integer,
    PRIMARY KEY (ticket_id, line_no)
);

CREATE TABLE tender (
    till_id text NOT NULL REFERENCES till,
    ticket_id text NOT NULL REFERENCES ticket,
    idx integer NOT NULL,
    kind text NOT NULL,
    amount bigint NOT NULL,
    change bigint NOT NULL,
    reference text,
    PRIMARY KEY (ticket_id, idx)
);

CREATE TABLE audit_log (
    till_id text NOT NULL REFERENCES till,
    seq bigint NOT NULL,
    audit_id text NOT NULL UNIQUE,
    at text NOT NULL,
    actor text NOT NULL,
    approver text,
    action text NOT NULL,
    subject text,
    amount bigint,
    outcome text NOT NULL,
    detail text NOT NULL,
    PRIMARY KEY (till_id, seq)
);

CREATE TABLE sync_cursor (
    till_id text NOT NULL REFERENCES till,
    stream text NOT NULL,
    last_seq bigint NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (till_id, stream)
);

CREATE TABLE sync_problem (
    problem_id bigserial PRIMARY KEY,
    till_id text NOT NULL,
    detected_at timestamptz NOT NULL DEFAULT now(),
    kind text NOT NULL,
    detail text NOT NULL
);

-- Card and member events are facts from the tills; the master rows are derived from them here,
-- with the owner's rights, so a store role never needs UPDATE on master data.
CREATE FUNCTION fd_apply_event() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    p jsonb := NEW.payload;
    at timestamptz;
BEGIN
    IF NEW.kind = 'member' THEN
        INSERT INTO member AS m (member_id, phone, name, birthday, gender, store, recruiter,
                                 created_at, consent_terms_at, consent_marketing_at, tier_lock,
                                 change_seq)
        VALUES (NEW.entity_id, p->>'phone', p->>'name', p->>'birthday', p->>'gender',
                p->>'store', p->>'recruiter', p->>'created_at', p->>'consent_terms_at',
                p->>'consent_marketing_at', p->>'tier_lock', nextval('master_change_seq'))
        ON CONFLICT (member_id) DO UPDATE SET
            phone = EXCLUDED.phone, name = EXCLUDED.name, birthday = EXCLUDED.birthday,
            gender = EXCLUDED.gender, consent_marketing_at = EXCLUDED.consent_marketing_at,
            tier_lock = EXCLUDED.tier_lock, change_seq = EXCLUDED.change_seq, updated_at = now();
    ELSIF NEW.kind = 'card' THEN
        at := (p->>'at')::timestamptz;
        INSERT INTO card AS c (card_no, member_id, generation, state, state_at, issued_at,
                               revoked_at, change_seq)
        VALUES (NEW.entity_id, p->>'member_id', (p->>'generation')::integer, p->>'state', at, at,
                CASE WHEN p->>'state' = 'active' THEN NULL ELSE at END,
                nextval('master_change_seq'))
        ON CONFLICT (card_no) DO UPDATE SET
            state = EXCLUDED.state, state_at = EXCLUDED.state_at,
            revoked_at = EXCLUDED.revoked_at, change_seq = EXCLUDED.change_seq
        -- A replaced or returned card never comes back; an older event never wins.
        WHERE c.state NOT IN ('replaced', 'returned') AND c.state_at <= EXCLUDED.state_at;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER change_event_apply AFTER INSERT ON change_event
    FOR EACH ROW EXECUTE FUNCTION fd_apply_event();

CREATE FUNCTION fd_bump_product() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.change_seq := nextval('master_change_seq');
    RETURN NEW;
END $$;
CREATE TRIGGER product_bump BEFORE UPDATE ON product
    FOR EACH ROW EXECUTE FUNCTION fd_bump_product();

-- Head office's balances for members with entries that arrived after a till's cursor: a store
-- reads other stores' totals through this, never their ledger rows.
CREATE FUNCTION fd_member_totals(p_after bigint)
RETURNS TABLE (member_id text, bucket text, lot_year integer, amount bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    WITH changed AS (SELECT DISTINCT l.member_id FROM ledger_entry l WHERE l.arrival > p_after)
    SELECT l.member_id, l.bucket, NULL::integer, sum(l.amount)::bigint
      FROM ledger_entry l JOIN changed USING (member_id)
     GROUP BY l.member_id, l.bucket
    UNION ALL
    SELECT l.member_id, 'lot', l.lot_year, sum(l.amount)::bigint
      FROM ledger_entry l JOIN changed USING (member_id)
     WHERE l.bucket = 'points' AND l.lot_year IS NOT NULL
     GROUP BY l.member_id, l.lot_year
$$;

CREATE FUNCTION fd_last_arrival() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT coalesce(max(arrival), 0) FROM ledger_entry
$$;

CREATE VIEW account_balance AS
SELECT member_id,
       coalesce(sum(amount) FILTER (WHERE bucket = 'principal'), 0)::bigint AS principal,
       coalesce(sum(amount) FILTER (WHERE bucket = 'bonus'), 0)::bigint AS bonus,
       coalesce(sum(amount) FILTER (WHERE bucket = 'points'), 0)::bigint AS points
  FROM ledger_entry GROUP BY member_id;

CREATE VIEW negative_account AS
SELECT * FROM account_balance WHERE principal < 0 OR bonus < 0;

CREATE VIEW spend_after_revocation AS
SELECT l.till_id, l.seq, l.member_id, l.amount, l.created_at, l.offline,
       t.card_no, c.state AS card_state, c.revoked_at
  FROM ledger_entry l
  JOIN ticket t ON t.ticket_id = l.ticket_id
  JOIN card c ON c.card_no = t.card_no
 WHERE l.kind = 'spend' AND c.revoked_at IS NOT NULL
   AND l.created_at::timestamptz > c.revoked_at;
"""

# Each store's rows are its tills' rows: a store role sees and writes only those.
_OWN_ROWS = [
    "ledger_entry",
    "ticket",
    "ticket_line",
    "tender",
    "audit_log",
    "change_event",
    "sync_cursor",
    "sync_problem",
]


def upgrade() -> None:
    op.execute(_DDL)
    # The sub-select makes the till list an init plan: worked out once per statement, not per row.
    own = "till_id = ANY ((SELECT fd_own_tills())::text[])"
    for table in _OWN_ROWS:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY own_store ON {table} USING ({own}) WITH CHECK ({own})")


def downgrade() -> None:
    raise NotImplementedError("head office is never downgraded")
