"""What every use case is handed: the unit-of-work factory, the clock and the program."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from frontdesk.domain import errors
from frontdesk.domain.program import Program
from frontdesk.services.ports import Clock, UnitOfWork, UnitOfWorkFactory


@dataclass(frozen=True)
class TillContext:
    uow: UnitOfWorkFactory
    clock: Clock
    program: Program

    def now(self) -> datetime:
        return self.clock.now()


def new_id() -> str:
    return str(uuid.uuid4())


def till_numbers(uow: UnitOfWork) -> tuple[int, int]:
    """(store number, till number), read off the till id "SSS-TT"; refuses an uninitialised till."""
    store, _, till = uow.till_id.partition("-")
    if not (store.isdigit() and till.isdigit()):
        raise errors.NotInitialised()
    return int(store), int(till)


def next_receipt_no(uow: UnitOfWork) -> str:
    store, till = till_numbers(uow)
    return f"R{store:03d}{till:02d}{uow.settings.next_number('receipt'):07d}"


def is_offline(uow: UnitOfWork, now: datetime, program: Program) -> bool:
    """A till tied to head office is offline once its last good sync is older than the limit.

    A store with no head office configured is standalone: there is nothing to be offline from.
    """
    if uow.settings.get("hq_configured") != "1":
        return False
    last = uow.settings.get("last_sync_at")
    if last is None:
        return True
    return now - datetime.fromisoformat(last) > timedelta(minutes=program.offline_after_minutes)
