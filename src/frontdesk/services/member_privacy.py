"""A member's full personal data: shown to managers only (DOMAIN §7), every look audited."""

from __future__ import annotations

from collections.abc import Sequence

from frontdesk.domain.permissions import Operation, Role, permits
from frontdesk.services.context import TillContext
from frontdesk.services.staff import authorize_in


def sees_full_details(role: str) -> bool:
    """Whether a staff member of `role` sees full phones; everyone else sees 138****1234."""
    return permits(Role(role), Operation.MEMBER_FULL_DETAILS)


def record_full_view(ctx: TillContext, *, actor: str, member_ids: Sequence[str]) -> None:
    """One audit row for one look at full details (a search may show several members)."""
    if not member_ids:
        return
    with ctx.uow() as uow:
        authorize_in(uow, actor, Operation.MEMBER_FULL_DETAILS)
        uow.audit.add(
            at=ctx.now(),
            actor=actor,
            action="member_full_details",
            subject=member_ids[0] if len(member_ids) == 1 else None,
            detail={"members": list(member_ids)},
        )
        uow.commit()
