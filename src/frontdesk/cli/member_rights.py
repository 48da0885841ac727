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
        f"会员个人信息副本已写入 {out}（{moves} 笔储值与积分变动）",
        {"path": str(out), "member_id": data["personal"]["member_id"], "movements": moves},
    )


def consent(s: Session) -> Outcome:
    a = s.args
    if a.withdraw_marketing == a.give_marketing:
        raise UsageError("consent_choice")
    member = member_rights.set_marketing_consent(
        s.ctx, actor=s.actor(), member_id=s.member_id(), consent=a.give_marketing
    )
    text = "已撤回营销同意：不再向该会员发送营销信息" if a.withdraw_marketing else "已取得营销同意"
    return Outcome(text, {"member_id": member.member_id, "marketing": a.give_marketing})


def erase(s: Session) -> Outcome:
    member_id = s.member_id()
    actor = s.actor()
    approver = s.approved(
        lambda approval: member_erasure.erase(
            s.ctx, actor=actor, member_id=member_id, approval_id=approval
        )
    )
    return Outcome(
        f"会员 {member_id} 的个人信息已删除（店长 {approver} 批准），账目保留",
        {"member_id": member_id, "approver": approver, "erased": True},
    )
