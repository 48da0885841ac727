"""Setting up a till, staff login, and manager approvals bound to one action."""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.domain import errors
from frontdesk.domain.stored_value import hash_pin, pin_matches
from frontdesk.services.context import TillContext, new_id
from frontdesk.services.ports import UnitOfWork
from frontdesk.services.records import Approval, Staff


def init_till(
    ctx: TillContext,
    *,
    store_no: int,
    till_no: int,
    store_name: str,
    admin_no: str,
    admin_name: str,
    admin_pin: str,
) -> str:
    """First start: name the store and till, create the first admin. Returns the till id."""
    if not (1 <= store_no <= 999 and 1 <= till_no <= 99):
        raise ValueError("store number is 1–999 and till number 1–99")
    if len(admin_pin) < 4 or not admin_pin.isdigit():
        raise errors.WeakPin(length=4)
    now = ctx.now()
    till_id = f"{store_no:03d}-{till_no:02d}"
    with ctx.uow() as uow:
        if uow.settings.get("till_id") is not None:
            raise errors.AlreadyInitialised()
        uow.settings.set("store_no", str(store_no))
        uow.settings.set("till_no", str(till_no))
        uow.settings.set("till_id", till_id)
        uow.settings.set("store_name", store_name)
        uow.staff.add(Staff(admin_no, admin_name, "admin", hash_pin(admin_pin), 0, False), now)
        uow.commit()
    with ctx.uow() as uow:
        uow.audit.add(at=now, actor=admin_no, action="till_init", subject=till_id)
        uow.commit()
    return till_id


def add_staff(
    ctx: TillContext, *, actor: str, staff_no: str, name: str, role: str, pin: str
) -> None:
    if role not in ("cashier", "manager", "admin"):
        raise ValueError("role is cashier, manager or admin")
    if len(pin) < 4 or not pin.isdigit():
        raise errors.WeakPin(length=4)
    now = ctx.now()
    with ctx.uow() as uow:
        uow.staff.add(Staff(staff_no, name, role, hash_pin(pin), 0, False), now)
        uow.audit.add(
            at=now, actor=actor, action="staff_add", subject=staff_no, detail={"role": role}
        )
        uow.commit()


def _check_staff_pin(ctx: TillContext, staff_no: str, pin: str) -> Staff:
    """Verify a staff PIN; wrong tries are counted (and committed) even though we refuse."""
    with ctx.uow() as uow:
        staff = uow.staff.get(staff_no)
        if staff is None:
            raise errors.NotAuthenticated()
        if staff.locked:
            raise errors.StaffLocked()
        if pin_matches(pin, staff.pin_hash):
            if staff.failed_tries:
                uow.staff.set_tries(staff_no, 0, False)
                uow.commit()
            return staff
        tries = staff.failed_tries + 1
        locked = tries >= ctx.program.staff_pin_max_tries
        uow.staff.set_tries(staff_no, tries, locked)
        uow.audit.add(
            at=ctx.now(),
            actor=staff_no,
            action="staff_pin_wrong",
            outcome="refused",
            detail={"tries": tries},
        )
        uow.commit()
    raise errors.StaffLocked() if locked else errors.NotAuthenticated()


@dataclass(frozen=True)
class StaffSession:
    staff_no: str
    name: str
    role: str


def login(ctx: TillContext, staff_no: str, pin: str) -> StaffSession:
    staff = _check_staff_pin(ctx, staff_no, pin)
    with ctx.uow() as uow:
        uow.audit.add(at=ctx.now(), actor=staff_no, action="login")
        uow.commit()
    return StaffSession(staff.staff_no, staff.name, staff.role)


def approve(
    ctx: TillContext, *, action: str, subject: str, amount: int, manager_no: str, pin: str
) -> str:
    """A manager approves one action on one subject for one amount, with their own PIN.

    The approval is single-use; there is no shared override PIN (DOMAIN §7).
    """
    manager = _check_staff_pin(ctx, manager_no, pin)
    if not manager.can_approve:
        raise errors.NotAManager()
    approval_id = new_id()
    now = ctx.now()
    with ctx.uow() as uow:
        uow.approvals.add(Approval(approval_id, action, subject, amount, manager_no, now, None))
        uow.audit.add(
            at=now,
            actor=manager_no,
            action="approval",
            subject=subject,
            amount=amount,
            detail={"for": action, "approval_id": approval_id},
        )
        uow.commit()
    return approval_id


def consume_approval(
    uow: UnitOfWork,
    approval_id: str | None,
    *,
    action: str,
    subject: str,
    amount: int,
    ctx: TillContext,
) -> str:
    """Use an approval inside the caller's transaction; returns the approving manager."""
    if approval_id is None:
        raise errors.ApprovalRequired(action=action)
    approval = uow.approvals.get(approval_id)
    if approval is None:
        raise errors.ApprovalRequired(action=action)
    if (approval.action, approval.subject, approval.amount) != (action, subject, amount):
        raise errors.ApprovalMismatch()
    if not uow.approvals.mark_used(approval_id, ctx.now()):
        raise errors.ApprovalUsed()
    return approval.manager
