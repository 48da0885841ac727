"""`frontdesk card …`: issue, 挂失/解挂, freeze, 补卡, 退卡 and the printable member card."""

from __future__ import annotations

from pathlib import Path

from frontdesk.cli.errors import UsageError
from frontdesk.cli.output import Outcome
from frontdesk.cli.printing import wanted
from frontdesk.cli.session import Session
from frontdesk.domain.card_return import BankPayout, Payout
from frontdesk.domain.cards import CardAction, parse_card_number
from frontdesk.services import membership, receipt_making

STATE_ACTIONS = {
    "lost": CardAction.REPORT_LOST,
    "unlost": CardAction.UNREPORT,
    "freeze": CardAction.FREEZE,
    "unfreeze": CardAction.UNFREEZE,
}


def issue(s: Session) -> Outcome:
    if bool(s.args.bearer) == bool(s.args.member):
        raise UsageError("issue_whom")
    if s.args.bearer:
        b = membership.issue_bearer_card(s.ctx, actor=s.actor(), pin=s.args.member_pin)
        data = {
            "card_no": b.card_no,
            "member_id": b.member_id,
            "kind": "bearer",
            "cap_fen": b.cap.value,
        }
        return Outcome(s.say("said_bearer_card_issued", card_no=b.card_no, cap=b.cap), data)
    card_no = membership.issue_card(s.ctx, actor=s.actor(), member_id=s.args.member)
    return Outcome(s.say("said_card_issued", card_no=card_no), {"card_no": card_no})


def reissue(s: Session) -> Outcome:
    a = s.args
    card_no = parse_card_number(a.card_no)
    actor = s.actor()
    r = s.approved(
        lambda approval: membership.reissue_card(
            s.ctx,
            actor=actor,
            card_no=card_no,
            phone=a.phone,
            name=a.name,
            fee_tender=a.tender,
            fee_reference=a.ref,
            waive_approval_id=approval,
            waive_reason=a.waive_reason,
            receipt=receipt_making.reissue_in if wanted(s) else None,  # its job commits with it
        )
    )
    text = s.say("said_card_reissued", old=r.old_card, new=r.new_card, fee=r.fee)
    return Outcome(text, r, result=r)


def return_card(s: Session) -> Outcome:
    a = s.args
    card_no = parse_card_number(a.card_no)
    actor = s.actor()
    bank = None
    given = (a.bank_account, a.holder, a.bank, a.id_number)
    if any(given):
        if not all(given):
            raise UsageError("return_bank")
        bank = BankPayout.read(
            account=a.bank_account, holder=a.holder, bank=a.bank, id_number=a.id_number
        )
    returned = s.approved(
        lambda approval: membership.return_card(
            s.ctx,
            actor=actor,
            card_no=card_no,
            approval_id=approval,
            bank=bank,
            receipt=receipt_making.card_return_in if wanted(s) else None,
        )
    )
    text = s.say("said_card_returned", cash=returned.principal_paid, bonus=returned.bonus_forfeited)
    if returned.payout is Payout.BANK_TRANSFER:
        r = returned.record
        text += s.say("said_paid_to_bank", account=r.account_masked, holder=r.holder)
    elif returned.principal_paid.value:
        text += s.say("said_paid_in_cash")
    return Outcome(text, _shown(returned), result=returned)


def _shown(returned: membership.Returned) -> dict[str, object]:
    """What `--json` prints: the calculation and the masked account, never the full numbers."""
    r = returned.record
    return {
        "card_no": returned.card_no,
        "receipt_no": returned.ticket.receipt_no,
        "payout": r.payout,
        "principal_paid": returned.principal_paid.value,
        "bonus_forfeited": returned.bonus_forfeited.value,
        "account": r.account_masked,
        "holder": r.holder,
        "id_checked": r.id_masked,
        "calculation": r.calculation,
    }


def change_state(s: Session) -> Outcome:
    a = s.args
    card_no = parse_card_number(a.card_no)
    act = STATE_ACTIONS[a.card_action]
    actor = s.actor()
    card = s.approved(
        lambda approval: membership.change_card_state(
            s.ctx,
            actor=actor,
            card_no=card_no,
            action=act,
            approval_id=approval,
            reason=a.reason or "",
        )
    )
    text = s.say("said_card_changed", card_no=card.card_no, action=act, state=card.state)
    return Outcome(text, card)


def print_card(s: Session) -> Outcome:
    from frontdesk.hardware.member_card import CardFace, write_member_card

    card_no = parse_card_number(s.args.card_no)
    s.actor()  # the card face carries the member's name
    with s.ctx.uow(write=False) as uow:
        card = uow.cards.get(card_no)
        member = None if card is None else uow.members.get(card.member_id)
        store_name = uow.settings.get("store_name") or s.ctx.program.store_name
    if card is None or member is None:
        raise UsageError("no_card", text=card_no)
    view = membership.member_by_id(s.ctx, member.member_id)
    face = CardFace(store_name, view.tier_name, member.name, card_no)
    path = write_member_card(face, Path(s.args.out))
    return Outcome(s.say("said_card_saved", path=path), {"card_no": card_no, "path": str(path)})
