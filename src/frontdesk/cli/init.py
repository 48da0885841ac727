"""`frontdesk init` and `frontdesk demo`: a new till, or a ready demo store."""

from __future__ import annotations

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.services import membership, staff


def init(s: Session) -> Outcome:
    a = s.args
    till = staff.init_till(
        s.ctx,
        store_no=a.store,
        till_no=a.till,
        store_name=a.store_name or s.ctx.program.store_name,
        admin_no=a.admin,
        admin_name=a.admin_name,
        admin_pin=a.admin_pin,
    )
    return Outcome(f"收银台 {till} 已初始化，管理员工号 {a.admin}", {"till_id": till})


def demo(s: Session) -> Outcome:
    from frontdesk.demo import build_demo

    members = build_demo(s.ctx)
    text = (
        "示范门店已建立（工号/密码：收银员 1001/1001，店长 8001/8001，管理员 9001/9001；"
        "会员密码 135790）\n"
    )
    views = [
        membership.member_by_id(s.ctx, membership.find_member(s.ctx, m.phone).member_id)
        for m in members
    ]
    for m, v in zip(members, views, strict=True):
        text += (
            f"{m.name}  {v.masked_phone}  {v.tier_name}  卡号 {m.card_no}  余额 {v.balance}"
            f"（本金 {v.principal} 赠金 {v.bonus}）积分 {v.points}  {m.note}\n"
        )
    return Outcome(text.rstrip(), {"members": members, "views": views})
