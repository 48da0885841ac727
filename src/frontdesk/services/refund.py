"""Refunding a sale by receipt number: whole or by line, money back the way it came."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from frontdesk.domain import errors
from frontdesk.domain.ledger import EntryDraft, TxnDrafts
from frontdesk.domain.money import Fen
from frontdesk.domain.permissions import Operation
from frontdesk.domain.receipt import Receipt
from frontdesk.domain.refund import paid_back, plan_refund, refund_lines
from frontdesk.domain.tiers import TierStatus, refunded_in_full, tier_status
from frontdesk.services.context import TillContext, next_receipt_no
from frontdesk.services.membership import MemberView, member_view
from frontdesk.services.ports import UnitOfWork
from frontdesk.services.printing import job_with_operation
from frontdesk.services.records import Ticket
from frontdesk.services.staff import authorize, consume_approval
from frontdesk.services.tiering import stored_status, tier_now

# A ticket's kind as its receipt is named (the catalogue's ReceiptKind vocabulary).
_RECEIPT_KINDS = {
    "topup": "top_up",
    "refund": "refund",
    "reissue": "card_reissue",
    "cashout": "card_return",
}


@dataclass(frozen=True)
class RefundResult:
    ticket: Ticket
    original: Ticket
    member_after: MemberView | None

    @property
    def amount(self) -> Fen:
        """What was paid back (the refund ticket's total is negative)."""
        return -self.ticket.total


def _sale(uow: UnitOfWork, receipt_no: str) -> Ticket:
    original = uow.tickets.by_receipt(receipt_no.strip())
    if original is None:
        raise errors.UnknownTicket(receipt_no=receipt_no)
    if original.kind != "sale":  # it exists: say what it is, not that it is missing
        kind = _RECEIPT_KINDS.get(original.kind, original.kind)
        raise errors.NotASale(receipt_no=original.receipt_no, kind=kind)
    return original


def _tier_after(
    uow: UnitOfWork,
    ctx: TillContext,
    original: Ticket,
    refunds: Sequence[Ticket],
    now: datetime,
) -> TierStatus:
    """The member's tier once this refund commits, replaying the history only when it must.

    A sale refunded in full leaves the history, and with it any upgrade it won (DOMAIN §3):
    every later decision may change, so the whole history is replayed. A refund that leaves
    part of the sale paid is a ticket dated now that is no upgrade question: the stored status
    carries forward, reading at most one window when a hold runs out (as a sale's check does).
    """
    member_id = original.member_id
    assert member_id is not None
    if refunded_in_full(original.total.value, -sum(r.total.value for r in refunds)):
        return tier_status(uow.tickets.tier_events(member_id), now, ctx.program)
    account = uow.accounts.get(member_id)
    assert account is not None
    return tier_now(uow, ctx.program, member_id, stored_status(account), now)


def refund(
    ctx: TillContext,
    *,
    txn_id: str,
    cashier: str,
    receipt_no: str,
    lines: dict[int, int] | None,
    approval_id: str | None,
    receipt: Callable[[TillContext, UnitOfWork, RefundResult], Receipt | None] | None = None,
) -> RefundResult:
    """Refund a sale by receipt number, whole (lines=None) or by {line_no: quantity}.

    Money goes back the way it came (stored value to its buckets, the rest as paid); points
    earned are reversed and points redeemed restored, in proportion to what is refunded. With
    a `receipt` maker the refund's print job is written in its own transaction, as a sale's is.
    """
    authorize(ctx, cashier, Operation.REFUND)
    now = ctx.now()
    with ctx.uow() as uow:
        done = uow.tickets.get(txn_id)
        if done is not None and done.refund_of is not None:
            original = uow.tickets.get(done.refund_of)
            assert original is not None
            return RefundResult(done, original, None)
        original = _sale(uow, receipt_no)
        shift = uow.shifts.current()
        if shift is None:
            raise errors.ShiftNotOpen()
        previous = uow.tickets.refunds_of(original.ticket_id)
        member_id = original.member_id
        sale_entries = None if member_id is None else uow.ledger.for_ticket(original.ticket_id)
        plan = plan_refund(original, previous, lines, sale_entries, now.year)
        approver = consume_approval(
            uow,
            approval_id,
            Operation.REFUND,
            subject=original.receipt_no,
            amount=plan.amount.value,
            ctx=ctx,
            operator=cashier,
        )
        drafts: list[EntryDraft] = []
        if member_id is not None:
            entries = TxnDrafts(txn_id, member_id, cashier, approver=approver, ticket_id=txn_id)
            drafts = plan.drafts(entries).drafts
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
            gross=plan.gross,
            discount_tier=plan.discount_tier,
            discount_birthday=plan.discount_birthday,
            redemption=plan.redemption,
            # Kept apart, as the sale keeps them: the earned points taken back (negative) and
            # the redeemed points given back. Their net (9,915 for −85 and +10,000) read as
            # points earned and raised the member's twelve-month points for the tier.
            redeemed_points=plan.points_restored,
            total=-plan.amount,
            points_earned=-plan.points_reversed,
            points_multiplier=1,
            birthday_benefit=False,
            tier=original.tier,
            upgraded_to=None,
            offline=False,
            lines=plan.lines,
            tenders=plan.tenders,
        )
        uow.tickets.add(ticket)
        uow.ledger.append(drafts, now)
        after = None
        if member_id is not None:
            member = uow.members.get(member_id)
            assert member is not None
            if member.tier_lock is None:
                status = _tier_after(uow, ctx, original, (*previous, ticket), now)
                uow.accounts.set_tier(member_id, status.code, status.since, status.held_until)
            after = member_view(uow, ctx, member, None, now)
        uow.audit.add(
            at=now,
            actor=cashier,
            approver=approver,
            action="refund",
            subject=original.receipt_no,
            amount=plan.amount.value,
            detail={
                "refund_receipt": ticket.receipt_no,
                "lines": {str(k): v for k, v in plan.wanted.items()},
            },
        )
        result = RefundResult(ticket, original, after)
        if receipt is not None:
            job_with_operation(uow, receipt(ctx, uow, result), now)
        uow.commit()
    return result


def refund_amount(ctx: TillContext, *, receipt_no: str, lines: dict[int, int] | None) -> int:
    """What a refund would pay back, so a manager approves that exact amount."""
    with ctx.uow(write=False) as uow:
        original = _sale(uow, receipt_no)
        found, _ = refund_lines(original, uow.tickets.refunds_of(original.ticket_id), lines)
        return paid_back(found).value
