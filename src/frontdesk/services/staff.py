"""Setting up a till, staff login, the role check of every use case, and manager approvals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from frontdesk.domain import errors, numbering
from frontdesk.domain.approvals import ApprovalBinding, required_approval
from frontdesk.domain.lockout import Attempts, LockoutPolicy, after_right_pin, after_wrong_pin
from frontdesk.domain.permissions import (
    Operation,
    Role,
    check_approver,
    may_approve,
)
from frontdesk.domain.permissions import require as require_role
from frontdesk.domain.stored_value import hash_pin, needs_rehash, pin_matches
from frontdesk.services.context import TillContext, new_id
from frontdesk.services.ports import UnitOfWork
from frontdesk.services.records import Approval, Staff


def check_staff_pin_strength(pin: str) -> None:
    if len(pin) < 4 or not pin.isdigit():
        raise errors.WeakPin(length=4)


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
    till_id = numbering.till_id(store_no, till_no)
    check_staff_pin_strength(admin_pin)
    now = ctx.now()
    with ctx.uow() as uow:
        if uow.settings.get("till_id") is not None:
            raise errors.AlreadyInitialised()
        uow.settings.set("store_no", str(store_no))
        uow.settings.set("till_no", str(till_no))
        uow.settings.set("till_id", till_id)
        uow.settings.set("store_name", store_name)
        pin_hash = hash_pin(admin_pin, uow.pin_pepper)
        uow.staff.add(Staff(admin_no, admin_name, "admin", pin_hash, 0, False), now)
        uow.commit()
    with ctx.uow() as uow:
        uow.audit.add(at=now, actor=admin_no, action="till_init", subject=till_id)
        uow.commit()
    return till_id


def active_staff(uow: UnitOfWork, staff_no: str) -> Staff:
    """The staff member behind a staff number, refused when unknown or disabled."""
    person = uow.staff.get(staff_no)
    if person is None:
        raise errors.NotAuthenticated()
    if person.disabled:
        raise errors.StaffDisabled()
    return person


def authorize(ctx: TillContext, actor: str, operation: Operation) -> Staff:
    """The one role check every use case starts with (DOMAIN §7's table, in the domain).

    It sits in the services so the window, the CLI and anything later get it alike.
    """
    with ctx.uow(write=False) as uow:
        return authorize_in(uow, actor, operation)


def authorize_in(uow: UnitOfWork, actor: str, operation: Operation) -> Staff:
    """`authorize` inside a transaction the use case has open anyway (one read, no extra one)."""
    person = active_staff(uow, actor)
    require_role(Role(person.role), operation)
    return person


def _login_policy(ctx: TillContext) -> LockoutPolicy:
    return LockoutPolicy(ctx.program.staff_pin_max_tries)


def _approval_policy(ctx: TillContext) -> LockoutPolicy:
    rules = ctx.program.approvals
    return LockoutPolicy(rules.max_tries, timedelta(minutes=rules.cooloff_minutes))


def _right_pin(uow: UnitOfWork, person: Staff, pin: str) -> bool:
    """Compare a staff PIN; a right one in an old hash format is rewritten in the current one."""
    keys = uow.pin_secrets
    if not pin_matches(pin, person.pin_hash, *keys.known):
        return False
    # A hash from before the pepper, from before this till joined its chain, or from head
    # office (made without a secret) takes the current one now the PIN is known to be right.
    if needs_rehash(person.pin_hash, keys.staff):
        uow.staff.set_pin(person.staff_no, hash_pin(pin, keys.staff))
    return True


def _check_login_pin(ctx: TillContext, staff_no: str, pin: str) -> Staff:
    """Verify a staff PIN at login; wrong tries are counted (and committed) though we refuse."""
    with ctx.uow() as uow:
        person = active_staff(uow, staff_no)
        if person.locked:
            raise errors.StaffLocked()
        before = Attempts(person.failed_tries, person.locked)
        if _right_pin(uow, person, pin):
            if before.failures:
                uow.staff.set_tries(staff_no, 0, False)
            uow.commit()
            return person
        after = after_wrong_pin(before, _login_policy(ctx), ctx.now())
        uow.staff.set_tries(staff_no, after.failures, after.locked)
        uow.audit.add(
            at=ctx.now(),
            actor=staff_no,
            action="staff_pin_wrong",
            outcome="refused",
            detail={"tries": after.failures},
        )
        uow.commit()
    raise errors.StaffLocked() if after.locked else errors.NotAuthenticated()


def _check_approval_pin(ctx: TillContext, manager_no: str, pin: str) -> Staff:
    """Verify an approver's PIN on its own counter, which has a cooling-off time.

    Wrong approval PINs pause this manager's approvals for a while and never touch their login
    (DOMAIN §7), so a cashier cannot lock the manager out from the approval dialog.
    """
    now = ctx.now()
    with ctx.uow() as uow:
        # A locked login does not stop approvals either: the two counters are apart both ways,
        # so wrong PINs typed at the login screen cannot take a store's approvals away.
        person = active_staff(uow, manager_no)
        before = Attempts(
            person.approval_failures,
            person.approvals_paused_until is not None,
            person.approvals_paused_until,
        )
        if before.is_locked(now):
            assert before.until is not None
            raise errors.ApprovalsPaused(until=f"{before.until:%H:%M}")
        if _right_pin(uow, person, pin):
            clear = after_right_pin(before)
            if before != clear:
                uow.staff.set_approval_tries(manager_no, clear.failures, clear.until)
            uow.commit()
            return person
        after = after_wrong_pin(before, _approval_policy(ctx), now)
        uow.staff.set_approval_tries(manager_no, after.failures, after.until)
        uow.audit.add(
            at=now,
            actor=manager_no,
            action="approval_pin_wrong",
            outcome="refused",
            detail={"tries": after.failures, "paused": after.locked},
        )
        uow.commit()
    if after.locked:
        assert after.until is not None
        raise errors.ApprovalsPaused(until=f"{after.until:%H:%M}")
    raise errors.NotAuthenticated()


@dataclass(frozen=True)
class StaffSession:
    staff_no: str
    name: str
    role: str


def login(ctx: TillContext, staff_no: str, pin: str) -> StaffSession:
    person = _check_login_pin(ctx, staff_no, pin)
    with ctx.uow() as uow:
        uow.audit.add(at=ctx.now(), actor=staff_no, action="login")
        uow.commit()
    return StaffSession(person.staff_no, person.name, person.role)


def approve(
    ctx: TillContext,
    binding: ApprovalBinding,
    *,
    manager_no: str,
    pin: str,
    operator: str | None = None,
) -> str:
    """A manager approves one action on one subject for one amount, with their own PIN.

    The approval is single-use and lives as long as the program says; there is no shared
    override PIN (DOMAIN §7). Naming the ``operator`` refuses a self-approval here already,
    in the dialog; `consume_approval` checks it again against whoever uses it.
    """
    manager = _check_approval_pin(ctx, manager_no, pin)
    if not may_approve(Role(manager.role)):
        raise errors.NotAManager()
    action, subject, amount = binding.action.value, binding.subject, binding.amount
    if operator is not None:
        check_approver(binding.action.operation, operator, manager_no, ctx.program.approvals)
    approval_id = new_id()
    now = ctx.now()
    with ctx.uow() as uow:
        uow.approvals.add(
            Approval(approval_id, action, subject, amount, manager_no, now, None, operator)
        )
        uow.audit.add(
            at=now,
            actor=manager_no,
            action="approval",
            subject=subject,
            amount=amount,
            detail={"for": action, "approval_id": approval_id, "operator": operator},
        )
        uow.commit()
    return approval_id


def consume_approval(
    uow: UnitOfWork,
    approval_id: str | None,
    operation: Operation,
    *,
    subject: str,
    amount: int,
    ctx: TillContext,
    operator: str,
) -> str | None:
    """Use the approval ``operation`` needs inside the caller's transaction.

    Returns the approving manager, or None when `required_approval` says none is needed;
    refuses with the exact binding to approve when it is missing.
    """
    binding = required_approval(operation, subject, amount, ctx.program)
    if binding is None:
        return None
    if approval_id is None:
        raise binding.refusal()
    approval = uow.approvals.get(approval_id)
    if approval is None:
        raise binding.refusal()
    if (approval.action, approval.subject, approval.amount) != (
        binding.action.value,
        subject,
        amount,
    ):
        raise errors.ApprovalMismatch()
    if approval.operator is not None and approval.operator != operator:
        raise errors.ApprovalMismatch()
    check_approver(operation, operator, approval.manager, ctx.program.approvals)
    now = ctx.now()
    lifetime = ctx.program.approvals.lifetime_minutes
    if approval.used_at is None and now - approval.created_at > timedelta(minutes=lifetime):
        raise errors.ApprovalExpired(minutes=lifetime)
    if not uow.approvals.mark_used(approval_id, now):
        raise errors.ApprovalUsed()
    return approval.manager
