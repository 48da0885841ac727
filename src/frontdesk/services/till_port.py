"""The narrow port the till window talks through.

It lives in services so the real adapter (`till_facade`) can implement it below the UI. Every
result and view is the services' own, used as they are: a committed operation comes back as its
service's result in `Committed`, beside the receipt the window prints of it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from frontdesk.domain.analytics import Kpis
from frontdesk.domain.approvals import ApprovalAction, ApprovalBinding
from frontdesk.domain.card_return import BankPayout
from frontdesk.domain.cards import CardAction
from frontdesk.domain.counter_rules import CounterRules
from frontdesk.domain.customer_display import Shown
from frontdesk.domain.money import ZERO, Fen
from frontdesk.domain.permissions import Operation
from frontdesk.domain.pricing import LineInput, PricedTicket, Product
from frontdesk.domain.receipt import Receipt, Tender
from frontdesk.domain.tenders import TenderKind
from frontdesk.services.accounts import TopUp
from frontdesk.services.audit_trail import AuditFilter, AuditRow
from frontdesk.services.context import new_id
from frontdesk.services.export_files import ExportDone
from frontdesk.services.held_tickets import HeldTicket
from frontdesk.services.member_directory import MemberHistory, MemberHit
from frontdesk.services.membership import MemberView, Reissued, Returned
from frontdesk.services.records import AuditEntry, Shift
from frontdesk.services.refund import RefundResult
from frontdesk.services.refund_preview import RefundPreview
from frontdesk.services.sale import SaleResult
from frontdesk.services.shifts import OpenShift, ShiftReport
from frontdesk.services.staff import StaffSession
from frontdesk.services.staff_desk import StaffDesk
from frontdesk.services.sync_recovery import Recovered

__all__ = [
    "ApprovalAction",
    "ApprovalBinding",
    "AuditEntry",
    "AuditFilter",
    "AuditRow",
    "BankPayout",
    "Committed",
    "ExportDone",
    "HeldTicket",
    "MemberHistory",
    "MemberHit",
    "MemberView",
    "OpenShift",
    "RefundPreview",
    "RefundResult",
    "RegistrationForm",
    "Reissued",
    "Returned",
    "SaleResult",
    "Shift",
    "ShiftReport",
    "StaffSession",
    "Tender",
    "TenderKind",
    "TicketDraft",
    "TillBackend",
    "TopUp",
]

R = TypeVar("R")


@dataclass(frozen=True)
class TicketDraft:
    """The sale being rung up: what was scanned, for whom, and how many points blocks to redeem.

    ``txn_id`` is the basket's transaction id, made when the ticket starts and kept until the
    cashier has seen the sale's result: paying the same basket again is a replay of that sale,
    never a second one.
    """

    lines: tuple[LineInput, ...] = ()
    member_id: str | None = None
    card_no: str | None = None
    redeem_blocks: int = 0
    txn_id: str = field(default_factory=new_id)
    ticket_discount: Fen = ZERO  # 整单折扣 by hand
    approval: str | None = None  # the manager's, for prices and discounts above the limit


@dataclass(frozen=True)
class Committed(Generic[R]):
    """A committed operation as the window shows it: the service's own result, as it is.

    Beside it only what the window adds: the member as they stand after it (None where no
    member is involved), and its receipt with the preview lines the printer's layout makes of
    it. ``receipt_failed``: committed, but its receipt could not be made; after the commit
    nothing may look like a refusal to retry.
    """

    done: R
    member: MemberView | None = None
    receipt: Receipt | None = None  # None also for a 补卡 whose fee was waived: no ticket
    receipt_lines: tuple[str, ...] = ()
    receipt_failed: bool = False


@dataclass(frozen=True)
class RegistrationForm:
    phone: str
    name: str
    birthday: date | None
    gender: str | None  # "F", "M" or None
    consent_terms: bool
    consent_marketing: bool
    pin: str  # the member's new stored-value PIN


class CustomerDisplay(Protocol):
    """The customer's pole display (客显): shown each item, the total, what was paid, the change."""

    def show(self, shown: Shown) -> None: ...
    def close_port(self) -> None:
        """Let go of the port (the display is replaced); the next show opens it again."""
        ...


class TillBackend(Protocol):
    """Every call the till window makes; refusals are `DomainError` subclasses.

    A call that committed returns its result even when the receipt could not be built then
    (``receipt_failed``): after the commit nothing may look like a refusal to retry.
    Calls that need a manager approval take ``approval`` (an id from `approve`) and raise
    `ApprovalRequired` when it is missing, so the window asks for one only when a rule says so.
    That error names the exact binding (`ApprovalBinding.of`): the window asks the manager to
    approve that, and the call again with the approval.
    """

    # staff and shift
    def login(self, staff_no: str, pin: str) -> StaffSession: ...
    def open_shift(self, float_amount: Fen) -> Shift:
        """开班 with this float, or the shift still open carried on (its float stays)."""
        ...

    def current_shift(self) -> OpenShift | None:
        """The shift still open on this till, so 开班 says whose it is instead of a float."""
        ...

    def close_shift(self, counted_cash: Fen) -> Committed[ShiftReport]: ...
    def shift_report_so_far(self) -> Committed[ShiftReport]:
        """中途报表: the open shift's figures now, closing nothing (its counted is the expected)."""
        ...

    def counter_rules(self) -> CounterRules:
        """When the counter reads an amount back first, and what a cashier changes alone."""
        ...

    # the sale
    def add_product(self, barcode: str) -> Product: ...
    def reload_product_search(self) -> None:
        """Read the catalog into the search again (when the search opens: imports, syncs)."""
        ...

    def search_products(self, text: str) -> Sequence[Product]:
        """Products by name, pinyin initials, full pinyin or barcode prefix, best first."""
        ...

    def hold_ticket(self, draft: TicketDraft, member_name: str) -> HeldTicket:
        """挂单: the draft put aside in the till database (refused when it has no lines)."""
        ...

    def held_slip(self, held: HeldTicket, priced: PricedTicket) -> Receipt:
        """挂单小票: the held ticket as it was priced, with the barcode that recalls it."""
        ...

    def held_tickets(self) -> Sequence[HeldTicket]: ...
    def keep_open_ticket(self, draft: TicketDraft, member_name: str) -> None:
        """The ticket on screen, kept after each change so a crash or restart offers it back."""
        ...

    def open_ticket(self) -> HeldTicket | None:
        """The ticket on screen when the till last stopped (its held_no is 0), if unpaid."""
        ...

    def recall_ticket(self, held_no: int) -> HeldTicket:
        """取单: the held ticket, no longer held; the window rebuilds its draft from it."""
        ...

    def lookup_card(self, code: str) -> MemberView: ...
    def find_member_by_phone(self, phone: str) -> MemberView: ...
    def price(self, draft: TicketDraft) -> PricedTicket: ...
    def pin_required(self, member_id: str, amount: Fen) -> bool: ...
    def asks_head_office(self) -> bool:
        """Whether a stored-value checkout waits on head office's hold (seconds on a slow line)."""
        ...

    def checkout(
        self, draft: TicketDraft, tenders: Sequence[Tender], pin: str | None
    ) -> Committed[SaleResult]:
        """The sale under ``draft.txn_id``: a second call with it answers with the same sale."""
        ...

    # manager approval, bound to action, subject and amount; returns a single-use approval id
    def approve(self, binding: ApprovalBinding, manager_no: str, pin: str) -> str:
        """Approve exactly ``binding``: what an `ApprovalRequired` named, or the window asks."""
        ...

    def required_approval(
        self, operation: Operation, subject: str, amount: int = 0
    ) -> ApprovalBinding | None:
        """What approving ``operation`` binds to under this till's program (None: no approval)."""
        ...

    def open_manager_screens(self, approval: str) -> str:
        """Open the manager screens under an approval (single use); returns the manager.

        Until `close_manager_screens`, operations done there name that manager as approver.
        """
        ...

    def close_manager_screens(self) -> None: ...

    # members and cards
    def tier_names(self) -> Sequence[tuple[str, str]]: ...
    def find_card(self, card_no: str) -> MemberView: ...
    def register_member(self, form: RegistrationForm) -> MemberView: ...
    def erase_member(self, card_no: str, approval: str | None) -> MemberView:
        """The card's member's personal data erased (个人信息保护法 第四十七条, member_erasure).

        Refused with the reason (a balance left, the retention period, already erased) before
        any approval is asked; then the manager's approval of this member.
        """
        ...

    def issue_bearer_card(self) -> MemberView:
        """不记名卡: a new card with its own account, no name or phone, the bearer card's cap."""
        ...

    def topup(
        self, card_no: str, amount: Fen, tender: TenderKind, reference: str, txn_id: str
    ) -> Committed[TopUp]:
        """充值; bank card, WeChat and Alipay need the payment's ``reference``.

        The same ``txn_id`` again answers with the committed top-up instead of a second one.
        """
        ...

    def change_card_state(
        self, card_no: str, action: CardAction, approval: str | None
    ) -> MemberView: ...
    def reissue_card(
        self, card_no: str, phone: str, name: str, waive_reason: str | None, approval: str | None
    ) -> Committed[Reissued]: ...
    def return_card(
        self, card_no: str, approval: str | None, bank: BankPayout | None = None
    ) -> Committed[Returned]: ...
    def card_return_by_bank(self, card_no: str) -> bool:
        """Whether this card's 退卡 must be paid to the member's bank account (above ￥100)."""
        ...

    def refund(
        self, receipt_no: str, approval: str | None, txn_id: str, lines: Mapping[int, int] | None
    ) -> Committed[RefundResult]:
        """退货 of ``lines`` {line_no: quantity}, or of everything left when None."""
        ...

    def refund_preview(self, receipt_no: str, wanted: Mapping[int, int]) -> RefundPreview:
        """The receipt's lines, what was refunded of them, and what refunding ``wanted`` moves."""
        ...

    def reset_pin(self, card_no: str, new_pin: str, approval: str | None) -> MemberView: ...
    def adjust_points(
        self, card_no: str, points: int, reason: str, approval: str | None
    ) -> MemberView: ...
    def lock_tier(
        self, card_no: str, tier_code: str | None, reason: str, approval: str | None
    ) -> MemberView: ...
    def audit_log(self, limit: int) -> Sequence[AuditEntry]: ...
    def record_reprint(self, receipt_no: str) -> None:
        """重打小票 in the audit log, under the cashier on the till."""
        ...

    def audit_rows(self, wanted: AuditFilter) -> Sequence[AuditRow]:
        """The audit log in a day range, for one staff member or action, with names."""
        ...

    def staff_names(self) -> dict[str, str]: ...
    def today(self) -> date:
        """The till's day by its own clock (the screens' default day range)."""
        ...

    # member search and page
    def search_members(self, text: str) -> Sequence[MemberHit]:
        """By full phone, its last four digits, a card or part of a name; phones as allowed."""
        ...

    def member_history(self, member_id: str) -> MemberHistory: ...

    def staff_desk(self) -> StaffDesk:
        """The staff screens' port (services/staff_desk.py)."""
        ...

    # exports (the manager screens' 导出 buttons; the same files as `frontdesk export`)
    def export_file(
        self, kind: str, path: Path, since: date | None = None, until: date | None = None
    ) -> ExportDone:
        """One export kind (members, tickets, shifts, liability, kpis) as an .xlsx at `path`."""
        ...

    def kpi_pdf(self, path: Path, as_of: date | None = None) -> Kpis:
        """The store's KPI report with charts as a PDF at `path`, as of a day (default today)."""
        ...

    # 从总部恢复: `frontdesk sync --recover`, on the manager screens
    def can_recover_books(self) -> bool:
        """Whether this till has a head office to take its books back from."""
        ...

    def books_refused(self) -> str | None:
        """Head office's words when it refused this till's chain; None while it has not."""
        ...

    def till_id(self) -> str:
        """What a SYNC_RECOVER approval is bound to."""
        ...

    def recover_books(self, approval: str) -> Recovered:
        """This till's books back from head office, under a manager's SYNC_RECOVER approval."""
        ...
