"""`frontdesk refund`: a whole ticket or some lines back, with a manager's approval."""

from __future__ import annotations

from frontdesk.cli.errors import UsageError
from frontdesk.cli.output import Outcome
from frontdesk.cli.printing import wanted
from frontdesk.cli.session import Session
from frontdesk.services import checkout, receipt_making
from frontdesk.services.context import new_id


def lines(specs: list[str] | None) -> dict[int, int] | None:
    if not specs:
        return None
    out = {}
    for spec in specs:
        no, _, qty = spec.partition(":")
        try:
            out[int(no)] = int(qty or "0")
        except ValueError:
            raise UsageError("bad_refund_line", text=spec) from None
    return out


def refund(s: Session) -> Outcome:
    a = s.args
    actor = s.actor()
    chosen = lines(a.line)
    txn_id = a.txn or new_id()
    # The refusal names the amount the refund will pay: the manager approves exactly that.
    result = s.approved(
        lambda approval: checkout.refund(
            s.ctx,
            txn_id=txn_id,
            cashier=actor,
            receipt_no=a.receipt_no,
            lines=chosen,
            approval_id=approval,
            receipt=receipt_making.refund_in if wanted(s) else None,
        )
    )
    text = s.say("said_refunded", receipt_no=result.ticket.receipt_no, amount=-result.ticket.total)
    return Outcome(text, result.ticket, result=result)
