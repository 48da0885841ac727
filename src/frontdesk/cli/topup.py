"""`frontdesk topup`: stored value paid in, with the program's bonus."""

from __future__ import annotations

from frontdesk.cli.errors import UsageError
from frontdesk.cli.output import Outcome
from frontdesk.cli.printing import wanted
from frontdesk.cli.session import Session, fen
from frontdesk.services import accounts, receipt_making


def topup(s: Session) -> Outcome:
    a = s.args
    if a.tender not in accounts.PAID_TENDERS:
        raise UsageError("bad_tender", kinds=", ".join(accounts.PAID_TENDERS), text=a.tender)
    amount = fen(a.amount)
    actor = s.actor()
    r = accounts.topup(
        s.ctx,
        actor=actor,
        member_id=s.member_id(),
        amount=amount,
        tender=a.tender,
        reference=a.ref,
        receipt=receipt_making.topup_in if wanted(s) else None,  # its job commits with it
    )
    text = s.say(
        "said_topped_up",
        amount=amount,
        bonus=r.bonus,
        balance=r.after.balance,
        principal=r.after.principal,
        bonus_now=r.after.bonus,
        receipt_no=r.ticket.receipt_no,
    )
    return Outcome(text, r, result=r)
