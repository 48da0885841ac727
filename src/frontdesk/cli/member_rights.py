"""`frontdesk member export|erase|consent`: a member's copy of their data, marketing consent on its own."""

from __future__ import annotations

import json
from pathlib import Path

from frontdesk.cli.errors import UsageError
from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.services import member_erasure, member_rights


def export_data(s: Session) -> Outcome:
    actor = s.actor()
    data = member_rights.member_data(s.ctx, actor=actor, member_id=s.member_id())
    out = Path(s.args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    moves = len(data["movements"])
    return Outcome(
        s.say("said_member_data_exported", path=out, count=moves),
        {"path": str(out), "member_id": data["personal"]["member_id"], "movements": moves},
    )


def consent(s: Session) -> Outcome:
    a = s.args
    if a.withdraw_marketing == a.give_marketing:
        raise UsageError("consent_choice")
    member = member_rights.set_marketing_consent(
        s.ctx, actor=s.actor(), member_id=s.member_id(), consent=a.give_marketing
    )
    said = "said_marketing_withdrawn" if a.withdraw_marketing else "said_marketing_given"
    return Outcome(s.say(said), {"member_id": member.member_id, "marketing": a.give_marketing})


def erase(s: Session) -> Outcome:
    member_id = s.member_id()
    actor = s.actor()
    approver = s.approved(
        lambda approval: member_erasure.erase(
            s.ctx, actor=actor, member_id=member_id, approval_id=approval
        )
    )
    return Outcome(
        s.say("said_member_erased", member_id=member_id, approver=approver),
        {"member_id": member_id, "approver": approver, "erased": True},
    )
