"""`frontdesk points adjust`: a manager-approved points correction."""

from __future__ import annotations

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.services import accounts


def adjust(s: Session) -> Outcome:
    a = s.args
    actor = s.actor()
    member_id = s.member_id()
    account = s.approved(
        lambda approval: accounts.adjust_points(
            s.ctx,
            actor=actor,
            member_id=member_id,
            points=a.points,
            reason=a.reason,
            approval_id=approval,
        )
    )
    text = s.say("said_points_adjusted", points=f"{a.points:+d}", now=account.points)
    return Outcome(text, account)
