"""What every use case is handed: the unit-of-work factory, the clock and the program."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from frontdesk.domain import errors
from frontdesk.domain.numbering import parse_till_id
from frontdesk.domain.program import Program
from frontdesk.domain.scan import make_receipt_number
from frontdesk.services.hold_port import Authoriser
from frontdesk.services.ports import Clock, UnitOfWork, UnitOfWorkFactory


@dataclass(frozen=True)
class TillContext:
    uow: UnitOfWorkFactory
    clock: Clock
    program: Program
    # Head office's holds for stored-value spends; None: a till that asks for none (standalone,
    # or not connected) and judges "offline" by the age of its last sync alone.
    authoriser: Authoriser | None = None

    def now(self) -> datetime:
        return self.clock.now()


def new_id() -> str:
    return str(uuid.uuid4())


def till_numbers(uow: UnitOfWork) -> tuple[int, int]:
    """(store number, till number), read off the till id "SSS-TT"; refuses an uninitialised till."""
    numbers = parse_till_id(uow.till_id)
    if numbers is None:
        raise errors.NotInitialised()
    return numbers


def next_receipt_no(uow: UnitOfWork) -> str:
    store, till = till_numbers(uow)
    return make_receipt_number(store, till, uow.settings.next_number("receipt"))


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
