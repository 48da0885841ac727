"""Selling and refunding: price a ticket, take mixed tenders, move the ledger, all or nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from frontdesk.domain import errors
from frontdesk.domain.ledger import Bucket, EntryDraft, EntryKind, TxnDrafts
from frontdesk.domain.money import ZERO, Fen, allocate, apply_rate, total
from frontdesk.domain.points import take_fifo
from frontdesk.domain.pricing import (
    DiscountKind,
    LineInput,
    PricedTicket,
    PricingMember,
    price_ticket,
)
from frontdesk.domain.stored_value import Split, pin_matches, pin_needed, split_refund, split_spend
from frontdesk.domain.tiers import TierEvent, tier_status
from frontdesk.services.accounts import PAID_TENDERS, expire_points
from frontdesk.services.context import TillContext, is_offline, next_receipt_no
from frontdesk.services.membership import MemberView, member_view, usable_card
from frontdesk.services.ports import UnitOfWork
from frontdesk.services.records import Account, Member, Tender, Ticket, TicketLine
from frontdesk.services.staff import consume_approval

STORED_VALUE = "stored_value"
TENDER_KINDS = (STORED_VALUE, *PAID_TENDERS)


@dataclass(frozen=True)
class SaleItem:
    barcode: str
    quantity: int = 1


@dataclass(frozen=True)
class Payment:
    kind: str
    amount: Fen  # for cash: what the customer handed over (change is given back)
    reference: str | None = None


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


def _lines(uow: UnitOfWork, items: Sequence[SaleItem]) -> list[LineInput]:
    lines = []
    for item in items:
        product = uow.products.get(item.barcode.strip())
        if product is None:
            raise errors.UnknownProduct(barcode=item.barcode)
        if item.quantity <= 0:
            raise errors.InvalidAmount(amount=str(item.quantity))
        lines.append(LineInput(product, item.quantity))
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
    actor: str = "",
) -> Quote:
    """Price the ticket on screen as it is built; nothing is written."""
    now = ctx.now()
    with ctx.uow(write=False) as uow:
        lines = _lines(uow, items)
        if card_no is None:
            return Quote(price_ticket(lines, None, ctx.program, now.date(), redeem_blocks), None)
        card = usable_card(ctx, uow, card_no, actor)
        member = uow.members.get(card.member_id)
        assert member is not None
        view = member_view(uow, ctx, member, card, now)
        pm = _pricing_member(member, view)
        return Quote(price_ticket(lines, pm, ctx.program, now.date(), redeem_blocks), view)


def _settle(payments: Sequence[Payment], due: Fen) -> tuple[list[Tender], Fen]:
    """Tenders as kept by the till, and the change; refuses anything that does not add up."""
    for p in payments:
        if p.kind not in TENDER_KINDS:
            raise ValueError(f"unknown tender {p.kind}")
        if p.amount.value <= 0:
            raise errors.InvalidAmount(amount=str(p.amount))
        if p.kind in ("bank_card", "wechat", "alipay") and not (p.reference or "").strip():
            raise errors.ReferenceRequired(tender=p.kind)
    non_cash = total([p.amount for p in payments if p.kind != "cash"])
    cash = total([p.amount for p in payments if p.kind == "cash"])
    if non_cash > due:
        raise errors.ChangeOnlyFromCash()
    if non_cash + cash < due:
        raise errors.TenderMismatch(paid=str(non_cash + cash), due=str(due))
    change = non_cash + cash - due
    tenders = [Tender(p.kind, p.amount, ZERO, p.reference) for p in payments if p.kind != "cash"]
    if cash.value:
        tenders.append(Tender("cash", cash - change, change))
    return tenders, change


def _check_member_pin(ctx: TillContext, member: Member, pin: str | None) -> None:
    """Wrong PINs are counted in their own committed transaction, then the sale is refused."""
    if member.pin_locked:
        raise errors.PinLocked()
    if member.pin_hash is None:
        raise errors.NoPinSet()
    if pin is None:
        raise errors.PinRequired()
    if pin_matches(pin, member.pin_hash):
        if member.pin_failures:
            with ctx.uow() as uow:
                fresh = uow.members.get(member.member_id)
                assert fresh is not None
                uow.members.save(replace(fresh, pin_failures=0), ctx.now())
                uow.commit()
        return
    with ctx.uow() as uow:
        fresh = uow.members.get(member.member_id)
        assert fresh is not None
        failures = fresh.pin_failures + 1
        locked = failures >= ctx.program.pin_max_tries
        uow.members.save(replace(fresh, pin_failures=failures, pin_locked=locked), ctx.now())
        uow.audit.add(
            at=ctx.now(),
            actor="member",
            action="member_pin_wrong",
            subject=member.member_id,
            outcome="refused",
            detail={"failures": failures, "locked": locked},
        )
        uow.commit()
    if locked:
        raise errors.PinLocked()
    raise errors.WrongPin(left=ctx.program.pin_max_tries - failures)


def _tier_after(
    uow: UnitOfWork,
    ctx: TillContext,
    member: Member,
    account: Account,
    event: TierEvent,
    now: datetime,
    before: str,
) -> str | None:
    """Upgrade check when the ticket commits; the ticket itself was priced at the old tier."""
    if member.tier_lock is not None:
        return None
    status = tier_status([*uow.tickets.tier_events(member.member_id), event], now, ctx.program)
    stored = (account.tier, account.tier_since, account.tier_held_until)
    if (status.code, status.since, status.held_until) != stored:
        uow.accounts.set_tier(member.member_id, status.code, status.since, status.held_until)
    if ctx.program.tier_rank(status.code) > ctx.program.tier_rank(before):
        return status.code
    return None


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
) -> SaleResult:
    """Commit a sale: ticket, tenders, ledger (stored value, points), projections and audit.

    `txn_id` is made by the till before the first attempt; sending the same sale again returns
    the committed one instead of charging twice.
    """
    now = ctx.now()
    stored = total([p.amount for p in payments if p.kind == STORED_VALUE])
    if stored.value and card_no is None:
        raise errors.MemberRequired()
    if card_no is not None and stored.value and pin_needed(stored, ctx.program):
        # The PIN's slow hash is checked before the write lock is taken, never while holding it.
        with ctx.uow(write=False) as uow:
            replay = uow.tickets.get(txn_id) is not None
            member0 = (
                None
                if replay
                else uow.members.get(usable_card(ctx, uow, card_no, cashier).member_id)
            )
        if member0 is not None:
            _check_member_pin(ctx, member0, pin)

    with ctx.uow() as uow:
        done = uow.tickets.get(txn_id)
        if done is not None:
            change = total([t.change for t in done.tenders])
            return SaleResult(done, None, None, None, change, done.upgraded_to, replayed=True)
        shift = uow.shifts.current()
        if shift is None:
            raise errors.ShiftNotOpen()
        lines = _lines(uow, items)
        member = card = None
        before_view = None
        account: Account | None = None
        lots: dict[int, int] = {}
        if card_no is not None:
            card = usable_card(ctx, uow, card_no, cashier)
            member = uow.members.get(card.member_id)
            assert member is not None
            if stored.value and member.pin_locked:
                raise errors.PinLocked()
            expire_points(uow, ctx, member.member_id, cashier, now)
            account = uow.accounts.get(member.member_id)
            lots = uow.accounts.lots(member.member_id)
            before_view = member_view(uow, ctx, member, card, now, account=account, lots=lots)
        pm = None
        if member is not None and before_view is not None:
            pm = _pricing_member(member, before_view)
        priced = price_ticket(lines, pm, ctx.program, now.date(), redeem_blocks)
        tenders, change = _settle(payments, priced.due)
        offline = is_offline(uow, now, ctx.program)
        drafts: list[EntryDraft] = []
        if member is not None:
            assert account is not None
            entries = TxnDrafts(
                txn_id, member.member_id, cashier, ticket_id=txn_id, offline=offline
            )
            draft = entries.add
            drafts = entries.drafts
            if stored.value:
                if offline:
                    used = uow.ledger.offline_spent(member.member_id, now.date())
                    cap = ctx.program.offline_cap_per_card_per_day
                    if used + stored > cap:
                        raise errors.OfflineCapExceeded(cap=str(cap), used=str(used))
                split = split_spend(
                    account.principal, account.bonus, stored, ctx.program.spend_order
                )
                draft(EntryKind.SPEND, Bucket.PRINCIPAL, -split.principal.value)
                draft(EntryKind.SPEND, Bucket.BONUS, -split.bonus.value)
            if priced.redeemed_points:
                for year, p in take_fifo(lots, priced.redeemed_points):
                    draft(EntryKind.REDEEM, Bucket.POINTS, -p, year)
            if priced.points_earned:
                for year, p in _earn_lots(lots, priced.points_earned, now.year):
                    draft(EntryKind.EARN, Bucket.POINTS, p, year)

        ticket = Ticket(
            ticket_id=txn_id,
            receipt_no=next_receipt_no(uow),
            till_id=uow.till_id,
            shift_id=shift.shift_id,
            kind="sale",
            member_id=None if member is None else member.member_id,
            card_no=None if card is None else card.card_no,
            created_at=now,
            cashier=cashier,
            approver=None,
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
            upgraded_to=None,
            offline=offline,
            lines=tuple(
                TicketLine(
                    pl.line_no,
                    pl.product.barcode,
                    pl.product.name,
                    pl.product.unit_price,
                    pl.quantity,
                    pl.gross,
                    pl.member_discount,
                    pl.redemption,
                    pl.net,
                )
                for pl in priced.lines
            ),
            tenders=tuple(tenders),
        )
        upgraded = None
        after_view = None
        if member is not None:
            event = TierEvent(now, txn_id, priced.due, priced.points_earned)
            assert pm is not None
            assert account is not None
            upgraded = _tier_after(uow, ctx, member, account, event, now, pm.tier)
            ticket = replace(ticket, upgraded_to=upgraded)
        uow.tickets.add(ticket)
        uow.ledger.append(drafts, now)
        if member is not None:
            uow.accounts.touch_purchase(member.member_id, now)
            if priced.birthday_benefit:
                member = replace(member, birthday_benefit_year=now.year)
                uow.members.save(member, now)
            after_view = member_view(uow, ctx, member, card, now)
        uow.audit.add(
            at=now,
            actor=cashier,
            action="sale",
            subject=ticket.receipt_no,
            amount=priced.due.value,
            detail={"member_id": None if member is None else member.member_id, "offline": offline},
        )
        uow.commit()
    return SaleResult(ticket, priced, before_view, after_view, change, upgraded)


def _earn_lots(lots: dict[int, int], points: int, year: int) -> list[tuple[int, int]]:
    """Earned points first fill any lot a refund left negative, the rest go to this year's lot."""
    parts: list[tuple[int, int]] = []
    left = points
    for y in sorted(lots):
        if lots[y] < 0 and left:
            fill = min(-lots[y], left)
            parts.append((y, fill))
            left -= fill
    if left:
        parts.append((year, left))
    return parts


def _refund_lines(
    original: Ticket, previous: Sequence[Ticket], lines: dict[int, int] | None
) -> tuple[list[TicketLine], dict[int, int]]:
    """The refund's lines (negative), each an exact share of what is left on the original line."""
    refunded_qty: dict[int, int] = {}
    for r in previous:
        for ln in r.lines:
            assert ln.refund_of_line is not None
            refunded_qty[ln.refund_of_line] = refunded_qty.get(ln.refund_of_line, 0) - ln.quantity
    wanted = (
        lines
        if lines is not None
        else {ln.line_no: ln.quantity - refunded_qty.get(ln.line_no, 0) for ln in original.lines}
    )
    wanted = {k: v for k, v in wanted.items() if v}
    if not wanted:
        raise errors.NothingToRefund()
    refund_lines: list[TicketLine] = []
    for i, (line_no, qty) in enumerate(sorted(wanted.items()), start=1):
        line = next((ln for ln in original.lines if ln.line_no == line_no), None)
        left = 0 if line is None else line.quantity - refunded_qty.get(line_no, 0)
        if line is None or qty <= 0 or qty > left:
            raise errors.RefundTooLarge(line=line_no, left=left)
        done_qty = refunded_qty.get(line_no, 0)

        def part(
            amount: Fen, q: int = qty, before: int = done_qty, whole: int = line.quantity
        ) -> Fen:
            return Fen(
                -(_share(amount.value, before + q, whole) - _share(amount.value, before, whole))
            )

        refund_lines.append(
            TicketLine(
                i,
                line.barcode,
                line.name,
                line.unit_price,
                -qty,
                part(line.gross),
                part(line.member_discount),
                part(line.redemption),
                part(line.net),
                line_no,
            )
        )
    return refund_lines, wanted


@dataclass(frozen=True)
class RefundResult:
    ticket: Ticket
    original: Ticket
    member_after: MemberView | None


def _share(amount: int, part: int, whole: int) -> int:
    """Amount × part / whole, rounded half up; shares of a running total refund exactly."""
    return apply_rate(Fen(amount), Decimal(part) / Decimal(whole)).value


def refund(
    ctx: TillContext,
    *,
    txn_id: str,
    cashier: str,
    receipt_no: str,
    lines: dict[int, int] | None,
    approval_id: str | None,
) -> RefundResult:
    """Refund a sale by receipt number, whole (lines=None) or by {line_no: quantity}.

    Money goes back the way it came (stored value to its buckets, the rest as paid); points
    earned are reversed and points redeemed restored, in proportion to what is refunded.
    """
    now = ctx.now()
    with ctx.uow() as uow:
        done = uow.tickets.get(txn_id)
        if done is not None and done.refund_of is not None:
            original = uow.tickets.get(done.refund_of)
            assert original is not None
            return RefundResult(done, original, None)
        original = uow.tickets.by_receipt(receipt_no.strip())
        if original is None or original.kind != "sale":
            raise errors.UnknownTicket(receipt_no=receipt_no)
        shift = uow.shifts.current()
        if shift is None:
            raise errors.ShiftNotOpen()
        previous = uow.tickets.refunds_of(original.ticket_id)
        refund_lines, wanted = _refund_lines(original, previous, lines)
        amount = -total([ln.net for ln in refund_lines]).value  # positive: what goes back
        approver = consume_approval(
            uow, approval_id, action="refund", subject=original.receipt_no, amount=amount, ctx=ctx
        )

        refunded_before = -sum(r.total.value for r in previous)
        paid = [t for t in original.tenders if t.amount.value > 0]
        before_parts = allocate(Fen(refunded_before), [t.amount.value for t in paid])
        after_parts = allocate(Fen(refunded_before + amount), [t.amount.value for t in paid])
        tenders = tuple(
            Tender(t.kind, -(a - b), ZERO, t.reference)
            for t, a, b in zip(paid, after_parts, before_parts, strict=True)
            if (a - b).value
        )

        drafts: list[EntryDraft] = []
        member_id = original.member_id
        points_back = 0
        if member_id is not None:
            entries = uow.ledger.for_ticket(original.ticket_id)
            back_entries = TxnDrafts(
                txn_id, member_id, cashier, approver=approver, ticket_id=txn_id
            )
            draft = back_entries.add
            drafts = back_entries.drafts

            sv = next((t for t in tenders if t.kind == STORED_VALUE), None)
            if sv is not None:
                spent = Split(
                    Fen(
                        -sum(
                            e.amount
                            for e in entries
                            if e.kind == "spend" and e.bucket == "principal"
                        )
                    ),
                    Fen(
                        -sum(e.amount for e in entries if e.kind == "spend" and e.bucket == "bonus")
                    ),
                )
                sv_before = before_parts[[t.kind for t in paid].index(STORED_VALUE)]
                back = split_refund(spent, sv_before, -sv.amount)
                draft(EntryKind.REFUND, Bucket.PRINCIPAL, back.principal.value)
                draft(EntryKind.REFUND, Bucket.BONUS, back.bonus.value)
            whole_due = original.total.value
            earned_before = (
                _share(original.points_earned, refunded_before, whole_due) if whole_due else 0
            )
            earned_after = (
                _share(original.points_earned, refunded_before + amount, whole_due)
                if whole_due
                else original.points_earned
            )
            reversed_points = earned_after - earned_before
            earn_lot = next((e.lot_year for e in entries if e.kind == "earn"), now.year)
            draft(EntryKind.REVERSAL, Bucket.POINTS, -reversed_points, earn_lot)
            red_before = sum(-ln.redemption.value for r in previous for ln in r.lines)
            red_now = -sum(ln.redemption.value for ln in refund_lines)
            if original.redemption.value and red_now:
                lot_parts = [(e.lot_year, -e.amount) for e in entries if e.kind == "redeem"]
                weights = [p for _, p in lot_parts]
                restored_before = allocate(
                    Fen(_share(original.redeemed_points, red_before, original.redemption.value)),
                    weights,
                )
                restored_after = allocate(
                    Fen(
                        _share(
                            original.redeemed_points,
                            red_before + red_now,
                            original.redemption.value,
                        )
                    ),
                    weights,
                )
                for (lot, _), a, b in zip(lot_parts, restored_after, restored_before, strict=True):
                    if (a - b).value:
                        draft(EntryKind.REFUND, Bucket.POINTS, (a - b).value, lot)
                        points_back += (a - b).value
            points_back -= reversed_points

        ticket = Ticket(
            ticket_id=txn_id,
            receipt_no=next_receipt_no(uow),
            till_id=uow.till_id,
            shift_id=shift.shift_id,
            kind="refund",
            member_id=member_id,
            card_no=original.card_no,
            created_at=now,
            cashier=cashier,
            approver=approver,
            refund_of=original.ticket_id,
            gross=total([ln.gross for ln in refund_lines]),
            discount_tier=total([ln.member_discount for ln in refund_lines])
            if original.discount_tier
            else ZERO,
            discount_birthday=total([ln.member_discount for ln in refund_lines])
            if original.discount_birthday
            else ZERO,
            redemption=total([ln.redemption for ln in refund_lines]),
            redeemed_points=0,
            total=Fen(-amount),
            points_earned=points_back,
            points_multiplier=1,
            birthday_benefit=False,
            tier=original.tier,
            upgraded_to=None,
            offline=False,
            lines=tuple(refund_lines),
            tenders=tenders,
        )
        uow.tickets.add(ticket)
        uow.ledger.append(drafts, now)
        after = None
        if member_id is not None:
            member = uow.members.get(member_id)
            assert member is not None
            if member.tier_lock is None:
                status = tier_status(uow.tickets.tier_events(member_id), now, ctx.program)
                uow.accounts.set_tier(member_id, status.code, status.since, status.held_until)
            after = member_view(uow, ctx, member, None, now)
        uow.audit.add(
            at=now,
            actor=cashier,
            approver=approver,
            action="refund",
            subject=original.receipt_no,
            amount=amount,
            detail={
                "refund_receipt": ticket.receipt_no,
                "lines": {str(k): v for k, v in wanted.items()},
            },
        )
        uow.commit()
    return RefundResult(ticket, original, after)


def refund_amount(ctx: TillContext, *, receipt_no: str, lines: dict[int, int] | None) -> int:
    """What a refund would pay back, so a manager approves that exact amount."""
    with ctx.uow(write=False) as uow:
        original = uow.tickets.by_receipt(receipt_no.strip())
        if original is None or original.kind != "sale":
            raise errors.UnknownTicket(receipt_no=receipt_no)
        refund_lines, _ = _refund_lines(original, uow.tickets.refunds_of(original.ticket_id), lines)
        return -total([ln.net for ln in refund_lines]).value


def account_of(ctx: TillContext, member_id: str) -> Account:
    with ctx.uow(write=False) as uow:
        account = uow.accounts.get(member_id)
        if account is None:
            raise errors.UnknownMember(ref=member_id)
        return account
