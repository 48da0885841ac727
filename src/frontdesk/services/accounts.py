"""Account movements outside a sale: top-ups with bonus, points adjustments, points expiry."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from frontdesk.domain import errors
from frontdesk.domain.cards import card_kind
from frontdesk.domain.ledger import Bucket, EntryDraft, EntryKind, TxnDrafts
from frontdesk.domain.money import ZERO, Fen
from frontdesk.domain.permissions import Operation
from frontdesk.domain.points import expired_lots, take_fifo
from frontdesk.domain.receipt import Receipt
from frontdesk.domain.stored_value import check_balance_cap, topup_split
from frontdesk.domain.tenders import PAID_TENDERS as PAID_TENDERS
from frontdesk.domain.tenders import Tender, check_reference, check_topup_tender
from frontdesk.services.context import TillContext, new_id
from frontdesk.services.manager_screens import screens_approver
from frontdesk.services.ports import UnitOfWork
from frontdesk.services.printing import job_with_operation
from frontdesk.services.records import Account, Ticket
from frontdesk.services.staff import authorize, consume_approval
from frontdesk.services.tickets import money_ticket


@dataclass(frozen=True)
class TopUp:
    ticket: Ticket
    principal: Fen
    bonus: Fen
    before: Account
    after: Account


def expire_points(
    uow: UnitOfWork,
    ctx: TillContext,
    member_id: str,
    actor: str,
    now: datetime,
    lots: Mapping[int, int] | None = None,
) -> list[EntryDraft]:
    """Write expiry entries for lots past their last day; runs before any points move.

    A caller that has read the lots passes them in and moves its copy by the entries returned.
    """
    if lots is None:
        lots = uow.accounts.lots(member_id)
    due = expired_lots(lots, now.date(), ctx.program)
    if not due:
        return []
    entries = TxnDrafts(new_id(), member_id, actor)
    for year, points in due:
        entries.add(EntryKind.EXPIRE, Bucket.POINTS, -points, year)
    uow.ledger.append(entries.drafts, now)
    return entries.drafts


def topup(
    ctx: TillContext,
    *,
    actor: str,
    member_id: str,
    amount: Fen,
    tender: str = "cash",
    reference: str | None = None,
    txn_id: str | None = None,
    receipt: Callable[[TillContext, UnitOfWork, TopUp], Receipt | None] | None = None,
    screens_approval: str | None = None,
) -> TopUp:
    """充值: principal plus the bonus of the highest rule reached, as two ledger entries.

    A till that prints passes its `receipt` maker: the receipt's print job is written in the
    top-up's own transaction (one top-up, one job, whatever kills the till after the commit).
    Done in the manager screens (``screens_approval``), the manager who opened them is its
    approver.
    """
    authorize(ctx, actor, Operation.TOPUP)
    check_topup_tender(tender)
    check_reference(tender, reference)
    split = topup_split(amount, ctx.program)
    txn = txn_id or new_id()
    now = ctx.now()
    with ctx.uow() as uow:
        existing = uow.tickets.get(txn)
        if existing is not None:  # the same top-up sent twice: answer, don't pay twice
            account = uow.accounts.get(member_id)
            assert account is not None
            return TopUp(existing, split.principal, split.bonus, account, account)
        shift = uow.shifts.current()
        if shift is None:
            raise errors.ShiftNotOpen()
        before = uow.accounts.get(member_id)
        if before is None:
            raise errors.UnknownMember(ref=member_id)
        member = uow.members.get(member_id)
        assert member is not None  # an account is always a member's
        check_balance_cap(before.balance, amount, ctx.program, card_kind(member.phone))
        approver = screens_approver(uow, screens_approval, actor)
        entries = TxnDrafts(txn, member_id, actor, approver=approver, ticket_id=txn)
        entries.add(EntryKind.TOPUP, Bucket.PRINCIPAL, split.principal.value)
        entries.add(EntryKind.BONUS, Bucket.BONUS, split.bonus.value)
        ticket = money_ticket(
            uow,
            ticket_id=txn,
            kind="topup",
            member_id=member_id,
            card_no=None,
            now=now,
            cashier=actor,
            approver=approver,
            amount=amount,
            note=f"充值赠送 {split.bonus}",
            tenders=(Tender(tender, amount, ZERO, reference),),
        )
        uow.tickets.add(ticket)
        uow.ledger.append(entries.drafts, now)
        uow.audit.add(
            at=now,
            actor=actor,
            approver=approver,
            action="topup",
            subject=member_id,
            amount=amount.value,
            detail={"bonus": split.bonus.value, "receipt_no": ticket.receipt_no},
        )
        after = uow.accounts.get(member_id)
        assert after is not None
        done = TopUp(ticket, split.principal, split.bonus, before, after)
        if receipt is not None:
            job_with_operation(uow, receipt(ctx, uow, done), now)
        uow.commit()
    return done


def adjust_points(
    ctx: TillContext,
    *,
    actor: str,
    member_id: str,
    points: int,
    reason: str,
    approval_id: str | None,
) -> Account:
    """Manual points adjustment: approval bound to the amount, reason required (seed 003)."""
    authorize(ctx, actor, Operation.POINTS_ADJUST)
    if not reason.strip():
        raise errors.ReasonRequired()
    if points == 0:
        raise errors.InvalidAmount(amount="0")
    now = ctx.now()
    with ctx.uow() as uow:
        if uow.accounts.get(member_id) is None:
            raise errors.UnknownMember(ref=member_id)
        approver = consume_approval(
            uow,
            approval_id,
            Operation.POINTS_ADJUST,
            subject=member_id,
            amount=points,
            ctx=ctx,
            operator=actor,
        )
        expire_points(uow, ctx, member_id, actor, now)
        txn = new_id()
        if points > 0:
            parts = [(now.year, points)]
        else:
            lots = uow.accounts.lots(member_id)
            available = sum(p for p in lots.values() if p > 0)
            if available < -points:
                raise errors.InsufficientPoints(points=available, needed=-points)
            parts = [(y, -p) for y, p in take_fifo(lots, -points)]
        entries = TxnDrafts(txn, member_id, actor, approver=approver)
        for year, p in parts:
            entries.add(EntryKind.ADJUST, Bucket.POINTS, p, year)
        uow.ledger.append(entries.drafts, now)
        uow.audit.add(
            at=now,
            actor=actor,
            approver=approver,
            action="points_adjust",
            subject=member_id,
            amount=points,
            detail={"reason": reason},
        )
        account = uow.accounts.get(member_id)
        assert account is not None
        uow.commit()
        return account


def account_of(ctx: TillContext, member_id: str) -> Account:
    with ctx.uow(write=False) as uow:
        account = uow.accounts.get(member_id)
        if account is None:
            raise errors.UnknownMember(ref=member_id)
        return account
