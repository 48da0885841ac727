"""When a till may be restored from a backup: never behind what head office already holds."""

from __future__ import annotations

from collections.abc import Mapping

from frontdesk.domain import errors
from frontdesk.domain.permissions import NotPermitted, Operation
from frontdesk.services.context import TillContext
from frontdesk.services.staff import authorize, authorize_in, login
from frontdesk.services.sync_port import PUSH_STREAMS


class BackupBehindHeadOffice(errors.DomainError):
    key = "backup_behind_head_office"


class HeadOfficeNotChecked(errors.DomainError):
    key = "backup_hq_unchecked"


class RestoreNotPermitted(errors.DomainError):
    key = "restore_not_permitted"


def check_against_head_office(backup: Mapping[str, int], head_office: Mapping[str, int]) -> None:
    """A backup may be restored only if every stream reaches what head office acknowledged.

    Restoring an older one would make the till hand out numbers head office already stored for
    other entries: the new sales would be taken for ones it has, and the chains would fork.
    """
    for stream in PUSH_STREAMS:
        mine, theirs = backup.get(stream, 0), head_office.get(stream, 0)
        if mine < theirs:
            raise BackupBehindHeadOffice(stream=stream, backup_seq=mine, hq_seq=theirs)


NIGHTLY_ACTOR = "system"


def may_back_up(ctx: TillContext, actor: str | None) -> str:
    """Who a backup is audited as; a person's backup needs BACKUP (a manager or an admin).

    The nightly job (``actor`` None) is the machine's own: a systemd timer or a Windows scheduled
    task running as the account that owns the data folder, which can read the database file
    anyway. Checked before the copy is made.
    """
    if actor is None:
        return NIGHTLY_ACTOR
    authorize(ctx, actor, Operation.BACKUP)
    return actor


def record_backup(ctx: TillContext, *, actor: str, name: str, ledger_seq: int, pruned: int) -> None:
    """The audit row of a backup that `may_back_up` allowed."""
    with ctx.uow() as uow:
        uow.audit.add(
            at=ctx.now(), actor=actor, action="backup", subject=name,
            detail={"ledger_seq": ledger_seq, "pruned": pruned},
        )  # fmt: skip
        uow.commit()


def restore_by(ctx: TillContext, *, staff_no: str, pin: str, source: str, ledger_seq: int) -> str:
    """An admin of the backup signs in on its copy (RESTORE); the restore is audited there."""
    person = login(ctx, staff_no, pin)
    with ctx.uow() as uow:
        try:
            authorize_in(uow, person.staff_no, Operation.RESTORE)
        except NotPermitted:
            raise RestoreNotPermitted() from None
        uow.audit.add(
            at=ctx.now(), actor=person.staff_no, action="restore", subject=source,
            detail={"ledger_seq": ledger_seq},
        )  # fmt: skip
        uow.commit()
    return person.staff_no
