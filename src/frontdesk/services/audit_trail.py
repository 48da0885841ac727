"""Reading the audit log: who did what, which manager approved it (a manager's view, §7).

The screen reads people, not codes: staff numbers come with their names, a member's id as
the member's name, and ids no one can read (approval ids) are left out of the details.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time

from frontdesk.domain.permissions import Operation
from frontdesk.services.context import TillContext
from frontdesk.services.records import AuditEntry
from frontdesk.services.staff import authorize

_UNREADABLE = {"approval_id", "members"}  # ids that tell a person nothing
_MEMBER_KEYS = {"member_id"}


def recent(ctx: TillContext, *, actor: str, limit: int) -> list[AuditEntry]:
    authorize(ctx, actor, Operation.AUDIT_LOG)
    with ctx.uow(write=False) as uow:
        return uow.audit.recent(limit)


@dataclass(frozen=True)
class AuditFilter:
    """Which rows the screen asks for: a day range, one staff member, one action."""

    first_day: date
    last_day: date
    staff_no: str | None = None  # actor or approver
    action: str | None = None
    limit: int = 500


@dataclass(frozen=True)
class AuditRow:
    """One row as a person reads it; the codes stay beside the names for the filters."""

    at: datetime
    action: str  # the code; the screen says it through the AuditAction vocabulary
    outcome: str
    actor: str  # the staff member's name (their number when the till does not know them)
    approver: str  # the same, or empty
    actor_no: str
    approver_no: str | None
    subject: str  # a member's name instead of their id
    amount: int | None
    detail: dict[str, object]


def staff_names(ctx: TillContext) -> dict[str, str]:
    """Every staff number with its name, for the staff filter."""
    with ctx.uow(write=False) as uow:
        return {s.staff_no: s.name for s in uow.staff.all()}


def _person(staff_no: str | None, names: dict[str, str]) -> str:
    return "" if not staff_no else names.get(staff_no, staff_no)


def _subject(subject: str | None, names: dict[str, str], member: Callable[[object], object]) -> str:
    """A staff member or a member by name; a card or receipt number as it is."""
    if subject is None:
        return ""
    return names.get(subject) or str(member(subject))


def rows(ctx: TillContext, *, actor: str, wanted: AuditFilter) -> list[AuditRow]:
    """The log's rows in the filter, newest first, with names for staff and members."""
    authorize(ctx, actor, Operation.AUDIT_LOG)
    tz = ctx.now().tzinfo
    start = datetime.combine(wanted.first_day, time.min, tz)
    end = datetime.combine(wanted.last_day, time.max, tz)
    with ctx.uow(write=False) as uow:
        names = {s.staff_no: s.name for s in uow.staff.all()}
        entries = [
            e
            for e in reversed(uow.audit.since(start))
            if e.at <= end
            and (wanted.action is None or e.action == wanted.action)
            and (wanted.staff_no is None or wanted.staff_no in (e.actor, e.approver))
        ][: wanted.limit]
        members: dict[str, str] = {}

        def member_name(ref: object) -> object:
            if not isinstance(ref, str):
                return ref
            if ref not in members:
                member = uow.members.get(ref)
                members[ref] = ref if member is None else member.name
            return members[ref]

        found = [
            AuditRow(
                at=e.at,
                action=e.action,
                outcome=e.outcome,
                actor=_person(e.actor, names),
                approver=_person(e.approver, names),
                actor_no=e.actor,
                approver_no=e.approver,
                subject=_subject(e.subject, names, member_name),
                amount=e.amount,
                detail={
                    k: member_name(v) if k in _MEMBER_KEYS else v
                    for k, v in e.detail.items()
                    if k not in _UNREADABLE and v not in (None, "")
                },
            )
            for e in entries
        ]
    return found
