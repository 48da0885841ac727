"""Tier (等级) as a pure function of a member's dated purchase history."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from frontdesk.domain.calendar import add_months
from frontdesk.domain.money import ZERO, Fen
from frontdesk.domain.program import Program, TierRule


@dataclass(frozen=True)
class TierEvent:
    """A committed ticket (sale, or refund pointing at its sale) as the tier rules see it.

    spend is money paid after discounts, not counting points redemption; points are those
    earned. Refunds carry negative spend and points and name the sale they refund.
    """

    at: datetime
    ticket_id: str
    spend: Fen
    points: int
    refund_of: str | None = None


@dataclass(frozen=True)
class TierStatus:
    code: str
    since: datetime | None  # None: the entry tier, held without end
    held_until: datetime | None
    locked: bool = False


def _fully_refunded(events: Sequence[TierEvent]) -> set[str]:
    paid: dict[str, int] = {}
    refunded: dict[str, int] = {}
    for ev in events:
        if ev.refund_of is None:
            paid[ev.ticket_id] = ev.spend.value
        else:
            refunded[ev.refund_of] = refunded.get(ev.refund_of, 0) - ev.spend.value
    return {t for t, amount in paid.items() if amount > 0 and refunded.get(t, 0) >= amount}


def qualifying_tier(events: Iterable[TierEvent], at: datetime, program: Program) -> TierRule:
    """The highest tier the member qualifies for on the window of months up to `at`."""
    start = add_months(at, -program.tier_window_months)
    spend, points, best_ticket = 0, 0, ZERO
    for ev in events:
        if start < ev.at <= at:
            spend += ev.spend.value
            points += ev.points
            if ev.refund_of is None and ev.spend > best_ticket:
                best_ticket = ev.spend
    reached = program.entry_tier
    for rule in program.tiers[1:]:
        if (
            (rule.min_12m_spend is not None and spend >= rule.min_12m_spend.value)
            or (rule.min_single_ticket is not None and best_ticket >= rule.min_single_ticket)
            or (rule.min_12m_points is not None and points >= rule.min_12m_points)
        ):
            reached = rule
    return reached


def tier_status(
    events: Sequence[TierEvent], now: datetime, program: Program, locked: str | None = None
) -> TierStatus:
    """Replay the history: upgrade when a ticket commits, hold, re-evaluate when the hold ends.

    A ticket refunded in full is taken out of the history, so the upgrade it won is withdrawn.
    """
    if locked is not None:
        return TierStatus(locked, None, None, locked=True)
    gone = _fully_refunded(events)
    history = sorted(
        (e for e in events if e.ticket_id not in gone and e.refund_of not in gone and e.at <= now),
        key=lambda e: e.at,
    )
    rank = program.tier_rank
    current, since, held_until = program.entry_tier.code, None, None

    def reevaluate(at: datetime) -> tuple[str, datetime | None, datetime | None]:
        q = qualifying_tier(history, at, program)
        if q.code == program.entry_tier.code:
            return q.code, None, None
        return q.code, at, add_months(at, program.tier_hold_months)

    for i, ev in enumerate(history):
        while held_until is not None and held_until <= ev.at:
            current, since, held_until = reevaluate(held_until)
        if ev.refund_of is None:
            q = qualifying_tier(history[: i + 1], ev.at, program)
            if rank(q.code) > rank(current):
                current, since, held_until = (
                    q.code,
                    ev.at,
                    add_months(ev.at, program.tier_hold_months),
                )
    while held_until is not None and held_until <= now:
        current, since, held_until = reevaluate(held_until)
    return TierStatus(current, since, held_until)
