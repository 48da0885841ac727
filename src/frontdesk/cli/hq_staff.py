"""`frontdesk hq staff add|list|disable|enable|reset-pin|set-role`: the chain's staff at head office.

Run by head office's administrator (its PostgreSQL login in --hq-url); every till takes the
change at its next sync.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.domain.permissions import ROLE_NAMES, Role
from frontdesk.sync import hq_staff
from frontdesk.sync.hq_engine import make_hq_engine
from frontdesk.sync.hq_staff import HqStaff


def _line(v: HqStaff, lang: str) -> str:
    zh = lang == "zh_CN"
    words = [v.staff_no, v.name, ROLE_NAMES[Role(v.role)][0 if zh else 1]]
    if v.disabled:
        words.append("已停用" if zh else "disabled")
    return "  ".join(words)


def _with_admin(s: Session, act: Callable[[Engine], HqStaff], zh: str, en: str) -> Outcome:
    admin = make_hq_engine(s.args.hq_url)
    try:
        view = act(admin)
    finally:
        admin.dispose()
    said = (
        f"{zh}（各收银台下次同步生效）："
        if s.lang == "zh_CN"
        else f"{en} (every till at its next sync): "
    )
    return Outcome(said + _line(view, s.lang), view)


def add(s: Session) -> Outcome:
    a = s.args
    return _with_admin(
        s,
        lambda e: hq_staff.add(e, staff_no=a.staff_no, name=a.name, role=a.role, pin=a.new_pin),
        "总部已添加员工",
        "Head office added the staff member",
    )


def disable(s: Session) -> Outcome:
    return _with_admin(
        s,
        lambda e: hq_staff.set_disabled(e, s.args.staff_no, True),
        "总部已停用员工",
        "Head office disabled the staff member",
    )


def enable(s: Session) -> Outcome:
    return _with_admin(
        s,
        lambda e: hq_staff.set_disabled(e, s.args.staff_no, False),
        "总部已重新启用员工",
        "Head office enabled the staff member again",
    )


def set_role(s: Session) -> Outcome:
    return _with_admin(
        s,
        lambda e: hq_staff.set_role(e, s.args.staff_no, s.args.role),
        "总部已修改员工角色",
        "Head office changed the staff member's role",
    )


def reset_pin(s: Session) -> Outcome:
    return _with_admin(
        s,
        lambda e: hq_staff.reset_pin(e, s.args.staff_no, s.args.new_pin),
        "总部已重置员工密码",
        "Head office reset the staff member's PIN",
    )


def list_staff(s: Session) -> Outcome:
    admin = make_hq_engine(s.args.hq_url)
    try:
        views = hq_staff.listing(admin)
    finally:
        admin.dispose()
    return Outcome("\n".join(_line(v, s.lang) for v in views), views)
