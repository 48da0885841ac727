"""The first schema of the till database: members, cards, the ledger, tickets, audit, shifts.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Frozen DDL: later changes come as new revisions, never by editing this one.
_TABLES = [
    """
CREATE TABLE approval (
    approval_id TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    amount INTEGER NOT NULL,
    manager TEXT NOT NULL,
    created_at TEXT NOT NULL,
    used_at TEXT,
    PRIMARY KEY (approval_id)
)
    """,
    """
CREATE TABLE audit_log (
    till_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    audit_id TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    approver TEXT,
    action TEXT NOT NULL,
    subject TEXT,
    amount INTEGER,
    outcome TEXT NOT NULL,
    detail TEXT NOT NULL,
    PRIMARY KEY (till_id, seq),
    UNIQUE (audit_id)
)
    """,
    """
CREATE TABLE counter (
    name TEXT NOT NULL,
    value INTEGER NOT NULL,
    PRIMARY KEY (name)
)
    """,
    """
CREATE TABLE ledger_entry (
    till_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    entry_uuid TEXT NOT NULL,
    txn_uuid TEXT NOT NULL,
    created_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    member_id TEXT NOT NULL,
    bucket TEXT NOT NULL,
    amount INTEGER NOT NULL,
    actor TEXT NOT NULL,
    approver TEXT,
    ticket_id TEXT,
    lot_year INTEGER,
    offline BOOLEAN NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (till_id, seq),
    UNIQUE (entry_uuid)
)
    """,
    """
CREATE INDEX ix_ledger_entry_txn_uuid ON ledger_entry (txn_uuid)
    """,
    """
CREATE INDEX ix_ledger_member ON ledger_entry (member_id, seq)
    """,
    """
CREATE TABLE member (
    member_id TEXT NOT NULL,
    phone TEXT NOT NULL,
    name TEXT NOT NULL,
    birthday TEXT,
    gender TEXT,
    consent_terms_at TEXT NOT NULL,
    consent_marketing_at TEXT,
    recruiter TEXT NOT NULL,
    store TEXT NOT NULL,
    created_at TEXT NOT NULL,
    pin_hash TEXT,
    pin_failures INTEGER NOT NULL,
    pin_locked BOOLEAN NOT NULL,
    tier_lock TEXT,
    tier_lock_reason TEXT,
    birthday_benefit_year INTEGER,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (member_id),
    UNIQUE (phone)
)
    """,
    """
CREATE TABLE outbox (
    seq INTEGER NOT NULL,
    event_uuid TEXT NOT NULL,
    kind TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE (event_uuid)
)
    """,
    """
CREATE TABLE print_job (
    job_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    receipt TEXT NOT NULL,
    printed_at TEXT,
    last_error TEXT,
    PRIMARY KEY (job_id)
)
    """,
    """
CREATE TABLE product (
    barcode TEXT NOT NULL,
    name TEXT NOT NULL,
    unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
    member_discount BOOLEAN NOT NULL,
    active BOOLEAN NOT NULL,
    PRIMARY KEY (barcode)
)
    """,
    """
CREATE TABLE settings (
    "key" TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY ("key")
)
    """,
    """
CREATE TABLE shift (
    shift_id TEXT NOT NULL,
    till_id TEXT NOT NULL,
    cashier TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    opening_float INTEGER NOT NULL,
    opening_liability INTEGER NOT NULL,
    opening_seq INTEGER NOT NULL,
    closed_at TEXT,
    counted_cash INTEGER,
    report TEXT,
    PRIMARY KEY (shift_id)
)
    """,
    """
CREATE TABLE staff (
    staff_no TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role in ('cashier','manager','admin')),
    pin_hash TEXT NOT NULL,
    failed_tries INTEGER NOT NULL,
    locked BOOLEAN NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (staff_no)
)
    """,
    """
CREATE TABLE ticket (
    ticket_id TEXT NOT NULL,
    receipt_no TEXT NOT NULL,
    till_id TEXT NOT NULL,
    shift_id TEXT,
    kind TEXT NOT NULL,
    member_id TEXT,
    card_no TEXT,
    created_at TEXT NOT NULL,
    cashier TEXT NOT NULL,
    approver TEXT,
    refund_of TEXT,
    gross INTEGER NOT NULL,
    discount_tier INTEGER NOT NULL,
    discount_birthday INTEGER NOT NULL,
    redemption INTEGER NOT NULL,
    redeemed_points INTEGER NOT NULL,
    total INTEGER NOT NULL,
    points_earned INTEGER NOT NULL,
    points_multiplier INTEGER NOT NULL,
    birthday_benefit BOOLEAN NOT NULL,
    tier TEXT,
    upgraded_to TEXT,
    offline BOOLEAN NOT NULL,
    note TEXT,
    PRIMARY KEY (ticket_id),
    UNIQUE (receipt_no)
)
    """,
    """
CREATE INDEX ix_ticket_member_id ON ticket (member_id)
    """,
    """
CREATE INDEX ix_ticket_refund_of ON ticket (refund_of)
    """,
    """
CREATE TABLE account (
    member_id TEXT NOT NULL,
    principal INTEGER NOT NULL,
    bonus INTEGER NOT NULL,
    points INTEGER NOT NULL,
    base_principal INTEGER NOT NULL,
    base_bonus INTEGER NOT NULL,
    base_points INTEGER NOT NULL,
    base_seq INTEGER NOT NULL,
    tier TEXT NOT NULL,
    tier_since TEXT,
    tier_held_until TEXT,
    last_purchase_at TEXT,
    PRIMARY KEY (member_id),
    CONSTRAINT balance_never_negative CHECK (principal >= 0 AND bonus >= 0),
    FOREIGN KEY(member_id) REFERENCES member (member_id)
)
    """,
    """
CREATE TABLE card (
    card_no TEXT NOT NULL,
    member_id TEXT NOT NULL,
    generation INTEGER NOT NULL,
    state TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    state_at TEXT NOT NULL,
    PRIMARY KEY (card_no),
    FOREIGN KEY(member_id) REFERENCES member (member_id)
)
    """,
    """
CREATE INDEX ix_card_member_id ON card (member_id)
    """,
    """
CREATE TABLE points_lot (
    member_id TEXT NOT NULL,
    lot_year INTEGER NOT NULL,
    points INTEGER NOT NULL,
    base_points INTEGER NOT NULL,
    PRIMARY KEY (member_id, lot_year),
    FOREIGN KEY(member_id) REFERENCES member (member_id)
)
    """,
    """
CREATE TABLE tender (
    ticket_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    amount INTEGER NOT NULL,
    change INTEGER NOT NULL,
    reference TEXT,
    PRIMARY KEY (ticket_id, idx),
    FOREIGN KEY(ticket_id) REFERENCES ticket (ticket_id)
)
    """,
    """
CREATE TABLE ticket_line (
    ticket_id TEXT NOT NULL,
    line_no INTEGER NOT NULL,
    barcode TEXT NOT NULL,
    name TEXT NOT NULL,
    unit_price INTEGER NOT NULL,
    quantity INTEGER NOT NULL,
    gross INTEGER NOT NULL,
    member_discount INTEGER NOT NULL,
    redemption INTEGER NOT NULL,
    net INTEGER NOT NULL,
    refund_of_line INTEGER,
    PRIMARY KEY (ticket_id, line_no),
    FOREIGN KEY(ticket_id) REFERENCES ticket (ticket_id)
)
    """,
]

# Ledger, tickets and audit are append-only: corrections are new rows (DOMAIN §7).
_APPEND_ONLY = ["ledger_entry", "ticket", "ticket_line", "tender", "audit_log", "outbox"]


def upgrade() -> None:
    for statement in _TABLES:
        op.execute(statement)
    for table in _APPEND_ONLY:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )


def downgrade() -> None:
    raise NotImplementedError("the till database is never downgraded")
