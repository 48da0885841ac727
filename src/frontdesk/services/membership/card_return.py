"""退卡 by the prepaid-card rules: principal paid back in cash or to the member's bank account.

Above the program's threshold the principal goes to a bank account in the member's own name and
the cashier records the holder's ID card as checked; the calculation, the (masked) account and
the manager's approval are printed on the 退卡单. Everything is one transaction: the ledger's
ordinary entries (cashout of 本金, forfeit of 赠金), the ticket, the payout record, the card's
state and the audit row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from frontdesk.domain import errors
from frontdesk.domain.card_return import (
    BankPayout,
    Calculation,
    Payout,
    by_bank,
    calculate,
    check_holder,
    payout_for,
)
from frontdesk.domain.cards import (
    Card,
    CardAction,
    CardKind,
    card_kind,
    next_state,
    parse_card_number,
)
from frontdesk.domain.ledger import Bucket, EntryKind, TxnDrafts
from frontdesk.domain.money import Fen
from frontdesk.domain.permissions import Operation
from frontdesk.domain.receipt import Receipt
from frontdesk.services.context import TillContext, new_id
from frontdesk.services.membership.enrolment import _record_card
from frontdesk.services.ports import UnitOfWork
from frontdesk.services.printing import job_with_operation
from frontdesk.services.records import CardReturnRecord, Tender, Ticket
from frontdesk.services.staff import authorize, consume_approval
from frontdesk.services.tickets import money_ticket

BANK_TRANSFER = "bank_transfer"  # the tender of a principal paid to the member's bank account


def paid_by_bank(ctx: TillContext, card_no: str) -> bool:
    """Whether this card's 退卡 must be paid to the member's bank account (asked before it)."""
    with ctx.uow(write=False) as uow:
        card = uow.cards.get(number := parse_card_number(card_no))
        if card is None:
            raise errors.UnknownCard(card_no=number)
        account = uow.accounts.get(card.member_id)
        if account is None:
            raise errors.UnknownMember(ref=card.member_id)
    principal = max(account.principal, Fen(0))  # what return_card pays back, as it reckons it
    return by_bank(principal, ctx.program.bank_refund_above)


@dataclass(frozen=True)
class Returned:
    card_no: str
    principal_paid: Fen
    bonus_forfeited: Fen
    ticket: Ticket
    calculation: Calculation
    record: CardReturnRecord

    @property
    def payout(self) -> Payout:
        return Payout(self.record.payout)


def return_card(
    ctx: TillContext,
    *,
    actor: str,
    card_no: str,
    approval_id: str | None,
    bank: BankPayout | None = None,
    receipt: Callable[[TillContext, UnitOfWork, Returned], Receipt | None] | None = None,
) -> Returned:
    """退卡 (manager approval): 本金 back by cash or bank by the threshold, 赠金 forfeited.

    The actor is who checked the member's ID card against the account holder; the approval is
    bound to the card and the principal paid, so it cannot be reused for another amount.
    """
    authorize(ctx, actor, Operation.CARD_RETURN)
    now = ctx.now()
    with ctx.uow() as uow:
        card = uow.cards.get(parse_card_number(card_no))
        if card is None:
            raise errors.UnknownCard(card_no=card_no)
        returned = next_state(card.state, CardAction.RETURN)
        account = uow.accounts.get(card.member_id)
        member = uow.members.get(card.member_id)
        if account is None or member is None:
            raise errors.UnknownMember(ref=card.member_id)
        moves = [
            (EntryKind(e.kind), Bucket(e.bucket), e.amount)
            for e in uow.ledger.for_member(card.member_id)
        ]
        calc = calculate(moves, max(account.principal, Fen(0)), max(account.bonus, Fen(0)))
        principal = calc.principal_refunded
        payout = payout_for(principal, ctx.program.bank_refund_above, bank is not None)
        paid_to = bank if payout is Payout.BANK_TRANSFER else None
        # A bearer card names no holder to match: the ID checked is of who presents the card.
        if paid_to is not None and card_kind(member.phone) is CardKind.NAMED:
            check_holder(paid_to.holder, member.name)
        approver = consume_approval(
            uow,
            approval_id,
            Operation.CARD_RETURN,
            subject=card.card_no,
            amount=principal.value,
            ctx=ctx,
            operator=actor,
        )
        if uow.shifts.current() is None and principal.value:
            raise errors.ShiftNotOpen()
        txn = new_id()
        entries = TxnDrafts(txn, card.member_id, actor, approver=approver, ticket_id=txn)
        entries.add(EntryKind.CASHOUT, Bucket.PRINCIPAL, -principal.value)
        entries.add(EntryKind.FORFEIT, Bucket.BONUS, -calc.bonus_forfeited.value)
        tenders: tuple[Tender, ...] = ()
        if paid_to is not None:
            tenders = (Tender(BANK_TRANSFER, -principal, reference=paid_to.masked_account),)
        elif principal.value:
            tenders = (Tender("cash", -principal),)
        ticket = money_ticket(
            uow,
            ticket_id=txn,
            kind="cashout",
            member_id=card.member_id,
            card_no=card.card_no,
            now=now,
            cashier=actor,
            approver=approver,
            amount=-principal,
            note="退卡退还本金，赠金作废",
            tenders=tenders,
        )
        record = CardReturnRecord(
            ticket_id=txn,
            member_id=card.member_id,
            card_no=card.card_no,
            payout=payout.value,
            account=None if paid_to is None else paid_to.account,
            account_masked=None if paid_to is None else paid_to.masked_account,
            holder=None if paid_to is None else paid_to.holder,
            bank=None if paid_to is None else paid_to.bank,
            id_number=None if paid_to is None else paid_to.id_number,
            id_masked=None if paid_to is None else paid_to.masked_id,
            identity_checked_by=None if paid_to is None else actor,
            calculation=calc.as_fen(),
        )
        uow.tickets.add(ticket)
        uow.ledger.append(entries.drafts, now)
        uow.card_returns.add(record, now)
        uow.cards.set_state(card.card_no, returned, now)
        _record_card(uow, Card(card.card_no, card.member_id, card.generation, returned), now)
        uow.audit.add(
            at=now,
            actor=actor,
            approver=approver,
            action="card_return",
            subject=card.card_no,
            amount=principal.value,
            # Masked only: the audit log travels to head office and into exports.
            detail={
                "bonus_forfeited": calc.bonus_forfeited.value,
                "member_id": card.member_id,
                "payout": payout.value,
                "account": record.account_masked,
                "id_checked": record.id_masked,
            },
        )
        done = Returned(card.card_no, principal, calc.bonus_forfeited, ticket, calc, record)
        if receipt is not None:  # its print job commits with the 退卡 (one 退卡, one job)
            job_with_operation(uow, receipt(ctx, uow, done), now)
        uow.commit()
    return done
