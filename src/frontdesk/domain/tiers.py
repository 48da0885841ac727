"""Tier (等级) as a pure function of a member's dated purchase history, in one pass over it."""

from __future__ import annotations

from bisect import bisect_right
from collections import deque
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


@dataclass(frozen=True)
class TierTotals:
    """A window's spend, points and best single ticket (what the thresholds are compared with)."""

    spend: Fen
    points: int
    best_ticket: Fen

    def with_sale(self, sale: TierEvent) -> TierTotals:
        return TierTotals(
            self.spend + sale.spend, self.points + sale.points, max(self.best_ticket, sale.spend)
        )


def reached(totals: TierTotals, program: Program) -> TierRule:
    """The highest tier whose threshold (any one of its three) the totals meet."""
    return _reached(totals.spend.value, totals.points, totals.best_ticket.value, program)


def _reached(spend: int, points: int, best_ticket: int, program: Program) -> TierRule:
    """`reached` on the totals' fen and points (a replay asks it once per ticket)."""
    best = program.entry_tier
    for rule in program.tiers[1:]:
        if (
            (rule.min_12m_spend is not None and spend >= rule.min_12m_spend.value)
            or (rule.min_single_ticket is not None and best_ticket >= rule.min_single_ticket.value)
            or (rule.min_12m_points is not None and points >= rule.min_12m_points)
        ):
            best = rule
    return best


def window_start(moment: datetime, program: Program) -> datetime:
    """Events after this moment (and up to `moment`) count towards a tier at `moment`."""
    return add_months(moment, -program.tier_window_months)


def qualifying_tier(events: Iterable[TierEvent], at: datetime, program: Program) -> TierRule:
    """The highest tier the member qualifies for on the window of months up to `at`."""
    start = window_start(at, program)
    spend, points, best = 0, 0, ZERO
    for ev in events:
        if start < ev.at <= at:
            spend, points = spend + ev.spend.value, points + ev.points
            if ev.refund_of is None and ev.spend > best:
                best = ev.spend
    return reached(TierTotals(Fen(spend), points, best), program)


def refunded_in_full(paid: int, refunded: int) -> bool:
    """Whether refunds of `refunded` fen take a sale of `paid` fen out of the tier history."""
    return paid > 0 and refunded >= paid


def effective_history(events: Iterable[TierEvent], now: datetime) -> list[TierEvent]:
    """The events up to `now` in time order, without tickets refunded in full (nor their refunds).

    A ticket refunded in full is taken out of the history, so the upgrade it won is withdrawn.
    Sorting is stable: events of the same moment keep the order they were given in.
    """
    events = list(events)
    paid: dict[str, int] = {}
    refunded: dict[str, int] = {}
    for ev in events:
        if ev.refund_of is None:
            paid[ev.ticket_id] = ev.spend.value
        else:
            refunded[ev.refund_of] = refunded.get(ev.refund_of, 0) - ev.spend.value
    gone = {t for t, amount in paid.items() if refunded_in_full(amount, refunded.get(t, 0))}
    kept = (e for e in events if e.ticket_id not in gone and e.refund_of not in gone)
    return sorted((e for e in kept if e.at <= now), key=lambda e: e.at)


class _SlidingMax:
    """Largest value over index ranges [lo, hi) whose both ends only move forward."""

    def __init__(self, values: Sequence[int]) -> None:
        self._values, self._hi, self._window = values, 0, deque[int]()

    def over(self, lo: int, hi: int) -> int:
        while self._hi < hi:
            while self._window and self._values[self._window[-1]] <= self._values[self._hi]:
                self._window.pop()
            self._window.append(self._hi)
            self._hi += 1
        while self._window and self._window[0] < lo:
            self._window.popleft()
        return self._values[self._window[0]] if self._window else 0


class _Windows:
    """Window totals over a time-ordered history: prefix sums and two forward-only maxima.

    Upgrade checks ask about the history up to one ticket, hold-end reviews about everything up
    to a moment; each kind of question comes in time order, so each keeps its own sliding maximum.
    """

    def __init__(self, history: Sequence[TierEvent], program: Program) -> None:
        self._times = [e.at for e in history]
        self._spend, self._points = [0], [0]
        for e in history:
            self._spend.append(self._spend[-1] + e.spend.value)
            self._points.append(self._points[-1] + e.points)
        singles = [max(e.spend.value, 0) if e.refund_of is None else 0 for e in history]
        self._best_upto_ticket, self._best_upto_moment = _SlidingMax(singles), _SlidingMax(singles)
        self._program = program
        # Where the last question of each kind found its window: the next one starts there.
        self._ticket_lo, self._moment_lo, self._moment_hi = 0, 0, 0

    def _rule(self, lo: int, hi: int, best: int) -> TierRule:
        spend, points = self._spend[hi] - self._spend[lo], self._points[hi] - self._points[lo]
        return _reached(spend, points, best, self._program)

    def _after(self, moment: datetime, hint: int) -> int:
        """bisect_right(times, moment), walking on from `hint` when the answer is not before it.

        Questions come in time order, so the walk is short and a replay is linear, not n log n.
        """
        times = self._times
        if hint > 0 and times[hint - 1] > moment:
            return bisect_right(times, moment)
        while hint < len(times) and times[hint] <= moment:
            hint += 1
        return hint

    def upto_ticket(self, i: int) -> TierRule:
        lo = self._ticket_lo = self._after(
            window_start(self._times[i], self._program), self._ticket_lo
        )
        return self._rule(lo, i + 1, self._best_upto_ticket.over(lo, i + 1))

    def upto_moment(self, moment: datetime) -> TierRule:
        lo = self._moment_lo = self._after(window_start(moment, self._program), self._moment_lo)
        hi = self._moment_hi = self._after(moment, self._moment_hi)
        return self._rule(lo, hi, self._best_upto_moment.over(lo, hi))


def _continue(
    history: Sequence[TierEvent], first: int, status: TierStatus, now: datetime, program: Program
) -> TierStatus:
    """Upgrade when a ticket from `first` on commits, hold, re-evaluate when each hold ends."""
    windows = _Windows(history, program)
    ranks: dict[str, int] = {}
    for n, rule in enumerate(program.tiers):
        ranks.setdefault(rule.code, n)  # program.tier_rank, once per replay instead of per ticket

    def rank(code: str) -> int:
        found = ranks.get(code)
        return program.tier_rank(code) if found is None else found  # an unknown code: its error

    code, since, held_until = status.code, status.since, status.held_until

    def review(at: datetime) -> tuple[str, datetime | None, datetime | None]:
        q = windows.upto_moment(at)
        if q.code == program.entry_tier.code:
            return q.code, None, None
        return q.code, at, add_months(at, program.tier_hold_months)

    for i in range(first, len(history)):
        ev = history[i]
        while held_until is not None and held_until <= ev.at:
            code, since, held_until = review(held_until)
        if ev.refund_of is None:
            q = windows.upto_ticket(i)
            if rank(q.code) > rank(code):
                code, since = q.code, ev.at
                held_until = add_months(ev.at, program.tier_hold_months)
    while held_until is not None and held_until <= now:
        code, since, held_until = review(held_until)
    return TierStatus(code, since, held_until)


def tier_status(
    events: Sequence[TierEvent], now: datetime, program: Program, locked: str | None = None
) -> TierStatus:
    """The tier at `now` from the whole dated history (DOMAIN §3), in O(n log n)."""
    if locked is not None:
        return TierStatus(locked, None, None, locked=True)
    start = TierStatus(program.entry_tier.code, None, None)
    return _continue(effective_history(events, now), 0, start, now, program)


def review_due(status: TierStatus, now: datetime) -> bool:
    return status.held_until is not None and status.held_until <= now


def history_needed(status: TierStatus, first_new: datetime, program: Program) -> datetime:
    """How far back `tier_after` needs the history: one window before its first question."""
    first = first_new if status.held_until is None else min(status.held_until, first_new)
    return window_start(first, program)


def could_rise(current: str, upper: TierTotals, program: Program) -> bool:
    """False when even an upper bound of the window's totals reaches no tier above `current`.

    The thresholds only ever ask for "at least", so a bound that reaches nothing higher proves the
    exact totals do not either; only a True needs the history itself.
    """
    return program.tier_rank(reached(upper, program).code) > program.tier_rank(current)


def tier_after(
    status: TierStatus,
    known: Sequence[TierEvent],
    new: Sequence[TierEvent],
    now: datetime,
    program: Program,
) -> TierStatus | None:
    """Carry `status` forward over `new` tickets without replaying the whole history.

    `status` is what `tier_status` gave at or after the latest of the `known` tickets;
    `known` holds at least every ticket after `history_needed(...)` and, for each refund among
    them, its sale and that sale's other refunds. `new` are sales, none earlier than a known
    ticket. The result equals `tier_status(all tickets + new, now)`; None when the tickets do not
    allow carrying forward (a known ticket dated after a new one), so the caller replays.
    """
    if status.locked or any(e.refund_of is not None for e in new):
        return None
    first_new = min((e.at for e in new), default=None)
    if first_new is not None and any(e.at > first_new for e in known):
        return None
    history = effective_history([*known, *new], now)
    new_ids = {e.ticket_id for e in new}
    first = next((i for i, e in enumerate(history) if e.ticket_id in new_ids), len(history))
    return _continue(history, first, status, now, program)
