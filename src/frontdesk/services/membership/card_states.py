"""挂失/解挂/冻结/解冻 and 补卡: a card's state changes, audited and approved."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from frontdesk.domain import errors
from frontdesk.domain.cards import (
    Card,
    CardAction,
    card_kind,
    check_kind_allows,
    next_generation,
    next_state,
    parse_card_number,
)
from frontdesk.domain.members import same_person
from frontdesk.domain.money import ZERO, Fen
from frontdesk.domain.permissions import Operation
from frontdesk.domain.receipt import Receipt
from frontdesk.services.context import TillContext, new_id
from frontdesk.services.manager_screens import screens_approver
from frontdesk.services.membership.enrolment import _new_card, _record_card
from frontdesk.services.ports import UnitOfWork
from frontdesk.services.printing import job_with_operation
from frontdesk.services.records import Tender, Ticket
from frontdesk.services.staff import authorize, consume_approval
from frontdesk.services.tickets import money_ticket


def _card_for_change(uow: UnitOfWork, code: str) -> Card:
    card_no = parse_card_number(code)
    card = uow.cards.get(card_no)
    if card is None:
        raise errors.UnknownCard(card_no=card_no)
    return card


def change_card_state(
    ctx: TillContext,
    *,
    actor: str,
    card_no: str,
    action: CardAction,
    approval_id: str | None = None,
    reason: str = "",
    screens_approval: str | None = None,
) -> Card:
    """挂失 (anyone at the counter, blocks at once), 解挂 / 冻结 / 解冻 (manager approval)."""
    if action in (CardAction.REPLACE, CardAction.RETURN):
        raise ValueError("reissue and return have their own use cases")
    authorize(ctx, actor, Operation(action.value))
    now = ctx.now()
    with ctx.uow() as uow:
        card = _card_for_change(uow, card_no)
        holder = uow.members.get(card.member_id)
        check_kind_allows(card_kind(None if holder is None else holder.phone), action)
        new_state = next_state(card.state, action)
        approver = screens_approver(uow, screens_approval, actor)
        approver = (  # 挂失 needs no approval of its own: the table says so
            consume_approval(
                uow,
                approval_id,
                Operation(action.value),
                subject=card.card_no,
                amount=0,
                ctx=ctx,
                operator=actor,
            )
            or approver
        )
        undoes = uow.cards.state_since(card.card_no) if action is CardAction.UNREPORT else None
        uow.cards.set_state(card.card_no, new_state, now)
        changed = Card(card.card_no, card.member_id, card.generation, new_state)
        _record_card(uow, changed, now, undoes)
        uow.audit.add(
            at=now,
            actor=actor,
            approver=approver,
            action=f"card_{action.value}",
            subject=card.card_no,
            detail={
                "member_id": card.member_id,
                "from": card.state.value,
                "to": new_state.value,
                "reason": reason,
            },
        )
        uow.commit()
        return changed


@dataclass(frozen=True)
class Reissued:
    old_card: str
    new_card: str
    fee: Fen
    ticket: Ticket | None


def reissue_card(
    ctx: TillContext,
    *,
    actor: str,
    card_no: str,
    phone: str,
    name: str,
    fee_tender: str | None = "cash",
    fee_reference: str | None = None,
    waive_approval_id: str | None = None,
    waive_reason: str | None = None,
    receipt: Callable[[TillContext, UnitOfWork, Reissued], Receipt | None] | None = None,
    screens_approval: str | None = None,
) -> Reissued:
    """补卡: identity check (phone + name), fee unless a manager waives it; no money moves.

    A reason (or an approval) asks for the waiver: it needs both, and the manager's approval of
    this card and this fee, asked for by the refusal when it is missing; the fee is never
    charged instead. With a `receipt` maker the fee's print job is written in this transaction
    (none if waived).
    """
    authorize(ctx, actor, Operation.REISSUE_CARD)
    now = ctx.now()
    with ctx.uow() as uow:
        old = _card_for_change(uow, card_no)
        member = uow.members.get(old.member_id)
        if member is None:
            raise errors.UnknownMember(ref=old.member_id)
        check_kind_allows(card_kind(member.phone), CardAction.REPLACE)
        if not same_person(phone, name, member.phone, member.name):
            uow.audit.add(
                at=now,
                actor=actor,
                action="card_replace",
                subject=old.card_no,
                outcome="refused",
                detail={"reason": "identity"},
            )
            uow.commit()
            raise errors.IdentityMismatch()
        replaced = next_state(old.state, CardAction.REPLACE)
        fee = ctx.program.reissue_fee
        approver = screens_approver(uow, screens_approval, actor)
        ticket = None
        if waive_reason is not None or waive_approval_id is not None:
            if not (waive_reason or "").strip():
                raise errors.ReasonRequired()
            approver = consume_approval(
                uow,
                waive_approval_id,
                Operation.REISSUE_FEE_WAIVER,
                subject=old.card_no,
                amount=fee.value,
                ctx=ctx,
                operator=actor,
            )
            fee = ZERO
        elif fee.value and fee_tender is None:
            raise errors.FeeNotPaid(fee=str(fee))
        uow.cards.set_state(old.card_no, replaced, now)
        _record_card(uow, Card(old.card_no, old.member_id, old.generation, replaced), now)
        generation = next_generation(uow.cards.for_member(member.member_id))
        new = _new_card(uow, member.member_id, generation, now)
        if fee.value:
            ticket = money_ticket(
                uow,
                ticket_id=new_id(),
                kind="reissue",
                member_id=member.member_id,
                card_no=new.card_no,
                now=now,
                cashier=actor,
                approver=approver,
                amount=fee,
                note="补卡工本费",
                tenders=(Tender(fee_tender or "cash", fee, ZERO, fee_reference),),
            )
            uow.tickets.add(ticket)
        uow.audit.add(
            at=now,
            actor=actor,
            approver=approver,
            action="card_replace",
            subject=old.card_no,
            amount=fee.value,
            detail={
                "new_card": new.card_no,
                "member_id": member.member_id,
                "waived": waive_approval_id is not None,
                "reason": waive_reason,
            },
        )
        done = Reissued(old.card_no, new.card_no, fee, ticket)
        if receipt is not None:
            job_with_operation(uow, receipt(ctx, uow, done), now)
        uow.commit()
    return done
