"""The staff screens' port: the till's staff management (staff_admin) for whoever signed in.

The manager page signs its operator in with their own number and PIN (the same check, counter
and lock as the login screen), and every change is that person's, refused or allowed by the
permission table in the services, as from the command line.
"""

from __future__ import annotations

from frontdesk.services import staff, staff_admin
from frontdesk.services.context import TillContext
from frontdesk.services.staff_admin import StaffView


class StaffDesk:
    def __init__(self, ctx: TillContext) -> None:
        self._ctx = ctx

    def sign_in(self, staff_no: str, pin: str) -> str:
        """The operator's staff number once their PIN is right (a refusal otherwise)."""
        return staff.login(self._ctx, staff_no.strip(), pin).staff_no

    def staff(self, actor: str) -> list[StaffView]:
        return staff_admin.list_staff(self._ctx, actor=actor)

    def add(self, actor: str, staff_no: str, name: str, role: str, pin: str) -> StaffView:
        return staff_admin.add_staff(
            self._ctx, actor=actor, staff_no=staff_no, name=name, role=role, pin=pin
        )

    def set_disabled(self, actor: str, staff_no: str, disabled: bool) -> StaffView:
        return staff_admin.set_disabled(
            self._ctx, actor=actor, staff_no=staff_no, disabled=disabled
        )

    def unlock(self, actor: str, staff_no: str) -> StaffView:
        return staff_admin.unlock(self._ctx, actor=actor, staff_no=staff_no)

    def reset_pin(self, actor: str, staff_no: str, pin: str) -> StaffView:
        return staff_admin.reset_pin(self._ctx, actor=actor, staff_no=staff_no, new_pin=pin)

    def set_role(self, actor: str, staff_no: str, role: str) -> StaffView:
        return staff_admin.set_role(self._ctx, actor=actor, staff_no=staff_no, role=role)
