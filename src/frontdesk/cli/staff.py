"""`frontdesk staff add|list|disable|enable|unlock|reset-pin|set-role`: this till's staff."""

from __future__ import annotations

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.domain.permissions import ROLE_NAMES
from frontdesk.services import staff_admin
from frontdesk.services.staff_admin import StaffView


def _line(v: StaffView, lang: str) -> str:
    zh = lang == "zh_CN"
    words = [v.staff_no, v.name, ROLE_NAMES[v.role][0 if zh else 1]]
    if v.disabled:
        words.append("已停用" if zh else "disabled")
    if v.locked:
        words.append("已锁定" if zh else "locked")
    if v.approvals_paused_until is not None:
        until = f"{v.approvals_paused_until:%H:%M}"
        words.append(f"审批暂停至 {until}" if zh else f"approvals paused until {until}")
    return "  ".join(words)


def _changed(s: Session, view: StaffView, zh: str, en: str) -> Outcome:
    said = f"{zh}：" if s.lang == "zh_CN" else f"{en}: "
    return Outcome(said + _line(view, s.lang), view)


def add(s: Session) -> Outcome:
    a = s.args
    view = staff_admin.add_staff(
        s.ctx, actor=s.actor(), staff_no=a.staff_no, name=a.name, role=a.role, pin=a.new_pin
    )
    return _changed(s, view, "已添加员工", "Staff member added")


def list_staff(s: Session) -> Outcome:
    views = staff_admin.list_staff(s.ctx, actor=s.actor())
    return Outcome("\n".join(_line(v, s.lang) for v in views), views)


def disable(s: Session) -> Outcome:
    view = staff_admin.set_disabled(s.ctx, actor=s.actor(), staff_no=s.args.staff_no, disabled=True)
    return _changed(s, view, "已停用", "Disabled")


def enable(s: Session) -> Outcome:
    view = staff_admin.set_disabled(
        s.ctx, actor=s.actor(), staff_no=s.args.staff_no, disabled=False
    )
    return _changed(s, view, "已启用", "Enabled")


def unlock(s: Session) -> Outcome:
    view = staff_admin.unlock(s.ctx, actor=s.actor(), staff_no=s.args.staff_no)
    return _changed(s, view, "已解锁", "Unlocked")


def reset_pin(s: Session) -> Outcome:
    a = s.args
    view = staff_admin.reset_pin(s.ctx, actor=s.actor(), staff_no=a.staff_no, new_pin=a.new_pin)
    return _changed(s, view, "已重置密码", "PIN reset")


def set_role(s: Session) -> Outcome:
    a = s.args
    view = staff_admin.set_role(s.ctx, actor=s.actor(), staff_no=a.staff_no, role=a.role)
    return _changed(s, view, "已修改角色", "Role changed")
