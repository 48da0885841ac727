"""Tier (等级) as a pure function of a member's dated purchase history, in one pass over it."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import accumulate
from operator import attrgetter

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
    refunded: dict[str, int] = {}
    for sale, back in [(e.refund_of, e.spend.value) for e in events if e.refund_of is not None]:
        refunded[sale] = refunded.get(sale, 0) - back
    kept = [e for e in events if e.at <= now]
    if refunded:  # most members have no refund: nothing to take out, no sale to look up
        paid = {e.ticket_id: e.spend.value for e in events if e.refund_of is None}
        gone = {t for t, back in refunded.items() if t in paid and refunded_in_full(paid[t], back)}
        kept = [e for e in kept if e.ticket_id not in gone and e.refund_of not in gone]
    kept.sort(key=attrgetter("at"))
    return kept


# A window of `m` months back from a moment spans at most 31 * m days (a clamped day only
# shortens it); one more day covers a zone's clock change. What lies before that cannot count.
_DAYS_PER_MONTH_AT_MOST = 31
_CLOCK_SLACK = timedelta(days=1)


class _Columns:
    """A time-ordered history as columns, so that each tier question costs a few bisections.

    Prefix sums give a window's spend and points. Whether a window's best single ticket meets a
    threshold is whether a sale that meets it lies in the window: one sorted list of such sales
    per threshold, instead of a running maximum kept in step with every ticket.
    """

    def __init__(self, history: Sequence[TierEvent], program: Program) -> None:
        self.times = [e.at for e in history]
        spend = [e.spend.value for e in history]
        points = [e.points for e in history]
        self.sales = [i for i, e in enumerate(history) if e.refund_of is None]
        self._spend = list(accumulate(spend, initial=0))
        self._points = list(accumulate(points, initial=0))
        # Positive amounts only: their sum over a span bounds the totals of any window inside it.
        self._spend_up = list(accumulate((v if v > 0 else 0 for v in spend), initial=0))
        self._points_up = list(accumulate((p if p > 0 else 0 for p in points), initial=0))
        self._big: dict[int, list[int]] = {}
        for rule in program.tiers:
            m = 0 if rule.min_single_ticket is None else rule.min_single_ticket.value
            if m > 0 and m not in self._big:
                self._big[m] = [i for i in self.sales if spend[i] >= m]
        self._program = program
        months = max(program.tier_window_months, 0)
        self._reach = timedelta(days=_DAYS_PER_MONTH_AT_MOST * months) + _CLOCK_SLACK

    def _best_meets(self, single: Fen | None, lo: int, hi: int) -> bool:
        """Whether the best sale among tickets [lo, hi) reaches `single` (0 when there is none)."""
        if single is None:
            return False
        if single.value <= 0:
            return True
        big = self._big[single.value]
        k = bisect_left(big, lo)
        return k < len(big) and big[k] < hi

    def _rule(self, lo: int, hi: int) -> TierRule:
        """`reached` on tickets [lo, hi): the highest tier any one of whose thresholds is met."""
        spend, points = self._spend[hi] - self._spend[lo], self._points[hi] - self._points[lo]
        for rule in reversed(self._program.tiers[1:]):
            if (
                (rule.min_12m_spend is not None and spend >= rule.min_12m_spend.value)
                or self._best_meets(rule.min_single_ticket, lo, hi)
                or (rule.min_12m_points is not None and points >= rule.min_12m_points)
            ):
                return rule
        return self._program.entry_tier

    def upto_ticket(self, i: int) -> TierRule:
        """The tier the window up to ticket `i` (and no ticket after it) qualifies for."""
        lo = bisect_right(self.times, window_start(self.times[i], self._program))
        return self._rule(lo, i + 1)

    def upto_moment(self, moment: datetime) -> TierRule:
        lo = bisect_right(self.times, window_start(moment, self._program))
        return self._rule(lo, bisect_right(self.times, moment))

    def next_sale(self, pos: int) -> int:
        k = bisect_left(self.sales, pos)
        return self.sales[k] if k < len(self.sales) else len(self.times)

    def first_that_could_reach(self, pos: int, above: Sequence[TierRule]) -> int:
        """The first ticket from `pos` on whose window might reach a tier of `above` (or n).

        The window of every ticket from `pos` on starts after `_reach` before the ticket at
        `pos`, so the positive amounts from there on bound its totals; tickets before the first
        one where that bound meets a threshold ask no question worth asking.
        """
        n = len(self.times)
        if pos >= n or not above:
            return n
        lo = bisect_right(self.times, self.times[pos] - self._reach, 0, pos)
        first = n
        for rule in above:
            if rule.min_12m_spend is not None:
                need = self._spend_up[lo] + rule.min_12m_spend.value
                first = min(first, bisect_left(self._spend_up, need, pos + 1) - 1)
            if rule.min_12m_points is not None:
                need = self._points_up[lo] + rule.min_12m_points
                first = min(first, bisect_left(self._points_up, need, pos + 1) - 1)
            single = rule.min_single_ticket
            if single is not None and single.value <= 0:
                return pos
            if single is not None:
                big = self._big[single.value]
                k = bisect_left(big, lo)
                if k < len(big):
                    first = min(first, max(big[k], pos))
        return first


def _continue(
    history: Sequence[TierEvent], first: int, status: TierStatus, now: datetime, program: Program
) -> TierStatus:
    """Upgrade when a ticket from `first` on commits, hold, re-evaluate when each hold ends.

    Tickets that cannot lift the member even by an upper bound of their window are stepped
    over in one bisection: a loyal member's thousands of tickets ask a few dozen questions.
    """
    cols = _Columns(history, program)
    ranks: dict[str, int] = {}
    for n, rule in enumerate(program.tiers):
        ranks.setdefault(rule.code, n)  # program.tier_rank, once per replay instead of per ticket

    def rank(code: str) -> int:
        found = ranks.get(code)
        return program.tier_rank(code) if found is None else found  # an unknown code: its error

    above: dict[int, tuple[TierRule, ...]] = {}

    def next_question(pos: int, code: str) -> int:
        current = ranks.get(code)
        if current is None:  # the first sale asks, and rank(code) raises as it always has
            return cols.next_sale(pos)
        if current not in above:
            above[current] = tuple(r for r in program.tiers if ranks[r.code] > current)
        return cols.first_that_could_reach(pos, above[current])

    code, since, held_until = status.code, status.since, status.held_until

    def review(at: datetime) -> tuple[str, datetime | None, datetime | None]:
        q = cols.upto_moment(at)
        if q.code == program.entry_tier.code:
            return q.code, None, None
        return q.code, at, add_months(at, program.tier_hold_months)

    times, pos = cols.times, first
    while True:
        i = next_question(pos, code)
        # A hold that ends by that ticket (or by now, when none is left) is reviewed first.
        if held_until is not None and held_until <= (times[i] if i < len(times) else now):
            ended = held_until
            code, since, held_until = review(ended)
            pos = bisect_left(times, ended, pos)  # tickets before the review asked nothing
            continue
        if i == len(times):
            return TierStatus(code, since, held_until)
        if history[i].refund_of is None:
            q = cols.upto_ticket(i)
            if rank(q.code) > rank(code):
                code, since = q.code, times[i]
                held_until = add_months(times[i], program.tier_hold_months)
        pos = i + 1


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
