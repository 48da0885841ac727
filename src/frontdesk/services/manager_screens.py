"""The manager screens' approval: opened once by a manager, named on everything done in them.

A cashier opens the manager screens with a manager's approval (F9/F11). Operations that need no
approval of their own there (a top-up, a registration, 挂失, a paid 补卡) are still done under
that manager's eye, so their audit rows and ledger entries name the manager as approver. The
services read the manager from the approval record itself, never from what a caller says.
"""

from __future__ import annotations

from frontdesk.domain import errors
from frontdesk.domain.permissions import Operation
from frontdesk.services.context import TillContext
from frontdesk.services.ports import UnitOfWork
from frontdesk.services.staff import consume_approval

ACTION = Operation.MANAGER_SCREENS.value


def open_screens(ctx: TillContext, *, operator: str, approval_id: str) -> str:
    """Use the screens' approval (single use) and log the opening; returns the manager."""
    now = ctx.now()
    with ctx.uow() as uow:
        manager = consume_approval(
            uow,
            approval_id,
            Operation.MANAGER_SCREENS,
            subject=operator,
            amount=0,
            ctx=ctx,
            operator=operator,
        )
        assert manager is not None  # the table: the screens open with an approval
        uow.audit.add(at=now, actor=operator, approver=manager, action=ACTION, subject=operator)
        uow.commit()
    return manager


def screens_approver(uow: UnitOfWork, approval_id: str | None, operator: str) -> str | None:
    """The manager who opened the screens ``operator`` works in; None outside them.

    The approval must be a used manager-screens approval given to this operator: an id of
    anything else is refused rather than put in the books as someone's approval.
    """
    if approval_id is None:
        return None
    approval = uow.approvals.get(approval_id)
    if (
        approval is None
        or approval.action != ACTION
        or approval.subject != operator
        or approval.used_at is None
    ):
        raise errors.ApprovalMismatch()
    return approval.manager
