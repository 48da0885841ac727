"""`frontdesk staff add`: a new staff member on this till."""

from __future__ import annotations

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.services import staff as staff_service


def add(s: Session) -> Outcome:
    a = s.args
    staff_service.add_staff(
        s.ctx, actor=s.actor(), staff_no=a.staff_no, name=a.name, role=a.role, pin=a.new_pin
    )
    return Outcome(f"已添加员工 {a.staff_no} {a.name}（{a.role}）", {"staff_no": a.staff_no})
