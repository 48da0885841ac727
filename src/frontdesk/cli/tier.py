"""`frontdesk tier lock`: hold a member at a tier, or release the hold."""

from __future__ import annotations

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.services import membership


def lock(s: Session) -> Outcome:
    a = s.args
    actor = s.actor()
    member_id = s.member_id()
    s.approved(
        lambda approval: membership.lock_tier(
            s.ctx,
            actor=actor,
            member_id=member_id,
            tier=a.tier,
            reason=a.reason,
            approval_id=approval,
        )
    )
    text = s.say("said_tier_locked", tier=a.tier) if a.tier else s.say("said_tier_unlocked")
    return Outcome(text, {"member_id": member_id, "tier": a.tier})
