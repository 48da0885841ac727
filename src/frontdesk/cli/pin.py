"""`frontdesk pin set`: set or reset a member's stored-value PIN."""

from __future__ import annotations

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.services import membership


def set_pin(s: Session) -> Outcome:
    actor = s.actor()
    member_id = s.member_id()
    membership.set_pin(
        s.ctx,
        actor=actor,
        member_id=member_id,
        pin=s.args.new_pin,
        approval_id=s.approval("pin_reset", member_id, 0),
    )
    return Outcome("会员密码已设置", {"member_id": member_id})
