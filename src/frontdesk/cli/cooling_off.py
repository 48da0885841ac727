"""`frontdesk topup-return`: a top-up returned whole in the cooling-off period (冷静期退款)."""

from __future__ import annotations

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.services import cooling_off


def refund_top_up(s: Session) -> Outcome:
    r = cooling_off.refund_top_up(s.ctx, actor=s.actor(), receipt_no=s.args.receipt_no)
    text = s.say(
        "said_topup_returned",
        topup_receipt_no=r.topup.receipt_no,
        principal=r.returned.principal,
        bonus=r.returned.bonus,
        receipt_no=r.ticket.receipt_no,
    )
    shown = {
        "topup_receipt_no": r.topup.receipt_no,
        "receipt_no": r.ticket.receipt_no,
        "principal": r.returned.principal.value,
        "bonus": r.returned.bonus.value,
    }
    return Outcome(text, shown, result=r)
