"""The till window's backend on the real store: the TillBackend port over the service functions.

The window speaks in cards, `Fen` and `ApprovalAction`; the services speak in member ids, integer
amounts and approval action strings. This module translates between the two and nothing more:
every rule stays in the services it calls.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from frontdesk.domain import errors
from frontdesk.domain.cards import Card, CardAction, parse_card_number
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import PricedTicket, Product
from frontdesk.domain.receipt import Receipt
from frontdesk.domain.stored_value import cash_out, pin_needed
from frontdesk.services import (
    accounts,
    checkout,
    held_tickets,
    membership,
    receipt_making,
    shifts,
    staff,
)
from frontdesk.services.context import TillContext
from frontdesk.services.held_tickets import HeldTicket
from frontdesk.services.membership import MemberView
from frontdesk.services.product_search import ProductSearch
from frontdesk.services.receipt_output import ReceiptText
from frontdesk.services.records import AuditEntry, Shift
from frontdesk.services.staff import StaffSession
from frontdesk.services.till_port import (
    ApprovalAction,
    CardReturnResult,
    CheckoutResult,
    RefundResult,
    RegistrationForm,
    ReissueResult,
    ShiftReport,
    Tender,
    TenderKind,
    TicketDraft,
    TopupResult,
)

log = logging.getLogger(__name__)

# The action strings the services bind approvals to (what `consume_approval` is called with).
SERVICE_ACTIONS: dict[ApprovalAction, str] = {
    ApprovalAction.MANAGER_SCREENS: "manager_screens",
    ApprovalAction.UNREPORT: "unreport",
    ApprovalAction.FREEZE: "freeze",
    ApprovalAction.UNFREEZE: "unfreeze",
    ApprovalAction.REISSUE_FEE_WAIVER: "waive_reissue_fee",
    ApprovalAction.CARD_RETURN: "return",
    ApprovalAction.REFUND: "refund",
    ApprovalAction.PIN_RESET: "pin_reset",
    ApprovalAction.POINTS_ADJUST: "points_adjust",
    ApprovalAction.TIER_LOCK: "tier_lock",
}

_CARD_ACTIONS = {
    CardAction.UNREPORT: ApprovalAction.UNREPORT,
    CardAction.FREEZE: ApprovalAction.FREEZE,
    CardAction.UNFREEZE: ApprovalAction.UNFREEZE,
}


@dataclass(frozen=True)
class _Binding:
    """What the services will check an approval against: their action, subject and amount."""

    action: str
    subject: str
    amount: int


@dataclass(frozen=True)
class _Printable:
    receipt: Receipt | None
    lines: tuple[str, ...]
    failed: bool = False


class ServicesTillBackend:
    """`TillBackend` over the services, for one till; the logged-in staff member is the actor.

    Every committed result carries its `Receipt`, built by `services.receipts`, and the preview
    lines ``receipt_text`` makes of that same receipt (app.py passes the printer's own layout).
    """

    def __init__(self, ctx: TillContext, *, receipt_text: ReceiptText) -> None:
        self._ctx = ctx
        self._text = receipt_text
        self._session: StaffSession | None = None
        # UI (action, subject) → the binding the services check, remembered when a call asked
        # for an approval, so the manager approves exactly what the refused call needs.
        self._pending: dict[tuple[ApprovalAction, str], _Binding] = {}
        self._product_search = ProductSearch(ctx)

    @property
    def actor(self) -> str:
        if self._session is None:
            raise errors.NotAuthenticated()
        return self._session.staff_no

    @property
    def session(self) -> StaffSession | None:
        return self._session

    # -- staff and shift ------------------------------------------------------------------------

    def login(self, staff_no: str, pin: str) -> StaffSession:
        self._session = staff.login(self._ctx, staff_no.strip(), pin)
        return self._session

    def open_shift(self, float_amount: Fen) -> Shift:
        return shifts.open_or_resume(self._ctx, cashier=self.actor, opening_float=float_amount)

    def close_shift(self, counted_cash: Fen) -> ShiftReport:
        report = shifts.close_shift(self._ctx, cashier=self.actor, counted_cash=counted_cash)
        receipt = receipt_making.shift(self._ctx, report)
        return ShiftReport(
            report.expected_cash, report.counted_cash, tuple(self._text(receipt)), receipt
        )

    # -- the sale -------------------------------------------------------------------------------

    def add_product(self, barcode: str) -> Product:
        with self._ctx.uow(write=False) as uow:
            product = uow.products.get(barcode.strip())
        if product is None:
            raise errors.UnknownProduct(barcode=barcode.strip())
        return product

    def reload_product_search(self) -> None:
        self._product_search.reload()

    def search_products(self, text: str) -> Sequence[Product]:
        return self._product_search.search(text)

    def _held(self, draft: TicketDraft, member_name: str) -> HeldTicket:
        return HeldTicket(
            held_no=0,
            held_at=self._ctx.now(),
            staff_no=self.actor,
            lines=tuple((line.product.barcode, line.quantity) for line in draft.lines),
            member_id=draft.member_id,
            card_no=draft.card_no,
            member_name=member_name,
            redeem_blocks=draft.redeem_blocks,
            txn_id=draft.txn_id,
        )

    def hold_ticket(self, draft: TicketDraft, member_name: str) -> HeldTicket:
        return held_tickets.hold(self._ctx, self._held(draft, member_name))

    def keep_open_ticket(self, draft: TicketDraft, member_name: str) -> None:
        held_tickets.keep_open(self._ctx, self._held(draft, member_name))

    def open_ticket(self) -> HeldTicket | None:
        return held_tickets.open_ticket(self._ctx)

    def held_tickets(self) -> Sequence[HeldTicket]:
        return held_tickets.held(self._ctx)

    def recall_ticket(self, held_no: int) -> HeldTicket:
        return held_tickets.take(self._ctx, held_no)

    def lookup_card(self, code: str) -> MemberView:
        return membership.lookup_card(self._ctx, code, self.actor)

    def find_member_by_phone(self, phone: str) -> MemberView:
        found = membership.find_member(self._ctx, phone)
        if found.card_no is None:
            raise self._no_active_card(found)
        return found

    def _no_active_card(self, member: membership.MemberView) -> errors.DomainError:
        """The member exists but holds no usable card: say who, and what became of the card."""
        with self._ctx.uow(write=False) as uow:
            cards = uow.cards.for_member(member.member_id)
        last = cards[-1] if cards else None
        return errors.NoActiveCard(
            name=member.name,
            phone=member.masked_phone,
            card_no=last.card_no if last is not None else "—",
            state=last.state if last is not None else "—",
        )

    def price(self, draft: TicketDraft) -> PricedTicket:
        quote = checkout.quote(
            self._ctx,
            card_no=draft.card_no,
            items=_items(draft),
            redeem_blocks=draft.redeem_blocks,
            actor=self.actor,
        )
        return quote.priced

    def pin_required(self, member_id: str, amount: Fen) -> bool:
        return pin_needed(amount, self._ctx.program)

    def checkout(
        self, draft: TicketDraft, tenders: Sequence[Tender], pin: str | None
    ) -> CheckoutResult:
        sale = checkout.checkout(
            self._ctx,
            txn_id=draft.txn_id,
            cashier=self.actor,
            card_no=draft.card_no,
            items=_items(draft),
            payments=[
                checkout.Payment(t.kind.value, t.amount, t.reference.strip() or None)
                for t in tenders
            ],
            redeem_blocks=draft.redeem_blocks,
            pin=pin,
            receipt=receipt_making.sale_in,  # the window always queues: its job commits with it
        )
        # Committed: from here on a failure must not look like a refusal the cashier retries.
        member = None
        if draft.card_no is not None:
            after = sale.member_after
            member = after if after is not None else self.find_card(draft.card_no)
        made = self._printable(lambda: receipt_making.sale(self._ctx, sale))
        return CheckoutResult(
            sale.ticket.receipt_no, sale.change, made.lines, member, made.receipt, made.failed
        )

    def _printable(self, build: Callable[[], Receipt | None]) -> _Printable:
        """A committed operation's receipt and its preview lines, or that making them failed.

        The operation stands whatever happens here: the cashier is told the receipt was not
        printed, and 重打小票 rebuilds it from the books later.
        """
        try:
            receipt = build()
            return _Printable(receipt, () if receipt is None else tuple(self._text(receipt)))
        except Exception:
            log.exception("receipt of a committed operation could not be made")
            return _Printable(None, (), failed=True)

    # -- manager approval -----------------------------------------------------------------------

    def approve(
        self,
        action: ApprovalAction,
        subject: str,
        amount: Fen | None,
        manager_no: str,
        pin: str,
    ) -> str:
        # After a refusal the window approves what the refused call needs (the pending binding);
        # asked directly (the manager screens), it approves what it names.
        binding = self._pending.get((action, subject)) or _Binding(
            SERVICE_ACTIONS[action], subject, 0 if amount is None else amount.value
        )
        approval_id = staff.approve(
            self._ctx,
            action=binding.action,
            subject=binding.subject,
            amount=binding.amount,
            manager_no=manager_no.strip(),
            pin=pin,
        )
        self._pending.pop((action, subject), None)
        return approval_id

    def _ask(
        self, action: ApprovalAction, subject: str, amount: Fen | None, binding: _Binding
    ) -> errors.DomainError:
        """The refusal the window answers by asking a manager to approve exactly `binding`."""
        self._pending[(action, subject)] = binding
        return errors.ApprovalRequired(action=binding.action, subject=subject, amount=amount)

    # -- members and cards ----------------------------------------------------------------------

    def tier_names(self) -> Sequence[tuple[str, str]]:
        return [(t.code, t.name) for t in self._ctx.program.tiers]

    def _card(self, code: str) -> Card:
        card_no = parse_card_number(code)
        with self._ctx.uow(write=False) as uow:
            card = uow.cards.get(card_no)
        if card is None:
            raise errors.UnknownCard(card_no=card_no)
        return card

    def find_card(self, card_no: str) -> MemberView:
        """Any card, whatever its state: the manager screens show lost and replaced cards too."""
        card = self._card(card_no)
        with self._ctx.uow(write=False) as uow:
            member = uow.members.get(card.member_id)
            if member is None:
                raise errors.UnknownMember(ref=card.member_id)
            return membership.member_view(uow, self._ctx, member, card, self._ctx.now())

    def register_member(self, form: RegistrationForm) -> MemberView:
        registered = membership.register(
            self._ctx,
            actor=self.actor,
            phone=form.phone,
            name=form.name,
            birthday=form.birthday,
            gender=form.gender,
            consent_terms=form.consent_terms,
            consent_marketing=form.consent_marketing,
            pin=form.pin or None,
        )
        return registered.member

    def topup(
        self, card_no: str, amount: Fen, tender: TenderKind, reference: str, txn_id: str
    ) -> TopupResult:
        if tender is TenderKind.STORED_VALUE:
            raise errors.InvalidAmount(amount=str(amount))  # stored value cannot buy itself
        member = self.lookup_card(card_no)
        done = accounts.topup(
            self._ctx,
            actor=self.actor,
            member_id=member.member_id,
            amount=amount,
            tender=tender.value,
            reference=reference.strip() or None,
            txn_id=txn_id,
        )
        after = self.find_card(card_no)
        made = self._printable(lambda: receipt_making.topup(self._ctx, done))
        return TopupResult(done.principal, done.bonus, after, made.lines, made.receipt, made.failed)

    def change_card_state(
        self, card_no: str, action: CardAction, approval: str | None
    ) -> MemberView:
        card = self._card(card_no)
        try:
            membership.change_card_state(
                self._ctx,
                actor=self.actor,
                card_no=card.card_no,
                action=action,
                approval_id=approval,
            )
        except errors.ApprovalRequired:
            ui_action = _CARD_ACTIONS[action]
            raise self._ask(
                ui_action, card.card_no, None, _Binding(action.value, card.card_no, 0)
            ) from None
        return self.find_card(card.card_no)

    def reissue_card(
        self,
        card_no: str,
        phone: str,
        name: str,
        waive_reason: str | None,
        approval: str | None,
    ) -> ReissueResult:
        card = self._card(card_no)
        fee = self._ctx.program.reissue_fee
        if waive_reason is not None and not waive_reason.strip():
            raise errors.ReasonRequired()
        if waive_reason is not None and approval is None:
            # Without an approval the service would charge the fee: ask before, not after.
            raise self._ask(
                ApprovalAction.REISSUE_FEE_WAIVER,
                card.card_no,
                fee,
                _Binding("waive_reissue_fee", card.card_no, fee.value),
            )
        done = membership.reissue_card(
            self._ctx,
            actor=self.actor,
            card_no=card.card_no,
            phone=phone,
            name=name,
            fee_tender="cash",
            waive_approval_id=approval if waive_reason is not None else None,
            waive_reason=waive_reason or "",
        )
        # A waived fee made no ticket: the builder gives no receipt, and nothing is printed.
        made = self._printable(lambda: receipt_making.reissue(self._ctx, done))
        return ReissueResult(
            done.new_card, done.fee, self.find_card(done.new_card), made.receipt, made.failed
        )

    def return_card(self, card_no: str, approval: str | None) -> CardReturnResult:
        card = self._card(card_no)
        try:
            done = membership.return_card(
                self._ctx, actor=self.actor, card_no=card.card_no, approval_id=approval
            )
        except errors.ApprovalRequired:
            principal = self._principal_paid_back(card.member_id)
            raise self._ask(
                ApprovalAction.CARD_RETURN,
                card.card_no,
                principal,
                _Binding("return", card.card_no, principal.value),
            ) from None
        made = self._printable(lambda: receipt_making.card_return(self._ctx, done))
        return CardReturnResult(
            done.cash_paid,
            done.bonus_forfeited,
            self.find_card(card.card_no),
            made.receipt,
            made.failed,
        )

    def _principal_paid_back(self, member_id: str) -> Fen:
        account = checkout.account_of(self._ctx, member_id)
        return cash_out(account.principal, account.bonus).principal

    def refund(self, receipt_no: str, approval: str | None, txn_id: str) -> RefundResult:
        receipt_no = receipt_no.strip()
        try:
            done = checkout.refund(
                self._ctx,
                txn_id=txn_id,
                cashier=self.actor,
                receipt_no=receipt_no,
                lines=None,
                approval_id=approval,
                receipt=receipt_making.refund_in,
            )
        except errors.ApprovalRequired:
            amount = checkout.refund_amount(self._ctx, receipt_no=receipt_no, lines=None)
            raise self._ask(
                ApprovalAction.REFUND,
                receipt_no,
                Fen(amount),
                _Binding("refund", receipt_no, amount),
            ) from None
        made = self._printable(lambda: receipt_making.refund(self._ctx, done))
        return RefundResult(
            done.original.receipt_no, -done.ticket.total, made.lines, made.receipt, made.failed
        )

    def reset_pin(self, card_no: str, new_pin: str, approval: str | None) -> MemberView:
        card = self._card(card_no)
        try:
            membership.set_pin(
                self._ctx,
                actor=self.actor,
                member_id=card.member_id,
                pin=new_pin,
                approval_id=approval,
            )
        except errors.ApprovalRequired:
            raise self._ask(
                ApprovalAction.PIN_RESET,
                card.card_no,
                None,
                _Binding("pin_reset", card.member_id, 0),
            ) from None
        return self.find_card(card.card_no)

    def adjust_points(
        self, card_no: str, points: int, reason: str, approval: str | None
    ) -> MemberView:
        card = self._card(card_no)
        try:
            accounts.adjust_points(
                self._ctx,
                actor=self.actor,
                member_id=card.member_id,
                points=points,
                reason=reason,
                approval_id=approval,
            )
        except errors.ApprovalRequired:
            # Points are not money: the manager sees them in the subject, not as an amount.
            raise self._ask(
                ApprovalAction.POINTS_ADJUST,
                f"{card.card_no} {points:+d}",
                None,
                _Binding("points_adjust", card.member_id, points),
            ) from None
        return self.find_card(card.card_no)

    def lock_tier(
        self, card_no: str, tier_code: str | None, reason: str, approval: str | None
    ) -> MemberView:
        card = self._card(card_no)
        try:
            membership.lock_tier(
                self._ctx,
                actor=self.actor,
                member_id=card.member_id,
                tier=tier_code,
                reason=reason,
                approval_id=approval,
            )
        except errors.ApprovalRequired:
            raise self._ask(
                ApprovalAction.TIER_LOCK,
                card.card_no,
                None,
                _Binding("tier_lock", card.member_id, 0),
            ) from None
        return self.find_card(card.card_no)

    def audit_log(self, limit: int) -> Sequence[AuditEntry]:
        with self._ctx.uow(write=False) as uow:
            return uow.audit.recent(limit)

    # -- receipts -------------------------------------------------------------------------------

    def past_receipt(self, receipt_no: str) -> Receipt | None:
        """A past ticket's receipt rebuilt from the store (for 重印 when no print job kept it)."""
        return receipt_making.past(self._ctx, receipt_no)


def _items(draft: TicketDraft) -> list[checkout.SaleItem]:
    return [checkout.SaleItem(ln.product.barcode, ln.quantity) for ln in draft.lines]
