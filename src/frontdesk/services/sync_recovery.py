"""`frontdesk sync --recover`: with a manager's approval, a till takes back its books.

A till whose chain head office refused stops taking stored value (`check_stored_value_allowed`)
until it is recovered: its own ledger, tickets and audit rows re-fetched from head office, which
checked each of them as they arrived, and put in place of the till's own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from frontdesk.domain.errors import DomainError
from frontdesk.domain.messages import Notice
from frontdesk.domain.permissions import Operation
from frontdesk.services.context import TillContext
from frontdesk.services.ports import UnitOfWork
from frontdesk.services.staff import consume_approval

# The setting a refused sync leaves (head office's words); stored value waits while it is set.
CHAIN_REFUSED = "chain_refused"
APPROVAL_ACTION = Operation.SYNC_RECOVER.value


class RecoveryUnavailable(DomainError):
    """A till with no head office has nothing to take its books back from."""

    key = "recover_not_connected"


class ChainRefusedHere(DomainError):
    """Stored value is stopped on this till until its chain is recovered from head office."""

    key = "chain_refused_here"


@dataclass
class OwnRecords:
    """This till's books as head office holds them (rows keyed by the till's column names)."""

    ledger: list[dict[str, Any]] = field(default_factory=list)
    tickets: list[dict[str, Any]] = field(default_factory=list)  # with till_rowid
    lines: list[dict[str, Any]] = field(default_factory=list)
    tenders: list[dict[str, Any]] = field(default_factory=list)
    audit: list[dict[str, Any]] = field(default_factory=list)
    cursors: dict[str, int] = field(default_factory=dict)
    # 退卡 records, the account and ID numbers sealed as the till sent them
    card_returns: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class Recovered:
    entries: int
    tickets: int
    audit: int
    set_aside: int

    @property
    def notice(self) -> Notice:
        """What the command and the 从总部恢复 page both say once the books are back."""
        return Notice(
            "sync_recovered",
            {
                "entries": self.entries,
                "tickets": self.tickets,
                "audit": self.audit,
                "aside": self.set_aside,
            },
        )


# Replaces the till's books: (till_id, head office's records, when, the recovery's audit row).
Replace = Callable[[str, OwnRecords, datetime, dict[str, Any]], Recovered]


# The recovery as the window runs it: (the till, who runs it, the approval) → what was restored.
# sync_setup.recover_books is it, for the command and the window alike.
RecoverBooks = Callable[[TillContext, str, str | None], Recovered]


def refusal(ctx: TillContext) -> str | None:
    """Head office's words when it refused this till's chain; None while it has not."""
    with ctx.uow(write=False) as uow:
        return uow.settings.get(CHAIN_REFUSED) or None


def check_stored_value_allowed(uow: UnitOfWork) -> None:
    if uow.settings.get(CHAIN_REFUSED):
        raise ChainRefusedHere()


def recover(
    ctx: TillContext,
    *,
    actor: str,
    approval_id: str | None,
    fetch: Callable[[str], OwnRecords],
    replace: Replace,
) -> Recovered:
    """Fetch first (head office may be unreachable: nothing is used up), then use the approval."""
    with ctx.uow(write=False) as uow:
        till_id = uow.till_id
    records = fetch(till_id)
    now = ctx.now()
    with ctx.uow() as uow:
        approver = consume_approval(
            uow,
            approval_id,
            Operation.SYNC_RECOVER,
            subject=till_id,
            amount=0,
            ctx=ctx,
            operator=actor,
        )
        uow.commit()
    audit = {
        "actor": actor,
        "approver": approver,
        "action": APPROVAL_ACTION,
        "subject": till_id,
        "detail": {
            "entries": len(records.ledger),
            "tickets": len(records.tickets),
            "audit": len(records.audit),
        },
    }
    return replace(till_id, records, now, audit)
