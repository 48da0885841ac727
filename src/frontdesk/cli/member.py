"""`frontdesk member add|show|find`: register and look up members (a login is needed to look)."""

from __future__ import annotations

from datetime import date

from frontdesk.cli.errors import UsageError
from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.services import membership
from frontdesk.services.membership import MemberView


def member_text(v: MemberView, *, full_phone: bool = False) -> str:
    lines = [
        f"会员：{v.name}  {v.phone if full_phone else v.masked_phone}  {v.tier_name}",
        f"卡号：{v.card_no or '（无有效卡）'}",
        f"储值余额：{v.balance}（本金 {v.principal}，赠金 {v.bonus}）",
        f"积分：{v.points}",
    ]
    if v.birthday_benefit_available:
        lines.append("生日礼遇：本次可用")
    lines += [f"提示：{w}" for w in v.warnings]
    return "\n".join(lines)


def add(s: Session) -> Outcome:
    a = s.args
    birthday = None
    if a.birthday:
        try:
            birthday = date.fromisoformat(a.birthday)
        except ValueError:
            raise UsageError("bad_date", text=a.birthday) from None
    reg = membership.register(
        s.ctx,
        actor=s.actor(),
        phone=a.phone,
        name=a.name,
        birthday=birthday,
        gender=a.gender,
        consent_terms=a.consent_terms,
        consent_marketing=a.consent_marketing,
        pin=a.member_pin,
    )
    return Outcome(f"已注册会员，卡号 {reg.card_no}\n{member_text(reg.member)}", reg)


def show(s: Session) -> Outcome:
    a = s.args
    actor = s.actor()
    if a.card:
        view = membership.lookup_card(s.ctx, a.card, actor)
    elif a.phone:
        view = membership.find_member(s.ctx, a.phone)
    elif a.member:
        view = membership.member_by_id(s.ctx, a.member)
    else:
        raise UsageError("member_ref")
    full = s.reveal([view.member_id])
    return Outcome(member_text(view, full_phone=full), view, full_personal_data=full)


def find(s: Session) -> Outcome:
    s.actor()  # member data is shown to a logged-in staff member only
    with s.ctx.uow(write=False) as uow:
        found = uow.members.find(s.args.text)
    views = [membership.member_by_id(s.ctx, m.member_id) for m in found]
    full = s.reveal([v.member_id for v in views])
    text = "\n\n".join(member_text(v, full_phone=full) for v in views) or "未找到会员"
    return Outcome(text, views, full_personal_data=full)
