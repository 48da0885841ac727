"""`frontdesk hq staff add|list|disable|enable|reset-pin|set-role`: the chain's staff at head office.

Run by head office's administrator (its PostgreSQL login in --hq-url); every till takes the
change at its next sync.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.domain.messages import ZH
from frontdesk.domain.permissions import ROLE_NAMES, Role
from frontdesk.sync import hq_staff
from frontdesk.sync.hq_engine import make_hq_engine
from frontdesk.sync.hq_staff import HqStaff


def _line(s: Session, v: HqStaff) -> str:
    words = [v.staff_no, v.name, ROLE_NAMES[Role(v.role)][0 if s.lang == ZH else 1]]
    if v.disabled:
        words.append(s.say("said_staff_is_disabled"))
    return "  ".join(words)


def _with_admin(s: Session, act: Callable[[Engine], HqStaff], said: str) -> Outcome:
    admin = make_hq_engine(s.args.hq_url)
    try:
        view = act(admin)
    finally:
        admin.dispose()
    return Outcome(s.say(said, staff=_line(s, view)), view)


def add(s: Session) -> Outcome:
    a = s.args
    return _with_admin(
        s,
        lambda e: hq_staff.add(e, staff_no=a.staff_no, name=a.name, role=a.role, pin=a.new_pin),
        "said_hq_staff_added",
    )


def disable(s: Session) -> Outcome:
    return _with_admin(
        s, lambda e: hq_staff.set_disabled(e, s.args.staff_no, True), "said_hq_staff_disabled"
    )


def enable(s: Session) -> Outcome:
    return _with_admin(
        s, lambda e: hq_staff.set_disabled(e, s.args.staff_no, False), "said_hq_staff_enabled"
    )


def set_role(s: Session) -> Outcome:
    return _with_admin(
        s,
        lambda e: hq_staff.set_role(e, s.args.staff_no, s.args.role),
        "said_hq_staff_role_changed",
    )


def reset_pin(s: Session) -> Outcome:
    return _with_admin(
        s,
        lambda e: hq_staff.reset_pin(e, s.args.staff_no, s.args.new_pin),
        "said_hq_staff_pin_reset",
    )


def list_staff(s: Session) -> Outcome:
    admin = make_hq_engine(s.args.hq_url)
    try:
        views = hq_staff.listing(admin)
    finally:
        admin.dispose()
    return Outcome("\n".join(_line(s, v) for v in views), views)
