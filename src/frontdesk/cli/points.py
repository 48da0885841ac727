"""`frontdesk points adjust`: a manager-approved points correction."""

from __future__ import annotations

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.services import accounts


def adjust(s: Session) -> Outcome:
    a = s.args
    actor = s.actor()
    member_id = s.member_id()
    account = accounts.adjust_points(
        s.ctx,
        actor=actor,
        member_id=member_id,
        points=a.points,
        reason=a.reason,
        approval_id=s.approval("points_adjust", member_id, a.points),
    )
    return Outcome(f"积分已调整 {a.points:+d}，当前积分 {account.points}", account)
