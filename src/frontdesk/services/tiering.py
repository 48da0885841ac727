"""A member's tier kept current ticket by ticket: the stored status carried forward."""

from __future__ import annotations

from datetime import datetime

from frontdesk.domain.program import Program
from frontdesk.domain.tiers import (
    TierEvent,
    TierStatus,
    could_rise,
    history_needed,
    review_due,
    tier_after,
    tier_status,
    window_start,
)
from frontdesk.services.ports import UnitOfWork
from frontdesk.services.records import Account


def stored_status(account: Account) -> TierStatus:
    """What the account holds: the tier rules' answer as of the member's latest ticket."""
    return TierStatus(account.tier, account.tier_since, account.tier_held_until)


def tier_now(
    uow: UnitOfWork,
    program: Program,
    member_id: str,
    stored: TierStatus,
    now: datetime,
    sale: TierEvent | None = None,
) -> TierStatus:
    """The tier at `now`, once `sale` (if any) commits; reads one window of history at most.

    A sale that cannot lift the member even by an upper bound of the window's totals, with no
    hold running out, reads no history at all: the cost of a sale does not grow with a loyal
    member's years of tickets.
    """
    new = [] if sale is None else [sale]

    def replay() -> TierStatus:
        return tier_status([*uow.tickets.tier_events(member_id), *new], now, program)

    if stored.code not in {rule.code for rule in program.tiers}:  # the program dropped a tier
        return replay()
    if not review_due(stored, now):
        if sale is None:
            return stored
        upper = uow.tickets.tier_totals(member_id, window_start(sale.at, program))
        if not could_rise(stored.code, upper.with_sale(sale), program):
            return stored
    first = now if sale is None else sale.at
    known = uow.tickets.tier_events(member_id, history_needed(stored, first, program))
    return tier_after(stored, known, new, now, program) or replay()
