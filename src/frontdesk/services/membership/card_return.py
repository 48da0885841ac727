"""退卡: a card handed back, its deposit and principal paid out, the account closed."""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.domain import errors
from frontdesk.domain.cards import Card, CardAction, next_state
from frontdesk.domain.ledger import Bucket, EntryKind, TxnDrafts
from frontdesk.domain.money import Fen
from frontdesk.domain.permissions import Operation
from frontdesk.domain.stored_value import cash_out
from frontdesk.services.context import TillContext, new_id
from frontdesk.services.membership.card_states import _card_for_change
from frontdesk.services.membership.enrolment import _record_card
from frontdesk.services.records import Tender, Ticket
from frontdesk.services.staff import authorize, consume_approval
from frontdesk.services.tickets import money_ticket


@dataclass(frozen=True)
class Returned:
    card_no: str
    cash_paid: Fen
    bonus_forfeited: Fen
    ticket: Ticket


def return_card(ctx: TillContext, *, actor: str, card_no: str, approval_id: str | None) -> Returned:
    """退卡: the card is returned, principal paid back in cash, bonus forfeited (manager)."""
    authorize(ctx, actor, Operation.CARD_RETURN)
    now = ctx.now()
    with ctx.uow() as uow:
        card = _card_for_change(uow, card_no)
        returned = next_state(card.state, CardAction.RETURN)
        account = uow.accounts.get(card.member_id)
        if account is None:
            raise errors.UnknownMember(ref=card.member_id)
        split = cash_out(account.principal, account.bonus)
        approver = consume_approval(
            uow,
            approval_id,
            action="return",
            subject=card.card_no,
            amount=split.principal.value,
            ctx=ctx,
            operator=actor,
        )
        shift = uow.shifts.current()
        if shift is None and split.principal.value:
            raise errors.ShiftNotOpen()
        txn = new_id()
        entries = TxnDrafts(txn, card.member_id, actor, approver=approver, ticket_id=txn)
        entries.add(EntryKind.CASHOUT, Bucket.PRINCIPAL, -split.principal.value)
        entries.add(EntryKind.FORFEIT, Bucket.BONUS, -split.bonus.value)
        ticket = money_ticket(
            uow,
            ticket_id=txn,
            kind="cashout",
            member_id=card.member_id,
            card_no=card.card_no,
            now=now,
            cashier=actor,
            approver=approver,
            amount=-split.principal,
            note="退卡退还本金，赠金作废",
            tenders=(Tender("cash", -split.principal),) if split.principal.value else (),
        )
        uow.tickets.add(ticket)
        uow.ledger.append(entries.drafts, now)
        uow.cards.set_state(card.card_no, returned, now)
        _record_card(uow, Card(card.card_no, card.member_id, card.generation, returned), now)
        uow.audit.add(
            at=now,
            actor=actor,
            approver=approver,
            action="card_return",
            subject=card.card_no,
            amount=split.principal.value,
            detail={"bonus_forfeited": split.bonus.value, "member_id": card.member_id},
        )
        uow.commit()
    return Returned(card.card_no, split.principal, split.bonus, ticket)
