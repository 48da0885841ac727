"""`frontdesk pin set`: set or reset a member's stored-value PIN."""

from __future__ import annotations

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.services import membership


def set_pin(s: Session) -> Outcome:
    actor = s.actor()
    member_id = s.member_id()
    s.approved(
        lambda approval: membership.set_pin(
            s.ctx, actor=actor, member_id=member_id, pin=s.args.new_pin, approval_id=approval
        )
    )
    return Outcome(s.say("said_pin_set"), {"member_id": member_id})
