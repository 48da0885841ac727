"""`frontdesk staff add|list|disable|enable|unlock|reset-pin|set-role`: this till's staff."""

from __future__ import annotations

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.domain.permissions import ROLE_NAMES
from frontdesk.services import staff_admin
from frontdesk.services.staff_admin import StaffView


def _line(s: Session, v: StaffView) -> str:
    words = [v.staff_no, v.name, ROLE_NAMES[v.role][0 if s.lang == "zh_CN" else 1]]
    if v.disabled:
        words.append(s.say("said_staff_is_disabled"))
    if v.locked:
        words.append(s.say("said_staff_is_locked"))
    if v.approvals_paused_until is not None:
        words.append(s.say("said_staff_paused", until=f"{v.approvals_paused_until:%H:%M}"))
    return "  ".join(words)


def _changed(s: Session, view: StaffView, key: str) -> Outcome:
    return Outcome(s.say(key, staff=_line(s, view)), view)


def add(s: Session) -> Outcome:
    a = s.args
    view = staff_admin.add_staff(
        s.ctx, actor=s.actor(), staff_no=a.staff_no, name=a.name, role=a.role, pin=a.new_pin
    )
    return _changed(s, view, "said_staff_added")


def list_staff(s: Session) -> Outcome:
    views = staff_admin.list_staff(s.ctx, actor=s.actor())
    return Outcome("\n".join(_line(s, v) for v in views), views)


def disable(s: Session) -> Outcome:
    view = staff_admin.set_disabled(s.ctx, actor=s.actor(), staff_no=s.args.staff_no, disabled=True)
    return _changed(s, view, "said_staff_disabled")


def enable(s: Session) -> Outcome:
    view = staff_admin.set_disabled(
        s.ctx, actor=s.actor(), staff_no=s.args.staff_no, disabled=False
    )
    return _changed(s, view, "said_staff_enabled")


def unlock(s: Session) -> Outcome:
    view = staff_admin.unlock(s.ctx, actor=s.actor(), staff_no=s.args.staff_no)
    return _changed(s, view, "said_staff_unlocked")


def reset_pin(s: Session) -> Outcome:
    a = s.args
    view = staff_admin.reset_pin(s.ctx, actor=s.actor(), staff_no=a.staff_no, new_pin=a.new_pin)
    return _changed(s, view, "said_staff_pin_reset")


def set_role(s: Session) -> Outcome:
    a = s.args
    view = staff_admin.set_role(s.ctx, actor=s.actor(), staff_no=a.staff_no, role=a.role)
    return _changed(s, view, "said_staff_role_changed")
