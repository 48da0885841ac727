"""Managing the till's staff: add, list, disable and enable, unlock, reset a PIN, change a role.

Only an admin adds staff or changes a role; a manager looks after cashiers (unlock, PIN reset,
disable); nobody changes their own role. Every change is in the audit log with who made it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from frontdesk.domain import errors
from frontdesk.domain.permissions import (
    Operation,
    Role,
    check_last_admin,
    check_role_change,
    require,
    staff_operation,
)
from frontdesk.domain.stored_value import hash_pin
from frontdesk.services.context import TillContext
from frontdesk.services.ports import UnitOfWork
from frontdesk.services.records import Staff
from frontdesk.services.staff import active_staff, authorize, check_staff_pin_strength


@dataclass(frozen=True)
class StaffView:
    """One staff member as the staff list shows them; never their PIN or its hash."""

    staff_no: str
    name: str
    role: Role
    locked: bool
    disabled: bool
    approvals_paused_until: datetime | None


def _view(s: Staff) -> StaffView:
    return StaffView(
        s.staff_no, s.name, Role(s.role), s.locked, s.disabled, s.approvals_paused_until
    )


def _role(text: str) -> Role:
    try:
        return Role(text)
    except ValueError:
        raise errors.UnknownRole(role=text) from None


def add_staff(
    ctx: TillContext, *, actor: str, staff_no: str, name: str, role: str, pin: str
) -> StaffView:
    authorize(ctx, actor, Operation.STAFF_ADD)
    new_role = _role(role)
    staff_no, name = staff_no.strip(), name.strip()
    if not staff_no.isdigit():
        raise errors.InvalidStaffNumber(staff_no=staff_no)
    if not name:
        raise errors.InvalidName()
    check_staff_pin_strength(pin)
    now = ctx.now()
    with ctx.uow() as uow:
        existing = uow.staff.get(staff_no)
        if existing is not None:
            raise errors.DuplicateStaff(staff_no=staff_no, name=existing.name)
        person = Staff(staff_no, name, new_role.value, hash_pin(pin, uow.pin_pepper), 0, False)
        uow.staff.add(person, now)
        uow.audit.add(
            at=now, actor=actor, action="staff_add", subject=staff_no, detail={"role": role}
        )
        uow.commit()
    return _view(person)


def list_staff(ctx: TillContext, *, actor: str) -> list[StaffView]:
    authorize(ctx, actor, Operation.STAFF_LIST)
    with ctx.uow(write=False) as uow:
        return [_view(s) for s in uow.staff.all()]


def _actor_and_target(uow: UnitOfWork, actor: str, staff_no: str) -> tuple[Staff, Staff]:
    person = active_staff(uow, actor)
    target = uow.staff.get(staff_no)
    if target is None:
        raise errors.UnknownStaff(staff_no=staff_no)
    return person, target


def _active_admins(uow: UnitOfWork) -> int:
    return sum(1 for s in uow.staff.all() if s.role == Role.ADMIN.value and not s.disabled)


def _commit(
    uow: UnitOfWork,
    ctx: TillContext,
    actor: str,
    action: str,
    staff_no: str,
    detail: dict[str, object] | None = None,
) -> StaffView:
    """Audit and commit a change to one staff member; show them as they are now."""
    uow.audit.add(at=ctx.now(), actor=actor, action=action, subject=staff_no, detail=detail)
    changed = uow.staff.get(staff_no)
    assert changed is not None
    uow.commit()
    return _view(changed)


def unlock(ctx: TillContext, *, actor: str, staff_no: str) -> StaffView:
    """Lift a login lock (and any approval pause): a manager for a cashier, else an admin."""
    with ctx.uow() as uow:
        person, target = _actor_and_target(uow, actor, staff_no)
        require(Role(person.role), staff_operation("unlock", Role(target.role)))
        uow.staff.set_tries(staff_no, 0, False)
        uow.staff.set_approval_tries(staff_no, 0, None)
        detail: dict[str, object] = {"tries": target.failed_tries, "was_locked": target.locked}
        return _commit(uow, ctx, actor, "staff_unlock", staff_no, detail)


def reset_pin(ctx: TillContext, *, actor: str, staff_no: str, new_pin: str) -> StaffView:
    """A new PIN for someone who forgot theirs; it also lifts a login lock."""
    check_staff_pin_strength(new_pin)
    with ctx.uow() as uow:
        person, target = _actor_and_target(uow, actor, staff_no)
        require(Role(person.role), staff_operation("reset_pin", Role(target.role)))
        uow.staff.set_pin(staff_no, hash_pin(new_pin, uow.pin_pepper))
        uow.staff.set_approval_tries(staff_no, 0, None)
        return _commit(uow, ctx, actor, "staff_pin_reset", staff_no)


def set_disabled(ctx: TillContext, *, actor: str, staff_no: str, disabled: bool) -> StaffView:
    """Disable (someone who left) or enable again; nobody disables themselves or the last admin."""
    with ctx.uow() as uow:
        person, target = _actor_and_target(uow, actor, staff_no)
        require(Role(person.role), staff_operation("disable", Role(target.role)))
        if disabled and actor == staff_no:
            raise errors.OwnAccountDisable()
        if disabled and not target.disabled:
            check_last_admin(Role(target.role), None, _active_admins(uow))
        uow.staff.set_disabled(staff_no, disabled)
        return _commit(uow, ctx, actor, "staff_disable" if disabled else "staff_enable", staff_no)


def set_role(ctx: TillContext, *, actor: str, staff_no: str, role: str) -> StaffView:
    """Only an admin changes a role, never their own, and never demotes the last active admin."""
    new_role = _role(role)
    with ctx.uow() as uow:
        person, target = _actor_and_target(uow, actor, staff_no)
        check_role_change(Role(person.role), actor, staff_no)
        if not target.disabled:
            check_last_admin(Role(target.role), new_role, _active_admins(uow))
        uow.staff.set_role(staff_no, new_role.value)
        detail: dict[str, object] = {"from": target.role, "to": new_role.value}
        return _commit(uow, ctx, actor, "staff_role", staff_no, detail)
