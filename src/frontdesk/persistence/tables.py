"""The till database schema (SQLAlchemy Core). Money and points are integers; times ISO text."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
)

metadata = MetaData()

settings = Table(
    "settings",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

counter = Table(
    "counter",
    metadata,
    Column("name", Text, primary_key=True),
    Column("value", Integer, nullable=False),
)

staff = Table(
    "staff",
    metadata,
    Column("staff_no", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("role", Text, CheckConstraint("role in ('cashier','manager','admin')"), nullable=False),
    Column("pin_hash", Text, nullable=False),
    Column("failed_tries", Integer, nullable=False, default=0),
    Column("locked", Boolean, nullable=False, default=False),
    Column("created_at", Text, nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("approval_failures", Integer, nullable=False, default=0),
    Column("approvals_paused_until", Text),
)

member = Table(
    "member",
    metadata,
    Column("member_id", Text, primary_key=True),
    Column("consent_terms_at", Text, nullable=False),
    Column("consent_marketing_at", Text),
    Column("recruiter", Text, nullable=False),
    Column("store", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("pin_hash", Text),
    Column("pin_failures", Integer, nullable=False, default=0),
    Column("pin_locked", Boolean, nullable=False, default=False),
    Column("tier_lock", Text),
    Column("tier_lock_reason", Text),
    Column("birthday_benefit_year", Integer),
    Column("updated_at", Text, nullable=False),
)

# The member's personal fields, each sealed with the member's own key (the `fdk1:` text of
# persistence.member_keys, bound to member and field), so destroying the key erases them; a
# phone is found by its keyed hash (phone_key, unique as the phone was) and by its last four
# digits' (tail_key: NULL for a bearer or erased account's phone, which is no number).
member_personal = Table(
    "member_personal",
    metadata,
    Column("member_id", Text, ForeignKey("member.member_id"), primary_key=True),
    Column("name", Text, nullable=False),
    Column("phone", Text, nullable=False),
    Column("birthday", Text),
    Column("gender", Text),
    Column("phone_key", Text, nullable=False, unique=True),
    Column("tail_key", Text, index=True),
)

# Projection of the ledger: base_* is what head office last said (members of other stores),
# and local entries with seq > base_seq are added on top. `frontdesk verify` recomputes it.
account = Table(
    "account",
    metadata,
    Column("member_id", Text, ForeignKey("member.member_id"), primary_key=True),
    Column("principal", Integer, nullable=False, default=0),
    Column("bonus", Integer, nullable=False, default=0),
    Column("points", Integer, nullable=False, default=0),
    Column("base_principal", Integer, nullable=False, default=0),
    Column("base_bonus", Integer, nullable=False, default=0),
    Column("base_points", Integer, nullable=False, default=0),
    Column("base_seq", Integer, nullable=False, default=0),
    Column("tier", Text, nullable=False),
    Column("tier_since", Text),
    Column("tier_held_until", Text),
    Column("last_purchase_at", Text),
    CheckConstraint("principal >= 0 AND bonus >= 0", name="balance_never_negative"),
)

points_lot = Table(
    "points_lot",
    metadata,
    Column("member_id", Text, ForeignKey("member.member_id"), nullable=False),
    Column("lot_year", Integer, nullable=False),
    Column("points", Integer, nullable=False),
    Column("base_points", Integer, nullable=False, default=0),
    PrimaryKeyConstraint("member_id", "lot_year"),
)

card = Table(
    "card",
    metadata,
    Column("card_no", Text, primary_key=True),
    Column("member_id", Text, ForeignKey("member.member_id"), nullable=False, index=True),
    Column("generation", Integer, nullable=False),
    Column("state", Text, nullable=False),
    Column("issued_at", Text, nullable=False),
    Column("state_at", Text, nullable=False),
)

product = Table(
    "product",
    metadata,
    Column("barcode", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("unit_price", Integer, CheckConstraint("unit_price >= 0"), nullable=False),
    Column("member_discount", Boolean, nullable=False, default=True),
    Column("active", Boolean, nullable=False, default=True),
    Column("member_price", Integer),
    Column("category", Text, nullable=False, default=""),
    Column("unit", Text, nullable=False, default=""),
)

ledger_entry = Table(
    "ledger_entry",
    metadata,
    Column("till_id", Text, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("entry_uuid", Text, nullable=False, unique=True),
    Column("txn_uuid", Text, nullable=False, index=True),
    Column("created_at", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("member_id", Text, nullable=False),
    Column("bucket", Text, nullable=False),
    Column("amount", Integer, nullable=False),
    Column("actor", Text, nullable=False),
    Column("approver", Text),
    Column("ticket_id", Text),
    Column("lot_year", Integer),
    Column("offline", Boolean, nullable=False),
    Column("prev_hash", Text, nullable=False),
    Column("hash", Text, nullable=False),
    PrimaryKeyConstraint("till_id", "seq"),
    Index("ix_ledger_member", "member_id", "seq"),
    Index("ix_ledger_ticket", "ticket_id", "seq"),
)

# Every money movement at the till is a ticket: sale, refund, top-up, card return, reissue fee.
ticket = Table(
    "ticket",
    metadata,
    Column("ticket_id", Text, primary_key=True),
    Column("receipt_no", Text, nullable=False, unique=True),
    Column("till_id", Text, nullable=False),
    Column("shift_id", Text),
    Column("kind", Text, nullable=False),
    Column("member_id", Text, index=True),
    Column("card_no", Text),
    Column("created_at", Text, nullable=False),
    Column("cashier", Text, nullable=False),
    Column("approver", Text),
    Column("refund_of", Text, index=True),
    Column("gross", Integer, nullable=False),
    Column("discount_tier", Integer, nullable=False, default=0),
    Column("discount_birthday", Integer, nullable=False, default=0),
    Column("redemption", Integer, nullable=False, default=0),
    Column("redeemed_points", Integer, nullable=False, default=0),
    Column("total", Integer, nullable=False),
    Column("points_earned", Integer, nullable=False, default=0),
    Column("points_multiplier", Integer, nullable=False, default=1),
    Column("birthday_benefit", Boolean, nullable=False, default=False),
    Column("tier", Text),
    Column("upgraded_to", Text),
    Column("offline", Boolean, nullable=False, default=False),
    Column("note", Text),
    # The ticket chain (domain/record_chain.py): gap-free per till, lines and tenders hashed in.
    Column("seq", Integer),
    Column("prev_hash", Text),
    Column("hash", Text),
    Index("ix_ticket_chain", "till_id", "seq", unique=True),
)

ticket_line = Table(
    "ticket_line",
    metadata,
    Column("ticket_id", Text, ForeignKey("ticket.ticket_id"), nullable=False),
    Column("line_no", Integer, nullable=False),
    Column("barcode", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("unit_price", Integer, nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("gross", Integer, nullable=False),
    Column("member_discount", Integer, nullable=False),
    Column("redemption", Integer, nullable=False),
    Column("net", Integer, nullable=False),
    Column("refund_of_line", Integer),
    # The cashier's hand, NULL when the line was sold as the catalog said (migration 0012).
    Column("list_price", Integer),
    Column("line_discount", Integer),
    Column("ticket_discount", Integer),
    PrimaryKeyConstraint("ticket_id", "line_no"),
)

tender = Table(
    "tender",
    metadata,
    Column("ticket_id", Text, ForeignKey("ticket.ticket_id"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("kind", Text, nullable=False),
    Column("amount", Integer, nullable=False),  # what the till keeps (negative when paying out)
    Column("change", Integer, nullable=False, default=0),
    Column("reference", Text),
    PrimaryKeyConstraint("ticket_id", "idx"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("till_id", Text, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("audit_id", Text, nullable=False, unique=True),
    Column("at", Text, nullable=False),
    Column("actor", Text, nullable=False),
    Column("approver", Text),
    Column("action", Text, nullable=False),
    Column("subject", Text),
    Column("amount", Integer),
    Column("outcome", Text, nullable=False),
    Column("detail", Text, nullable=False),
    Column("prev_hash", Text),  # the audit chain (domain/record_chain.py)
    Column("hash", Text),
    PrimaryKeyConstraint("till_id", "seq"),
    Index("ix_audit_at", "till_id", "at"),
)

approval = Table(
    "approval",
    metadata,
    Column("approval_id", Text, primary_key=True),
    Column("action", Text, nullable=False),
    Column("subject", Text, nullable=False),
    Column("amount", Integer, nullable=False),
    Column("manager", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("used_at", Text),
    Column("operator", Text),
)

shift = Table(
    "shift",
    metadata,
    Column("shift_id", Text, primary_key=True),
    Column("till_id", Text, nullable=False),
    Column("cashier", Text, nullable=False),
    Column("opened_at", Text, nullable=False),
    Column("opening_float", Integer, nullable=False),
    Column("opening_liability", Integer, nullable=False),
    Column("opening_seq", Integer, nullable=False),
    Column("closed_at", Text),
    Column("counted_cash", Integer),
    Column("report", Text),
    Index("ix_shift_open", "till_id", "closed_at"),
)

# Changes other than ledger entries (members, cards, tickets, audit) for head office, written in
# the same transaction as the change; the ledger is its own outbox (seq is the cursor).
outbox = Table(
    "outbox",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("event_uuid", Text, nullable=False, unique=True),
    Column("kind", Text, nullable=False),
    Column("entity_id", Text, nullable=False),
    Column("payload", Text, nullable=False),
    Column("created_at", Text, nullable=False),
)

remote_tier_event = Table(
    "remote_tier_event",
    metadata,
    Column("ticket_id", Text, primary_key=True),
    Column("member_id", Text, nullable=False, index=True),
    Column("till_id", Text, nullable=False),
    Column("at", Text, nullable=False),
    Column("spend", Integer, nullable=False),
    Column("points", Integer, nullable=False),
    Column("refund_of", Text),
)

print_job = Table(
    "print_job",
    metadata,
    Column("job_id", Text, primary_key=True),
    Column("created_at", Text, nullable=False),
    Column("receipt", Text, nullable=False),
    Column("printed_at", Text),
    Column("last_error", Text),
    # "printed": the printer's status was read back after the job; "sent": handed to a printer
    # that reports none (已发送). Not pending either way: a job is never sent twice by itself.
    Column("delivery", Text),
)

# 退卡 payouts: how the principal of a returned card was paid and the identity checked (DOMAIN
# §11). One row per 退卡 ticket, written with it; never changed.
card_return = Table(
    "card_return",
    metadata,
    Column("ticket_id", Text, primary_key=True),
    Column("member_id", Text, nullable=False, index=True),
    Column("card_no", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("payout", Text, nullable=False),  # cash | bank_transfer
    Column("account", Text),
    Column("account_masked", Text),
    Column("holder", Text),
    Column("bank", Text),
    Column("id_number", Text),
    Column("id_masked", Text),
    Column("identity_checked_by", Text),
    Column("calculation", Text, nullable=False),  # JSON of the 退卡单's figures, fen
)

# One encryption key per member for the personal fields sealed with it (persistence.member_keys);
# erasure sets key to NULL, which makes every sealed copy unreadable.
member_key = Table(
    "member_key",
    metadata,
    Column("member_id", Text, primary_key=True),
    Column("key", LargeBinary),
    Column("created_at", Text, nullable=False),
    Column("erased_at", Text),
)

# Local records a `sync --recover` found that head office never received, kept as they were.
set_aside = Table(
    "set_aside",
    metadata,
    Column("aside_id", Integer, primary_key=True, autoincrement=True),
    Column("kind", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("at", Text, nullable=False),
)
