"""Reading the audit log: who did what, which manager approved it (a manager's view, §7)."""

from __future__ import annotations

from frontdesk.domain.permissions import Operation
from frontdesk.services.context import TillContext
from frontdesk.services.records import AuditEntry
from frontdesk.services.staff import authorize


def recent(ctx: TillContext, *, actor: str, limit: int) -> list[AuditEntry]:
    authorize(ctx, actor, Operation.AUDIT_LOG)
    with ctx.uow(write=False) as uow:
        return uow.audit.recent(limit)
