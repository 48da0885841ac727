"""The till window's backend on the real store: the TillBackend port over the service functions.

The window speaks in cards, `Fen` and `ApprovalAction`; the services speak in member ids, integer
amounts and approval action strings. This module translates between the two and nothing more:
every rule stays in the services it calls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from frontdesk.domain import errors
from frontdesk.domain.cards import Card, CardAction, parse_card_number
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import PricedTicket, Product
from frontdesk.domain.stored_value import cash_out, pin_needed
from frontdesk.services import accounts, checkout, membership, shifts, staff
from frontdesk.services.context import TillContext, new_id
from frontdesk.services.records import Ticket
from frontdesk.services.till_port import (
    ApprovalAction,
    AuditEntry,
    CardReturnResult,
    CheckoutResult,
    MemberView,
    RefundResult,
    RegistrationForm,
    ReissueResult,
    Role,
    ShiftReport,
    ShiftView,
    StaffSession,
    Tender,
    TenderKind,
    TicketDraft,
    TopupResult,
)

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

TENDER_NAMES = {
    "stored_value": "储值",
    "cash": "现金",
    "bank_card": "银行卡",
    "wechat": "微信支付",
    "alipay": "支付宝",
}

ReceiptText = Callable[[checkout.SaleResult, str], list[str]]


@dataclass(frozen=True)
class _Binding:
    """What the services will check an approval against: their action, subject and amount."""

    action: str
    subject: str
    amount: int


def view_of(member: membership.MemberView) -> MemberView:
    """The services' member view as the till window shows it (phone masked for the cashier)."""
    if member.card_no is None or member.card_state is None:
        raise errors.UnknownCard(card_no="—")
    return MemberView(
        member_id=member.member_id,
        card_no=member.card_no,
        card_state=member.card_state,
        name=member.name,
        phone_masked=member.masked_phone,
        tier_code=member.tier,
        tier_name=member.tier_name,
        principal=member.principal,
        bonus=member.bonus,
        points=member.points,
        points_expiring=0 if member.expiring is None else member.expiring.points,
        points_expiring_on=None if member.expiring is None else member.expiring.on,
        birthday_now=member.birthday_benefit_available,
        pin_locked=member.pin_locked,
        tier_locked=member.tier_locked,
    )


def sale_receipt_text(sale: checkout.SaleResult, store_name: str) -> list[str]:
    """The sale receipt as plain lines: what the preview shows and a text printer would print."""
    ticket = sale.ticket
    lines = [
        store_name,
        f"销售小票  {ticket.receipt_no}",
        f"{ticket.created_at:%Y-%m-%d %H:%M}  收银员 {ticket.cashier}",
        "-" * 32,
    ]
    for ln in ticket.lines:
        lines.append(f"{ln.name} ×{ln.quantity}  {ln.gross}")
    lines.append(f"合计 {ticket.gross}")
    if sale.priced is not None:
        for d in sale.priced.discounts:
            lines.append(f"{d.kind.label} -{d.amount}")
    if ticket.redeemed_points:
        lines.append(f"使用积分 {ticket.redeemed_points}")
    lines.append(f"应付 {ticket.total}")
    for t in ticket.tenders:
        lines.append(f"{TENDER_NAMES.get(t.kind, t.kind)} {t.amount + t.change}")
    lines.append(f"找零 {sale.change}")
    before, after = sale.member_before, sale.member_after
    if before is not None and after is not None:
        lines += [
            "-" * 32,
            f"会员 {after.masked_phone}  {after.tier_name}",
            f"积分 {before.points} +{ticket.points_earned} -{ticket.redeemed_points}"
            f" = {after.points}",
            f"本金 {before.principal} → {after.principal}",
            f"赠金 {before.bonus} → {after.bonus}",
        ]
        if after.expiring is not None:
            lines.append(f"{after.expiring.points} 积分将于 {after.expiring.on.isoformat()} 过期")
    if sale.upgraded_to is not None and after is not None:
        lines.append(f"恭喜升级为{after.tier_name}")
    return lines


class ServicesTillBackend:
    """`TillBackend` over the services, for one till; the logged-in staff member is the actor.

    ``render_receipt_text`` turns a committed sale into the preview's lines; by default the plain
    text of `sale_receipt_text`.
    """

    def __init__(
        self, ctx: TillContext, *, render_receipt_text: ReceiptText = sale_receipt_text
    ) -> None:
        self._ctx = ctx
        self._render = render_receipt_text
        self._session: StaffSession | None = None
        # UI (action, subject) → the binding the services check, remembered when a call asked
        # for an approval, so the manager approves exactly what the refused call needs.
        self._pending: dict[tuple[ApprovalAction, str], _Binding] = {}
        # A sale retried after a refusal (wrong PIN) keeps its transaction id: never paid twice.
        self._txn: tuple[TicketDraft, str] | None = None

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
        found = staff.login(self._ctx, staff_no.strip(), pin)
        self._session = StaffSession(found.staff_no, found.name, Role(found.role))
        return self._session

    def open_shift(self, float_amount: Fen) -> ShiftView:
        """Open a shift, or carry on with the one still open: the till has one drawer."""
        actor = self.actor
        with self._ctx.uow(write=False) as uow:
            current = uow.shifts.current()
        if current is None:
            current = shifts.open_shift(self._ctx, cashier=actor, opening_float=float_amount)
        return ShiftView(
            current.shift_id, current.cashier, current.opened_at, current.opening_float
        )

    def close_shift(self, counted_cash: Fen) -> ShiftReport:
        report = shifts.close_shift(self._ctx, cashier=self.actor, counted_cash=counted_cash)
        return ShiftReport(report.expected_cash, report.counted_cash, shift_report_text(report))

    # -- the sale -------------------------------------------------------------------------------

    def add_product(self, barcode: str) -> Product:
        with self._ctx.uow(write=False) as uow:
            product = uow.products.get(barcode.strip())
        if product is None:
            raise errors.UnknownProduct(barcode=barcode.strip())
        return product

    def lookup_card(self, code: str) -> MemberView:
        return view_of(membership.lookup_card(self._ctx, code, self.actor))

    def find_member_by_phone(self, phone: str) -> MemberView:
        return view_of(membership.find_member(self._ctx, phone))

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
        if self._txn is None or self._txn[0] != draft:
            self._txn = (draft, new_id())
        sale = checkout.checkout(
            self._ctx,
            txn_id=self._txn[1],
            cashier=self.actor,
            card_no=draft.card_no,
            items=_items(draft),
            payments=[
                checkout.Payment(t.kind.value, t.amount, t.reference.strip() or None)
                for t in tenders
            ],
            redeem_blocks=draft.redeem_blocks,
            pin=pin,
        )
        self._txn = None
        member = None
        if draft.card_no is not None:
            after = sale.member_after
            member = view_of(after) if after is not None else self.find_card(draft.card_no)
        return CheckoutResult(
            sale.ticket.receipt_no,
            sale.change,
            tuple(self._render(sale, self._store_name())),
            member,
        )

    # -- manager approval -----------------------------------------------------------------------

    def approve(
        self,
        action: ApprovalAction,
        subject: str,
        amount: Fen | None,
        manager_no: str,
        pin: str,
    ) -> str:
        binding = self._pending.get((action, subject)) or self._binding(action, subject, amount)
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

    def _binding(self, action: ApprovalAction, subject: str, amount: Fen | None) -> _Binding:
        """The services' binding for an approval asked for directly (not after a refusal)."""
        value = 0 if amount is None else amount.value
        if action is ApprovalAction.MANAGER_SCREENS:
            return _Binding(SERVICE_ACTIONS[action], subject, 0)
        if action is ApprovalAction.REFUND:
            return _Binding(SERVICE_ACTIONS[action], subject.strip(), value)
        card_no = parse_card_number(subject.split()[0]) if subject.strip() else subject
        if action in (ApprovalAction.PIN_RESET, ApprovalAction.TIER_LOCK):
            return _Binding(SERVICE_ACTIONS[action], self._card(card_no).member_id, 0)
        if action is ApprovalAction.POINTS_ADJUST:
            return _Binding(SERVICE_ACTIONS[action], self._card(card_no).member_id, value)
        if action is ApprovalAction.REISSUE_FEE_WAIVER:
            return _Binding(SERVICE_ACTIONS[action], card_no, self._ctx.program.reissue_fee.value)
        return _Binding(SERVICE_ACTIONS[action], card_no, value)

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
            return view_of(membership.member_view(uow, self._ctx, member, card, self._ctx.now()))

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
        return view_of(registered.member)

    def topup(self, card_no: str, amount: Fen, tender: TenderKind) -> TopupResult:
        if tender is TenderKind.STORED_VALUE:
            raise errors.InvalidAmount(amount=str(amount))  # stored value cannot buy itself
        member = self.lookup_card(card_no)
        done = accounts.topup(
            self._ctx,
            actor=self.actor,
            member_id=member.member_id,
            amount=amount,
            tender=tender.value,
        )
        after = self.find_card(member.card_no)
        lines = (
            self._store_name(),
            f"充值小票  {done.ticket.receipt_no}",
            f"充值 {done.principal}",
            f"赠送 {done.bonus}",
            f"本金 {done.before.principal} → {done.after.principal}",
            f"赠金 {done.before.bonus} → {done.after.bonus}",
        )
        return TopupResult(done.principal, done.bonus, after, lines)

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
        return ReissueResult(done.new_card, done.fee, self.find_card(done.new_card))

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
        return CardReturnResult(done.cash_paid, done.bonus_forfeited, self.find_card(card.card_no))

    def _principal_paid_back(self, member_id: str) -> Fen:
        account = checkout.account_of(self._ctx, member_id)
        return cash_out(account.principal, account.bonus).principal

    def refund(self, receipt_no: str, approval: str | None) -> RefundResult:
        receipt_no = receipt_no.strip()
        try:
            done = checkout.refund(
                self._ctx,
                txn_id=new_id(),
                cashier=self.actor,
                receipt_no=receipt_no,
                lines=None,
                approval_id=approval,
            )
        except errors.ApprovalRequired:
            amount = checkout.refund_amount(self._ctx, receipt_no=receipt_no, lines=None)
            raise self._ask(
                ApprovalAction.REFUND,
                receipt_no,
                Fen(amount),
                _Binding("refund", receipt_no, amount),
            ) from None
        return RefundResult(
            done.original.receipt_no, -done.ticket.total, tuple(self._refund_text(done.ticket))
        )

    def _refund_text(self, ticket: Ticket) -> list[str]:
        lines = [self._store_name(), f"退货小票  {ticket.receipt_no}", "-" * 32]
        lines += [f"{ln.name} ×{-ln.quantity}  {-ln.net}" for ln in ticket.lines]
        lines.append(f"退款合计 {-ticket.total}")
        lines += [f"{TENDER_NAMES.get(t.kind, t.kind)} {-t.amount}" for t in ticket.tenders]
        if ticket.points_earned:
            lines.append(f"积分 {ticket.points_earned:+d}")
        return lines

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
            entries = uow.audit.recent(limit)
        return [
            AuditEntry(
                e.at,
                e.actor,
                e.approver,
                e.action,
                e.subject or "",
                _audit_detail(e.amount, e.outcome, e.detail),
            )
            for e in entries
        ]

    def _store_name(self) -> str:
        with self._ctx.uow(write=False) as uow:
            return uow.settings.get("store_name") or self._ctx.program.store_name


def _items(draft: TicketDraft) -> list[checkout.SaleItem]:
    return [checkout.SaleItem(ln.product.barcode, ln.quantity) for ln in draft.lines]


def _audit_detail(amount: int | None, outcome: str, detail: dict[str, object]) -> str:
    parts = [] if amount is None else [str(amount)]
    if outcome and outcome != "ok":
        parts.append(outcome)
    parts += [f"{k}={v}" for k, v in detail.items() if v not in (None, "")]
    return " ".join(parts)


def shift_report_text(r: shifts.ShiftReport) -> tuple[str, ...]:
    """The shift close as the manager reads it on screen (DOMAIN §8)."""
    lines = [
        f"班次 {r.shift.shift_id[:8]}  收银员 {r.shift.cashier}  交班 {r.closed_by}",
        f"销售笔数 {r.sales_count}",
    ]
    lines += [f"销售（{TENDER_NAMES.get(k, k)}） {v}" for k, v in sorted(r.sales_by_tender.items())]
    lines.append(f"退货 {r.refunds}")
    lines += [f"折扣（{kind}） {amount}" for kind, amount in r.discounts.items() if amount.value]
    lines += [
        f"充值本金 {r.topups_principal}  赠金 {r.topups_bonus}",
        f"补卡工本费 {r.reissue_fees}",
        f"退卡退款 {r.cash_out}",
        f"储值负债 期初 {r.liability_opening} + 充值 {r.liability_topups}"
        f" − 消费 {r.liability_spends} + 退货 {r.liability_refunds}"
        f" ± 调整 {r.liability_adjustments} = 期末 {r.liability_closing}"
        + ("" if r.liability_reconciles else "（不平）"),
        f"积分 发放 {r.points_issued}  抵用 {r.points_redeemed}  过期 {r.points_expired}"
        f"  调整 {r.points_adjusted}",
        f"备用金 {r.shift.opening_float}",
        f"应有现金 {r.expected_cash}",
        f"实点现金 {r.counted_cash}",
        f"长短款 {r.over_short}",
        f"店长审批 {len(r.approvals)} 次",
    ]
    lines += [
        f"  {a.at:%H:%M} {a.action} {a.subject or ''} 审批人 {a.approver or a.actor}"
        for a in r.approvals
    ]
    return tuple(lines)
