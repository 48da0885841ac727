"""The records use cases read and write: members, accounts, staff, tickets, shifts, audit."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from frontdesk.domain.money import Fen

# A ticket's lines and tenders are what the sale and refund rules compute, so they live there.
from frontdesk.domain.sale import TicketLine as TicketLine
from frontdesk.domain.tenders import Tender as Tender


@dataclass(frozen=True)
class Member:
    member_id: str
    phone: str
    name: str
    birthday: date | None
    gender: str | None
    consent_terms_at: datetime
    consent_marketing_at: datetime | None
    recruiter: str
    store: str
    created_at: datetime
    pin_hash: str | None
    pin_failures: int
    pin_locked: bool
    tier_lock: str | None
    tier_lock_reason: str | None
    birthday_benefit_year: int | None


@dataclass(frozen=True)
class Account:
    member_id: str
    principal: Fen
    bonus: Fen
    points: int
    tier: str
    tier_since: datetime | None
    tier_held_until: datetime | None
    last_purchase_at: datetime | None

    @property
    def balance(self) -> Fen:
        return self.principal + self.bonus


@dataclass(frozen=True)
class Staff:
    staff_no: str
    name: str
    role: str  # cashier | manager | admin
    pin_hash: str
    failed_tries: int
    locked: bool  # the login, after too many wrong PINs; lifted by a manager or an admin
    disabled: bool = False
    approval_failures: int = 0  # wrong PINs in the approval dialog, counted apart from the login
    approvals_paused_until: datetime | None = None


@dataclass(frozen=True)
class Ticket:
    ticket_id: str
    receipt_no: str
    till_id: str
    shift_id: str | None
    kind: str  # sale | refund | topup | cashout | reissue
    member_id: str | None
    card_no: str | None
    created_at: datetime
    cashier: str
    approver: str | None
    refund_of: str | None
    gross: Fen
    discount_tier: Fen
    discount_birthday: Fen
    redemption: Fen
    redeemed_points: int
    total: Fen
    points_earned: int
    points_multiplier: int
    birthday_benefit: bool
    tier: str | None
    upgraded_to: str | None
    offline: bool
    note: str | None = None
    lines: tuple[TicketLine, ...] = ()
    tenders: tuple[Tender, ...] = ()


@dataclass(frozen=True)
class Shift:
    shift_id: str
    till_id: str
    cashier: str
    opened_at: datetime
    opening_float: Fen
    opening_liability: Fen
    opening_seq: int
    closed_at: datetime | None = None
    counted_cash: Fen | None = None


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: datetime
    actor: str
    approver: str | None
    action: str
    subject: str | None
    amount: int | None
    outcome: str
    detail: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Approval:
    approval_id: str
    action: str
    subject: str
    amount: int
    manager: str
    created_at: datetime
    used_at: datetime | None
    operator: str | None = None  # who asked for it; None on approvals from before it was kept


@dataclass(frozen=True)
class CardReturnRecord:
    """How a 退卡 was paid: cash, or a bank account in the member's name with the ID checked."""

    ticket_id: str
    member_id: str
    card_no: str
    payout: str  # cash | bank_transfer
    account: str | None
    account_masked: str | None
    holder: str | None
    bank: str | None
    id_number: str | None
    id_masked: str | None
    identity_checked_by: str | None
    calculation: dict[str, int]  # the 退卡单's figures in fen
