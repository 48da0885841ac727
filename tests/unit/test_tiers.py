from dataclasses import replace
from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from frontdesk.domain.calendar import add_months
from frontdesk.domain.money import Fen
from frontdesk.domain.program import Program
from frontdesk.domain.tiers import (
    TierEvent,
    TierStatus,
    TierTotals,
    could_rise,
    history_needed,
    review_due,
    tier_after,
    tier_status,
    window_start,
)
from tests.builders import PROGRAM, at


def sale(ticket: str, when: tuple[int, int, int], yuan: str, points: int = 0) -> TierEvent:
    return TierEvent(at(*when), ticket, Fen.of(yuan), points)


def test_a_15000_ticket_makes_a_silver_member_gold_from_that_ticket_on() -> None:
    history = [sale("a", (2026, 1, 5), "2000.00"), sale("b", (2026, 3, 1), "15000.00")]

    before = tier_status(history[:1], at(2026, 2, 1), PROGRAM)
    after = tier_status(history, at(2026, 3, 1, 13), PROGRAM)

    assert before.code == "silver"
    assert after.code == "gold"
    assert after.since == at(2026, 3, 1)


def test_twelve_month_spend_reaches_silver() -> None:
    history = [sale(str(i), (2026, m, 1), "500.00") for i, m in enumerate(range(1, 5))]

    assert tier_status(history[:3], at(2026, 4, 2), PROGRAM).code == "normal"
    assert tier_status(history, at(2026, 4, 2), PROGRAM).code == "silver"


def test_a_tier_is_held_12_months_then_drops_to_what_the_last_12_months_qualify_for() -> None:
    history = [sale("big", (2025, 3, 1), "15000.00"), sale("small", (2026, 1, 10), "2500.00")]

    held = tier_status(history, at(2026, 2, 28), PROGRAM)
    re_evaluated = tier_status(history, at(2026, 3, 2), PROGRAM)

    assert held.code == "gold"
    assert re_evaluated.code == "silver"


def test_an_upgrade_won_by_a_ticket_refunded_in_full_is_withdrawn() -> None:
    history = [
        sale("big", (2026, 3, 1), "15000.00", 14700),
        TierEvent(at(2026, 3, 2), "r1", Fen.of("-15000.00"), -14700, refund_of="big"),
    ]

    assert tier_status(history[:1], at(2026, 3, 1, 13), PROGRAM).code == "gold"
    assert tier_status(history, at(2026, 3, 3), PROGRAM).code == "normal"


def test_a_locked_tier_is_what_the_manager_set() -> None:
    assert tier_status([], at(2026, 1, 1), PROGRAM, locked="diamond").code == "diamond"


def test_twelve_month_points_reach_gold() -> None:
    history = [sale("a", (2026, 1, 1), "100.00", 12000), sale("b", (2026, 5, 1), "100.00", 8000)]

    assert tier_status(history, at(2026, 5, 2), PROGRAM).code == "gold"


def test_a_hold_that_ends_on_the_day_of_a_ticket_is_reviewed_before_the_ticket_counts() -> None:
    history = [sale("big", (2025, 3, 1), "15000.00"), sale("next", (2026, 3, 1), "100.00")]

    status = tier_status(history, at(2026, 3, 2), PROGRAM)

    assert (status.code, status.since) == ("normal", None)


# The replay tier_status used to be: the qualifying tier recomputed over the history up to each
# ticket, quadratic in the history. Kept here, and only here, as the oracle for the one-pass one.


def _oracle_qualifying(events: list[TierEvent], moment: datetime, program: Program) -> str:
    start = add_months(moment, -program.tier_window_months)
    inside = [e for e in events if start < e.at <= moment]
    spend = sum(e.spend.value for e in inside)
    points = sum(e.points for e in inside)
    best = max([e.spend.value for e in inside if e.refund_of is None] + [0])
    code = program.entry_tier.code
    for rule in program.tiers[1:]:
        if (
            (rule.min_12m_spend is not None and spend >= rule.min_12m_spend.value)
            or (rule.min_single_ticket is not None and best >= rule.min_single_ticket.value)
            or (rule.min_12m_points is not None and points >= rule.min_12m_points)
        ):
            code = rule.code
    return code


def _oracle_replay(events: list[TierEvent], now: datetime, program: Program) -> TierStatus:
    paid = {e.ticket_id: e.spend.value for e in events if e.refund_of is None}
    back: dict[str, int] = {}
    for e in events:
        if e.refund_of is not None:
            back[e.refund_of] = back.get(e.refund_of, 0) - e.spend.value
    gone = {t for t, v in paid.items() if v > 0 and back.get(t, 0) >= v}
    history = sorted(
        (e for e in events if e.ticket_id not in gone and e.refund_of not in gone and e.at <= now),
        key=lambda e: e.at,
    )
    hold = program.tier_hold_months
    entry = program.entry_tier.code
    current, since, until = entry, None, None

    def review(moment: datetime) -> tuple[str, datetime | None, datetime | None]:
        code = _oracle_qualifying(history, moment, program)
        return (code, None, None) if code == entry else (code, moment, add_months(moment, hold))

    for i, ev in enumerate(history):
        while until is not None and until <= ev.at:
            current, since, until = review(until)
        if ev.refund_of is None:
            code = _oracle_qualifying(history[: i + 1], ev.at, program)
            if program.tier_rank(code) > program.tier_rank(current):
                current, since, until = code, ev.at, add_months(ev.at, hold)
    while until is not None and until <= now:
        current, since, until = review(until)
    return TierStatus(current, since, until)


# Amounts around the default thresholds (￥2,000 / ￥15,000 / ￥30,000; 20,000 / 50,000 points).
# Times on whole months from one day, give or take a day or an hour, so tickets at the same
# moment, on a hold's last day and on a window's first day all happen.
_YUAN = st.sampled_from([0, 50, 500, 1999, 2000, 7000, 15000, 20000, 30000])
_EPOCH = at(2024, 1, 31)
moments = st.builds(
    lambda months, days, hours: add_months(_EPOCH, months) + timedelta(days=days, hours=hours),
    st.integers(0, 36),
    st.integers(-1, 1),
    st.integers(0, 1),
)


@st.composite
def histories(draw: st.DrawFn, max_size: int = 30) -> list[TierEvent]:
    events: list[TierEvent] = []
    for n in range(draw(st.integers(0, max_size))):
        when = draw(moments)
        sales = [e for e in events if e.refund_of is None and e.at <= when]
        if sales and draw(st.integers(0, 2)) == 0:
            sold = draw(st.sampled_from(sales))
            part = draw(st.sampled_from([1, 1, 2, 4]))  # in full, half, a quarter
            spend, points = -(sold.spend.value // part), -(sold.points // part)
            events.append(TierEvent(when, f"r{n}", Fen(spend), points, sold.ticket_id))
        else:
            spend = draw(_YUAN) * 100
            points = draw(st.sampled_from([0, spend // 100, 20000, 50000]))
            events.append(TierEvent(when, f"s{n}", Fen(spend), points))
    return draw(st.permutations(events))  # the rules must not care how the rows were read


programs = st.builds(
    lambda hold, window: replace(PROGRAM, tier_hold_months=hold, tier_window_months=window),
    st.sampled_from([1, 3, 6, 12, 13, 24]),
    st.sampled_from([1, 3, 6, 12, 13, 24]),
)


@settings(max_examples=250, deadline=None)
@given(histories(), programs, moments)
def test_the_one_pass_tier_equals_a_full_replay(
    events: list[TierEvent], program: Program, now: datetime
) -> None:
    assert tier_status(events, now, program) == _oracle_replay(events, now, program)


def _as_loaded(events: list[TierEvent], since: datetime) -> list[TierEvent]:
    """What the till's store gives for a bounded read: tickets after `since` and refund links."""
    recent = [e for e in events if e.at > since]
    linked = {e.refund_of for e in recent if e.refund_of is not None}
    return recent + [
        e for e in events if e.at <= since and (e.ticket_id in linked or e.refund_of in linked)
    ]


@settings(max_examples=250, deadline=None)
@given(
    histories(),
    programs,
    st.lists(st.tuples(st.integers(0, 400), _YUAN), max_size=6),
    st.data(),
)
def test_carrying_the_stored_tier_forward_equals_a_full_replay(
    past: list[TierEvent],
    program: Program,
    later: list[tuple[int, int]],
    data: st.DataObject,
) -> None:
    t0 = max([e.at for e in past], default=_EPOCH) + timedelta(days=data.draw(st.integers(0, 60)))
    stored = tier_status(past, t0, program)
    new, when = [], t0
    for i, (gap, yuan) in enumerate(later):
        when += timedelta(days=gap)
        new.append(TierEvent(when, f"n{i}", Fen(yuan * 100), yuan * data.draw(st.integers(0, 3))))
    now = when + timedelta(days=data.draw(st.integers(0, 800)))
    first = min([e.at for e in new], default=now)
    known = _as_loaded(past, history_needed(stored, first, program))

    carried = tier_after(stored, known, new, now, program)

    assert carried == _oracle_replay([*past, *new], now, program)


def test_a_known_ticket_dated_after_a_new_one_is_not_carried_forward() -> None:
    known = [sale("a", (2026, 3, 2), "10.00")]
    stored = tier_status(known, at(2026, 3, 2), PROGRAM)

    carried = tier_after(stored, known, [sale("b", (2026, 3, 1), "10.00")], at(2026, 3, 3), PROGRAM)

    assert carried is None


@settings(max_examples=150, deadline=None)
@given(histories(), programs, _YUAN)
def test_when_an_upper_bound_cannot_rise_the_sale_leaves_the_tier_as_it_was(
    past: list[TierEvent], program: Program, yuan: int
) -> None:
    now = max([e.at for e in past], default=_EPOCH) + timedelta(hours=1)
    stored = tier_status(past, now, program)
    new = TierEvent(now, "new", Fen(yuan * 100), yuan)
    start = window_start(now, program)
    sales = [e for e in past if e.refund_of is None and e.at > start]
    upper = TierTotals(
        Fen(sum(e.spend.value for e in sales)),
        sum(e.points for e in sales),
        max([e.spend for e in sales], default=Fen(0)),
    ).with_sale(new)

    after = tier_status([*past, new], now, program)

    if not review_due(stored, now) and not could_rise(stored.code, upper, program):
        assert after == stored


def test_a_sale_leaves_the_tier_history_only_when_refunded_in_full() -> None:
    # DOMAIN §3: a ticket refunded in full is taken out of the history; a partial refund is not.
    from frontdesk.domain.tiers import refunded_in_full

    assert refunded_in_full(10_000, 10_000)
    assert not refunded_in_full(10_000, 9_999)
    assert not refunded_in_full(0, 0)  # a zero sale wins nothing to withdraw
