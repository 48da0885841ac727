"""Selling: price a ticket, take mixed tenders, move the ledger, all or nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from frontdesk.domain import errors
from frontdesk.domain.authorisation import spend_is_provisional
from frontdesk.domain.balances import Balances
from frontdesk.domain.cards import Card, ensure_usable
from frontdesk.domain.ledger import EntryDraft, TxnDrafts
from frontdesk.domain.money import ZERO, Fen, total
from frontdesk.domain.permissions import Operation
from frontdesk.domain.pricing import (
    DiscountKind,
    LineInput,
    PricedTicket,
    PricingMember,
    price_ticket,
)
from frontdesk.domain.receipt import Receipt
from frontdesk.domain.sale import sale_drafts, sale_lines
from frontdesk.domain.stored_value import (
    check_offline_cap,
    pin_needed,
)
from frontdesk.domain.tenders import Payment, Settlement, settle, stored_value_paid
from frontdesk.domain.tiers import TierEvent
from frontdesk.services.accounts import expire_points
from frontdesk.services.context import TillContext, is_offline, next_receipt_no
from frontdesk.services.manual_prices import by_hand
from frontdesk.services.member_pin import check_member_pin
from frontdesk.services.membership import (
    MemberView,
    card_holder,
    member_view,
    record_card_refusal,
    usable_card,
    usable_holder,
)
from frontdesk.services.online_holds import ask_hold, voided_on_failure
from frontdesk.services.ports import UnitOfWork
from frontdesk.services.printing import job_with_operation
from frontdesk.services.records import Account, Member, Shift, Ticket
from frontdesk.services.scale_items import products_for
from frontdesk.services.staff import authorize_in
from frontdesk.services.sync_recovery import check_stored_value_allowed
from frontdesk.services.tiering import stored_status, tier_now


@dataclass(frozen=True)
class SaleItem:
    barcode: str
    quantity: int = 1
    price: Fen | None = None  # 改价: the unit price the cashier set
    discount: Fen = ZERO  # 单品折扣 on this line


@dataclass(frozen=True)
class Quote:
    priced: PricedTicket
    member: MemberView | None


@dataclass(frozen=True)
class SaleResult:
    ticket: Ticket
    priced: PricedTicket | None  # None when the sale was already committed (a replay)
    member_before: MemberView | None
    member_after: MemberView | None
    change: Fen
    upgraded_to: str | None
    replayed: bool = False
    receipt: Receipt | None = None  # made in the sale's transaction, when the till prints


def _lines(uow: UnitOfWork, items: Sequence[SaleItem]) -> list[LineInput]:
    products = products_for(uow, [item.barcode.strip() for item in items])
    lines = []
    for item in items:
        product = products.get(item.barcode.strip())
        if product is None:
            raise errors.UnknownProduct(barcode=item.barcode)
        if item.quantity <= 0:
            raise errors.InvalidAmount(amount=str(item.quantity))
        lines.append(LineInput(product, item.quantity, item.price, item.discount))
    return lines


def _pricing_member(member: Member, view: MemberView) -> PricingMember:
    """What pricing needs, taken from the member panel so nothing is read twice."""
    return PricingMember(
        tier=view.tier,
        birthday=member.birthday,
        birthday_benefit_year=member.birthday_benefit_year,
        points=view.points,
    )


def quote(
    ctx: TillContext,
    *,
    card_no: str | None,
    items: Sequence[SaleItem],
    redeem_blocks: int = 0,
    actor: str,
    ticket_discount: Fen = ZERO,
) -> Quote:
    """Price the ticket on screen as it is built; nothing is written."""
    now = ctx.now()
    with ctx.uow(write=False) as uow:
        authorize_in(uow, actor, Operation.QUOTE)
        lines = _lines(uow, items)
        view = pm = None
        if card_no is not None:
            member, view = usable_holder(ctx, uow, card_no, actor)  # card, member, account
            pm = _pricing_member(member, view)
        priced = price_ticket(lines, pm, ctx.program, now.date(), redeem_blocks, ticket_discount)
        return Quote(priced, view)


def _pin_first(ctx: TillContext, txn_id: str, card_no: str, cashier: str, pin: str | None) -> None:
    """The PIN's slow hash is checked before the write lock is taken, never while holding it."""
    with ctx.uow(write=False) as uow:
        if uow.tickets.get(txn_id) is not None:
            return  # a replay: the sale's own transaction answers it
        # The card names its member; check_member_pin reads the member row itself, under the gate.
        member_id = usable_card(ctx, uow, card_no, cashier).member_id
    check_member_pin(ctx, member_id, pin)


@dataclass(frozen=True)
class _Holder:
    """The member on a ticket as this transaction read them, each row once."""

    card: Card
    member: Member
    account: Account
    balances: Balances


def _holder(ctx: TillContext, uow: UnitOfWork, code: str, cashier: str, now: datetime) -> _Holder:
    """The card's holder inside the sale's write transaction; an unusable card is refused.

    The refusal's audit row is written and committed by this same transaction (it has written
    nothing else yet): a second writer would wait on the lock this one holds.
    """
    card, member, account, lots = card_holder(uow, code)  # lots: same statement, same snapshot
    try:
        ensure_usable(card.state)
    except errors.DomainError as refusal:
        record_card_refusal(uow, now, card, cashier, refusal)
        uow.commit()
        raise
    balances = Balances(account.principal, account.bonus, account.points, lots)
    expired = expire_points(uow, ctx, member.member_id, cashier, now, lots)
    if expired:
        balances = balances.moved(expired)
        account = replace(account, points=balances.points)
    return _Holder(card, member, account, balances)


def _tier_after(
    uow: UnitOfWork, ctx: TillContext, h: _Holder, event: TierEvent, now: datetime, before: str
) -> tuple[str | None, Account]:
    """Upgrade check when the ticket commits; the ticket itself was priced at the old tier."""
    if h.member.tier_lock is not None:
        return None, h.account
    status = tier_now(uow, ctx.program, h.member.member_id, stored_status(h.account), now, event)
    account = h.account
    if (status.code, status.since, status.held_until) != (
        account.tier,
        account.tier_since,
        account.tier_held_until,
    ):
        uow.accounts.set_tier(h.member.member_id, status.code, status.since, status.held_until)
        account = replace(
            account, tier=status.code, tier_since=status.since, tier_held_until=status.held_until
        )
    upgraded = ctx.program.tier_rank(status.code) > ctx.program.tier_rank(before)
    return (status.code if upgraded else None), account


def _sale_ticket(
    uow: UnitOfWork,
    txn_id: str,
    shift: Shift,
    cashier: str,
    h: _Holder | None,
    priced: PricedTicket,
    settlement: Settlement,
    offline: bool,
    now: datetime,
    upgraded_to: str | None,
    approver: str | None,
) -> Ticket:
    return Ticket(
        ticket_id=txn_id,
        receipt_no=next_receipt_no(uow),
        till_id=uow.till_id,
        shift_id=shift.shift_id,
        kind="sale",
        member_id=None if h is None else h.member.member_id,
        card_no=None if h is None else h.card.card_no,
        created_at=now,
        cashier=cashier,
        approver=approver,
        refund_of=None,
        gross=priced.gross,
        discount_tier=priced.discount(DiscountKind.TIER),
        discount_birthday=priced.discount(DiscountKind.BIRTHDAY),
        redemption=priced.discount(DiscountKind.POINTS),
        redeemed_points=priced.redeemed_points,
        total=priced.due,
        points_earned=priced.points_earned,
        points_multiplier=priced.points_multiplier,
        birthday_benefit=priced.birthday_benefit,
        tier=priced.tier,
        upgraded_to=upgraded_to,
        offline=offline,
        lines=sale_lines(priced),
        tenders=settlement.tenders,
    )


def _member_drafts(
    ctx: TillContext,
    uow: UnitOfWork,
    h: _Holder,
    txn_id: str,
    cashier: str,
    priced: PricedTicket,
    stored: Fen,
    offline: bool,
    now: datetime,
) -> list[EntryDraft]:
    member_id = h.member.member_id
    if stored.value and offline:
        used = uow.ledger.offline_spent(member_id, now.date())
        check_offline_cap(used, stored, ctx.program)
    entries = TxnDrafts(txn_id, member_id, cashier, ticket_id=txn_id, offline=offline)
    order = ctx.program.spend_order
    return sale_drafts(entries, h.balances, priced, stored=stored, order=order, year=now.year)


def _member_after(
    uow: UnitOfWork,
    ctx: TillContext,
    h: _Holder,
    account: Account,
    drafts: Sequence[EntryDraft],
    priced: PricedTicket,
    now: datetime,
) -> MemberView:
    """Projections and member moved by the sale; the panel after it, worked out, not re-read."""
    member = h.member  # its last purchase was moved with its balances (ledger.append)
    if priced.birthday_benefit:
        member = replace(member, birthday_benefit_year=now.year)
        uow.members.save(member, now)
    moved = h.balances.moved(drafts)
    account = replace(
        account,
        principal=moved.principal,
        bonus=moved.bonus,
        points=moved.points,
        last_purchase_at=now,
    )
    return member_view(uow, ctx, member, h.card, now, account=account, lots=moved.lots)


def checkout(
    ctx: TillContext,
    *,
    txn_id: str,
    cashier: str,
    card_no: str | None,
    items: Sequence[SaleItem],
    payments: Sequence[Payment],
    redeem_blocks: int = 0,
    pin: str | None = None,
    receipt: Callable[[TillContext, UnitOfWork, SaleResult], Receipt | None] | None = None,
    ticket_discount: Fen = ZERO,
    approval: str | None = None,
) -> SaleResult:
    """Commit a sale: ticket, tenders, ledger (stored value, points), projections and audit.

    `txn_id` is made by the till before the first attempt; sending the same sale again returns
    the committed one instead of charging twice. A till that prints passes its `receipt` maker:
    the receipt's print job is then written in the sale's own transaction (one sale, one job).
    Prices and discounts by hand above the program's limit need ``approval`` (PRICE_OVERRIDE,
    bound to ``txn_id`` and the money they take off).
    """
    now = ctx.now()
    stored = stored_value_paid(payments)
    if stored.value and card_no is None:
        raise errors.MemberRequired()
    if card_no is not None and stored.value and pin_needed(stored, ctx.program):
        _pin_first(ctx, txn_id, card_no, cashier, pin)
    # Online while head office answers now (a hold on the balance there); else the floor limit.
    hold = None
    if card_no is not None and stored.value:
        hold = ask_hold(ctx, txn_id=txn_id, card_no=card_no, cashier=cashier, amount=stored)

    with voided_on_failure(ctx, txn_id, hold), ctx.uow() as uow:
        authorize_in(uow, cashier, Operation.SALE)
        done = uow.tickets.get(txn_id)
        if done is not None:
            change = total([t.change for t in done.tenders])
            return SaleResult(done, None, None, None, change, done.upgraded_to, replayed=True)
        shift = uow.shifts.current()
        if shift is None:
            raise errors.ShiftNotOpen()
        lines = _lines(uow, items)
        h = None if card_no is None else _holder(ctx, uow, card_no, cashier, now)
        before = pm = None
        if h is not None:
            if stored.value:
                check_stored_value_allowed(uow)  # not on a till whose chain head office refused
            if stored.value and h.member.pin_locked:
                raise errors.PinLocked()
            lots = h.balances.lots
            before = member_view(uow, ctx, h.member, h.card, now, account=h.account, lots=lots)
            pm = _pricing_member(h.member, before)
        priced = price_ticket(lines, pm, ctx.program, now.date(), redeem_blocks, ticket_discount)
        approver = by_hand(ctx, uow, txn_id, cashier, priced, approval, now)
        settlement = settle(payments, priced.due)
        stale = is_offline(uow, now, ctx.program)
        offline = spend_is_provisional(hold, stale) if stored.value else stale
        drafts: list[EntryDraft] = []
        if h is not None:
            drafts = _member_drafts(ctx, uow, h, txn_id, cashier, priced, stored, offline, now)
        upgraded = after = None
        if h is not None and pm is not None:
            event = TierEvent(now, txn_id, priced.due, priced.points_earned)
            upgraded, account = _tier_after(uow, ctx, h, event, now, pm.tier)
        ticket = _sale_ticket(
            uow, txn_id, shift, cashier, h, priced, settlement, offline, now, upgraded, approver
        )
        uow.tickets.add(ticket)
        uow.ledger.append(drafts, now, purchase=None if h is None else h.member.member_id)
        if h is not None:
            after = _member_after(uow, ctx, h, account, drafts, priced, now)
        uow.audit.add(
            at=now,
            actor=cashier,
            action="sale",
            subject=ticket.receipt_no,
            amount=priced.due.value,
            detail={"member_id": ticket.member_id, "offline": offline},
        )
        result = SaleResult(ticket, priced, before, after, settlement.change, upgraded)
        if receipt is not None:
            made = receipt(ctx, uow, result)
            job_with_operation(uow, made, now)
            result = replace(result, receipt=made)  # the window previews it, not a rebuilt one
        uow.commit()
    return result
