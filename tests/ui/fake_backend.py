"""An in-memory TillBackend for UI tests that applies the real domain rules, not canned answers."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone

from frontdesk.domain import errors
from frontdesk.domain.calendar import in_birthday_window
from frontdesk.domain.cards import (
    Card,
    CardAction,
    CardState,
    ensure_usable,
    make_card_number,
    next_state,
    parse_card_number,
)
from frontdesk.domain.members import make_registration, mask_phone, parse_phone
from frontdesk.domain.money import ZERO, Fen, total
from frontdesk.domain.points import expiring_soon, take_fifo, usable
from frontdesk.domain.pricing import PricedTicket, PricingMember, Product, price_ticket
from frontdesk.domain.program import Program, program_from_mapping
from frontdesk.domain.stored_value import (
    cash_out,
    check_pin_strength,
    hash_pin,
    pin_matches,
    pin_needed,
    split_spend,
    topup_split,
)
from frontdesk.resources import resource
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

PROGRAM_FILE = resource("program.toml")
CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 12, 10, 10, 30, tzinfo=CST)  # 21 days before last year's points expire

CASHIER_NO, CASHIER_PIN = "1001", "2468"
MANAGER_NO, MANAGER_PIN = "9001", "1357"
MEMBER_PIN = "314159"

WATER = "6901234567892"
RICE = "6902222333448"
TEA = "6903333444557"
CIGARETTES = "6904444555666"  # excluded from the member discount

_TENDER_LABEL = {
    TenderKind.STORED_VALUE: "储值",
    TenderKind.CASH: "现金",
    TenderKind.BANK_CARD: "银行卡",
    TenderKind.WECHAT: "微信支付",
    TenderKind.ALIPAY: "支付宝",
}


def load_program() -> Program:
    with PROGRAM_FILE.open("rb") as f:
        return program_from_mapping(tomllib.load(f), str(PROGRAM_FILE.name))


@dataclass
class _Member:
    member_id: str
    phone: str
    name: str
    birthday: date | None
    tier: str
    principal: Fen
    bonus: Fen
    lots: dict[int, int]
    pin_hash: str | None
    wrong_pins: int = 0
    birthday_benefit_year: int | None = None
    tier_locked: bool = False


@dataclass
class _Approval:
    action: ApprovalAction
    subject: str
    amount: Fen | None
    manager_no: str
    used: bool = False


@dataclass
class _Sale:
    receipt_no: str
    member_id: str | None
    priced: PricedTicket
    tenders: tuple[Tender, ...]
    refunded: bool = False


@dataclass
class FakeTillBackend:
    """Members, cards, products and staff in dicts; every decision delegated to the domain."""

    program: Program = field(default_factory=load_program)
    now: datetime = NOW
    members: dict[str, _Member] = field(default_factory=dict)
    cards: dict[str, Card] = field(default_factory=dict)
    products: dict[str, Product] = field(default_factory=dict)
    audit: list[AuditEntry] = field(default_factory=list)
    sales: dict[str, _Sale] = field(default_factory=dict)
    staff: StaffSession | None = None
    shift: ShiftView | None = None
    cash_taken: Fen = ZERO
    _approvals: dict[str, _Approval] = field(default_factory=dict)
    _serial: int = 0

    def __post_init__(self) -> None:
        for p in (
            Product(WATER, "农夫山泉 550ml", Fen(200)),
            Product(RICE, "五常大米 5kg", Fen(8990)),
            Product(TEA, "西湖龙井 250g", Fen(32800)),
            Product(CIGARETTES, "香烟 中华", Fen(4500), member_discount=False),
        ):
            self.products[p.barcode] = p
        self.gold = self._seed(
            "13812341234", "张三丰", date(1985, 12, 3), "gold", Fen(50000), Fen(6000),
            {2025: 2500, 2026: 9800},
        )  # fmt: skip
        self.lost = self._seed(
            "13900005678", "李四", None, "normal", Fen(10000), Fen(1000), {2026: 300}
        )
        self.cards[self.lost] = replace(self.cards[self.lost], state=CardState.LOST)

    # -- seeding and views ------------------------------------------------------------------

    def _new_card_no(self) -> str:
        self._serial += 1
        return make_card_number(store=1, till=1, serial=self._serial, generation=0)

    def _seed(
        self,
        phone: str,
        name: str,
        birthday: date | None,
        tier: str,
        principal: Fen,
        bonus: Fen,
        lots: dict[int, int],
    ) -> str:
        member_id = f"M{len(self.members) + 1:04d}"
        self.members[member_id] = _Member(
            member_id, phone, name, birthday, tier, principal, bonus, lots, hash_pin(MEMBER_PIN)
        )
        card_no = self._new_card_no()
        self.cards[card_no] = Card(card_no, member_id, 0, CardState.ACTIVE)
        return card_no

    def _view(self, card: Card) -> MemberView:
        m = self.members[card.member_id]
        warning = expiring_soon(m.lots, self.now.date(), self.program)
        return MemberView(
            member_id=m.member_id,
            card_no=card.card_no,
            card_state=card.state,
            name=m.name,
            phone_masked=mask_phone(m.phone),
            tier_code=m.tier,
            tier_name=self.program.tier(m.tier).name,
            principal=m.principal,
            bonus=m.bonus,
            points=usable(m.lots, self.now.date(), self.program),
            points_expiring=warning.points if warning else 0,
            points_expiring_on=warning.on if warning else None,
            birthday_now=in_birthday_window(
                m.birthday, self.now.date(), self.program.birthday_window
            )
            and m.birthday_benefit_year != self.now.year,
            pin_locked=m.wrong_pins >= self.program.pin_max_tries,
            tier_locked=m.tier_locked,
        )

    def _card_of(self, member_id: str) -> Card:
        for card in self.cards.values():
            if card.member_id == member_id and card.state is not CardState.REPLACED:
                return card
        raise errors.UnknownMember(ref=member_id)

    def _log(
        self, action: str, subject: str, detail: str = "", approver: str | None = None
    ) -> None:
        actor = self.staff.staff_no if self.staff else "-"
        self.audit.append(AuditEntry(self.now, actor, approver, action, subject, detail))

    def _use_approval(
        self, approval: str | None, action: ApprovalAction, subject: str, amount: Fen | None
    ) -> str:
        if approval is None:
            raise errors.ApprovalRequired(action=action.value, subject=subject, amount=amount)
        found = self._approvals.get(approval)
        if found is None or (found.action, found.subject, found.amount) != (
            action,
            subject,
            amount,
        ):
            raise errors.ApprovalMismatch()
        if found.used:
            raise errors.ApprovalUsed()
        found.used = True
        return found.manager_no

    def _require_shift(self) -> None:
        if self.shift is None:
            raise errors.ShiftNotOpen()

    # -- staff and shift --------------------------------------------------------------------

    def login(self, staff_no: str, pin: str) -> StaffSession:
        known = {
            CASHIER_NO: (CASHIER_PIN, StaffSession(CASHIER_NO, "王小明", Role.CASHIER)),
            MANAGER_NO: (MANAGER_PIN, StaffSession(MANAGER_NO, "李店长", Role.MANAGER)),
        }
        entry = known.get(staff_no.strip())
        if entry is None or entry[0] != pin:
            raise errors.NotAuthenticated()
        self.staff = entry[1]
        return self.staff

    def open_shift(self, float_amount: Fen) -> ShiftView:
        if self.staff is None:
            raise errors.NotAuthenticated()
        if self.shift is not None:
            raise errors.ShiftAlreadyOpen()
        if float_amount.value < 0:
            raise errors.InvalidAmount(amount=str(float_amount))
        self.shift = ShiftView("S0001", self.staff.staff_no, self.now, float_amount)
        return self.shift

    def close_shift(self, counted_cash: Fen) -> ShiftReport:
        self._require_shift()
        assert self.shift is not None
        expected = self.shift.float_amount + self.cash_taken
        report = ShiftReport(
            expected,
            counted_cash,
            (
                f"班次 {self.shift.shift_id}  收银员 {self.shift.staff_no}",
                f"备用金 {self.shift.float_amount}",
                f"现金销售 {self.cash_taken}",
                f"应有现金 {expected}",
                f"实点现金 {counted_cash}",
                f"长短款 {counted_cash - expected}",
            ),
        )
        self._log("shift_close", self.shift.shift_id, str(counted_cash - expected))
        self.shift = None
        return report

    # -- the sale ---------------------------------------------------------------------------

    def add_product(self, barcode: str) -> Product:
        try:
            return self.products[barcode.strip()]
        except KeyError:
            raise errors.UnknownProduct(barcode=barcode.strip()) from None

    def lookup_card(self, code: str) -> MemberView:
        card_no = parse_card_number(code)
        card = self.cards.get(card_no)
        if card is None:
            raise errors.UnknownCard(card_no=card_no)
        try:
            ensure_usable(card.state)
        except errors.DomainError as refusal:
            self._log("card_refused", card_no, refusal.message)
            raise
        return self._view(card)

    def find_member_by_phone(self, phone: str) -> MemberView:
        wanted = parse_phone(phone)
        for m in self.members.values():
            if m.phone == wanted:
                card = self._card_of(m.member_id)
                ensure_usable(card.state)
                return self._view(card)
        raise errors.UnknownMember(ref=mask_phone(wanted))

    def _pricing_member(self, member_id: str | None) -> PricingMember | None:
        if member_id is None:
            return None
        m = self.members[member_id]
        points = usable(m.lots, self.now.date(), self.program)
        return PricingMember(m.tier, m.birthday, m.birthday_benefit_year, points)

    def price(self, draft: TicketDraft) -> PricedTicket:
        return price_ticket(
            draft.lines,
            self._pricing_member(draft.member_id),
            self.program,
            self.now.date(),
            draft.redeem_blocks,
        )

    def pin_required(self, member_id: str, amount: Fen) -> bool:
        return pin_needed(amount, self.program)

    def _check_pin(self, m: _Member, pin: str | None) -> None:
        if m.wrong_pins >= self.program.pin_max_tries:
            raise errors.PinLocked()
        if not pin:
            raise errors.PinRequired()
        if m.pin_hash is None:
            raise errors.NoPinSet()
        if not pin_matches(pin, m.pin_hash):
            m.wrong_pins += 1
            left = self.program.pin_max_tries - m.wrong_pins
            if left <= 0:
                raise errors.PinLocked()
            raise errors.WrongPin(left=left)
        m.wrong_pins = 0

    def checkout(
        self, draft: TicketDraft, tenders: Sequence[Tender], pin: str | None
    ) -> CheckoutResult:
        self._require_shift()
        priced = self.price(draft)
        paid = total([t.amount for t in tenders])
        if paid < priced.due:
            raise errors.TenderMismatch(paid=str(paid), due=str(priced.due))
        cash = total([t.amount for t in tenders if t.kind is TenderKind.CASH])
        change = paid - priced.due
        if change > cash:
            raise errors.ChangeOnlyFromCash()
        for t in tenders:
            wallet = t.kind in (TenderKind.BANK_CARD, TenderKind.WECHAT, TenderKind.ALIPAY)
            if wallet and not t.reference.strip():
                raise errors.ReferenceRequired(tender=_TENDER_LABEL[t.kind])
        stored = total([t.amount for t in tenders if t.kind is TenderKind.STORED_VALUE])
        m = self.members[draft.member_id] if draft.member_id else None
        if (stored or priced.redeemed_points) and m is None:
            raise errors.MemberRequired()
        lines: list[str] = [self.program.store_name, f"小票号 R{len(self.sales) + 1:06d}"]
        for pl in priced.lines:
            lines.append(f"{pl.product.name} ×{pl.quantity}  {pl.gross}")
        lines.append(f"合计 {priced.gross}")
        for d in priced.discounts:
            lines.append(f"{d.kind.label} -{d.amount}")
        lines.append(f"应付 {priced.due}")
        if m is not None:
            before = (m.principal, m.bonus, usable(m.lots, self.now.date(), self.program))
            if stored:
                if pin_needed(stored, self.program):
                    self._check_pin(m, pin)
                split = split_spend(m.principal, m.bonus, stored, self.program.spend_order)
                m.principal -= split.principal
                m.bonus -= split.bonus
            year = self.now.year
            m.lots[year] = m.lots.get(year, 0) + priced.points_earned
            for lot_year, taken in take_fifo(m.lots, priced.redeemed_points):
                m.lots[lot_year] -= taken
            if priced.birthday_benefit:
                m.birthday_benefit_year = year
            after_points = usable(m.lots, self.now.date(), self.program)
            lines += [
                f"会员 {mask_phone(m.phone)}  {self.program.tier(m.tier).name}",
                f"积分 {before[2]} +{priced.points_earned} -{priced.redeemed_points}"
                f" = {after_points}",
                f"本金 {before[0]} → {m.principal}",
                f"赠金 {before[1]} → {m.bonus}",
            ]
        for t in tenders:
            lines.append(f"{_TENDER_LABEL[t.kind]} {t.amount}")
        lines.append(f"找零 {change}")
        receipt_no = f"R{len(self.sales) + 1:06d}"
        self.sales[receipt_no] = _Sale(receipt_no, draft.member_id, priced, tuple(tenders))
        self.cash_taken += cash - change
        self._log("sale", receipt_no, str(priced.due))
        member = self._view(self._card_of(m.member_id)) if m is not None else None
        return CheckoutResult(receipt_no, change, tuple(lines), member)

    # -- approvals --------------------------------------------------------------------------

    def approve(
        self,
        action: ApprovalAction,
        subject: str,
        amount: Fen | None,
        manager_no: str,
        pin: str,
    ) -> str:
        if manager_no.strip() != MANAGER_NO:
            raise errors.NotAManager()
        if pin != MANAGER_PIN:
            raise errors.NotAuthenticated()
        approval_id = f"A{len(self._approvals) + 1:04d}"
        self._approvals[approval_id] = _Approval(action, subject, amount, manager_no)
        self._log("approval", subject, action.value, approver=manager_no)
        return approval_id

    # -- members and cards ------------------------------------------------------------------

    def tier_names(self) -> Sequence[tuple[str, str]]:
        return [(t.code, t.name) for t in self.program.tiers]

    def find_card(self, card_no: str) -> MemberView:
        number = parse_card_number(card_no)
        card = self.cards.get(number)
        if card is None:
            raise errors.UnknownCard(card_no=number)
        return self._view(card)

    def register_member(self, form: RegistrationForm) -> MemberView:
        reg = make_registration(
            phone=form.phone,
            name=form.name,
            birthday=form.birthday,
            gender=form.gender,
            consent_terms=form.consent_terms,
            consent_marketing=form.consent_marketing,
            recruiter=self.staff.staff_no if self.staff else "-",
            store="001",
            now=self.now,
        )
        for m in self.members.values():
            if m.phone == reg.phone:
                raise errors.DuplicatePhone(phone=mask_phone(m.phone), name=m.name)
        check_pin_strength(form.pin, self.program)
        card_no = self._seed(reg.phone, reg.name, reg.birthday, self.program.entry_tier.code,
                             ZERO, ZERO, {})  # fmt: skip
        m = self.members[self.cards[card_no].member_id]
        m.pin_hash = hash_pin(form.pin)
        self._log("register", card_no, mask_phone(reg.phone))
        return self._view(self.cards[card_no])

    def topup(
        self, card_no: str, amount: Fen, tender: TenderKind, reference: str = ""
    ) -> TopupResult:
        card = self.cards[parse_card_number(card_no)]
        ensure_usable(card.state)
        if tender is not TenderKind.CASH and not reference.strip():
            raise errors.ReferenceRequired(tender=tender.value)
        split = topup_split(amount, self.program)
        m = self.members[card.member_id]
        m.principal += split.principal
        m.bonus += split.bonus
        if tender is TenderKind.CASH:
            self.cash_taken += amount
        self._log("topup", card.card_no, f"{split.principal} + {split.bonus}")
        lines = (f"充值 {split.principal}", f"赠送 {split.bonus}", f"余额 {m.principal + m.bonus}")
        return TopupResult(split.principal, split.bonus, self._view(card), lines)

    def change_card_state(
        self, card_no: str, action: CardAction, approval: str | None
    ) -> MemberView:
        card = self.cards[parse_card_number(card_no)]
        new_state = next_state(card.state, action)
        approver = None
        needs = {
            CardAction.UNREPORT: ApprovalAction.UNREPORT,
            CardAction.FREEZE: ApprovalAction.FREEZE,
            CardAction.UNFREEZE: ApprovalAction.UNFREEZE,
        }
        if action in needs:
            approver = self._use_approval(approval, needs[action], card.card_no, None)
        self.cards[card.card_no] = replace(card, state=new_state)
        self._log(action.value, card.card_no, new_state.label, approver)
        return self._view(self.cards[card.card_no])

    def reissue_card(
        self,
        card_no: str,
        phone: str,
        name: str,
        waive_reason: str | None,
        approval: str | None,
    ) -> ReissueResult:
        card = self.cards[parse_card_number(card_no)]
        m = self.members[card.member_id]
        if parse_phone(phone) != m.phone or name.strip() != m.name:
            raise errors.IdentityMismatch()
        next_state(card.state, CardAction.REPLACE)
        fee = self.program.reissue_fee
        approver = None
        if waive_reason is not None:
            if not waive_reason.strip():
                raise errors.ReasonRequired()
            approver = self._use_approval(approval, ApprovalAction.REISSUE_FEE_WAIVER, card_no, fee)
            fee = ZERO
        self.cards[card.card_no] = replace(card, state=CardState.REPLACED)
        new_no = make_card_number(1, 1, self._serial + 1, card.generation + 1)
        self._serial += 1
        self.cards[new_no] = Card(new_no, m.member_id, card.generation + 1, CardState.ACTIVE)
        self.cash_taken += fee
        self._log("replace", card.card_no, f"→ {new_no} fee {fee}", approver)
        return ReissueResult(new_no, fee, self._view(self.cards[new_no]))

    def return_card(self, card_no: str, approval: str | None) -> CardReturnResult:
        card = self.cards[parse_card_number(card_no)]
        m = self.members[card.member_id]
        next_state(card.state, CardAction.RETURN)
        split = cash_out(m.principal, m.bonus)
        approver = self._use_approval(
            approval, ApprovalAction.CARD_RETURN, card_no, split.principal
        )
        self.cards[card.card_no] = replace(card, state=CardState.RETURNED)
        m.principal, m.bonus = ZERO, ZERO
        self.cash_taken -= split.principal
        self._log("return", card_no, str(split.principal), approver)
        return CardReturnResult(split.principal, split.bonus, self._view(self.cards[card.card_no]))

    def refund(self, receipt_no: str, approval: str | None) -> RefundResult:
        sale = self.sales.get(receipt_no.strip().upper())
        if sale is None:
            raise errors.UnknownTicket(receipt_no=receipt_no)
        if sale.refunded:
            raise errors.NothingToRefund()
        approver = self._use_approval(
            approval, ApprovalAction.REFUND, sale.receipt_no, sale.priced.due
        )
        sale.refunded = True
        self._log("refund", sale.receipt_no, str(sale.priced.due), approver)
        return RefundResult(sale.receipt_no, sale.priced.due, (f"退货 {sale.priced.due}",))

    def reset_pin(self, card_no: str, new_pin: str, approval: str | None) -> MemberView:
        card = self.cards[parse_card_number(card_no)]
        check_pin_strength(new_pin, self.program)
        approver = self._use_approval(approval, ApprovalAction.PIN_RESET, card.card_no, None)
        m = self.members[card.member_id]
        m.pin_hash, m.wrong_pins = hash_pin(new_pin), 0
        self._log("pin_reset", card.card_no, "", approver)
        return self._view(card)

    def adjust_points(
        self, card_no: str, points: int, reason: str, approval: str | None
    ) -> MemberView:
        card = self.cards[parse_card_number(card_no)]
        if not reason.strip():
            raise errors.ReasonRequired()
        approver = self._use_approval(approval, ApprovalAction.POINTS_ADJUST, card.card_no, None)
        m = self.members[card.member_id]
        m.lots[self.now.year] = m.lots.get(self.now.year, 0) + points
        self._log("points_adjust", card.card_no, f"{points:+d} {reason}", approver)
        return self._view(card)

    def lock_tier(
        self, card_no: str, tier_code: str | None, reason: str, approval: str | None
    ) -> MemberView:
        card = self.cards[parse_card_number(card_no)]
        if not reason.strip():
            raise errors.ReasonRequired()
        if tier_code is not None and tier_code not in {t.code for t in self.program.tiers}:
            raise errors.TierLockInvalid(tier=tier_code)
        approver = self._use_approval(approval, ApprovalAction.TIER_LOCK, card.card_no, None)
        m = self.members[card.member_id]
        m.tier_locked = tier_code is not None
        if tier_code is not None:
            m.tier = tier_code
        self._log("tier_lock", card.card_no, f"{tier_code} {reason}", approver)
        return self._view(card)

    def audit_log(self, limit: int) -> Sequence[AuditEntry]:
        return list(reversed(self.audit))[:limit]
