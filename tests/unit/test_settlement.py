"""Cross-store settlement: principal traced first in, first out, reconciled to the fen."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from frontdesk.domain.settlement import UNFUNDED, PrincipalMove, settle

D1, D2 = date(2026, 3, 1), date(2026, 3, 2)


def test_value_topped_up_at_one_store_and_spent_at_another_is_owed_by_the_first() -> None:
    s = settle(
        [
            PrincipalMove("m", "001", D1, 100_000),  # ￥1,000 top-up at store 001
            PrincipalMove("m", "002", D2, -30_000),  # ￥300 spent at store 002
            PrincipalMove("m", "001", D2, -20_000),  # ￥200 spent at home
        ]
    )

    assert s.owed() == [("001", "002", 30_000)]
    assert s.liability[("001", D1)] == 100_000
    assert s.liability[("001", D2)] == 50_000
    assert dict(s.outstanding) == {"001": 50_000}


def test_oldest_top_up_is_drawn_first_and_debts_net_between_two_stores() -> None:
    s = settle(
        [
            PrincipalMove("m", "001", D1, 10_000),
            PrincipalMove("m", "002", D1, 10_000),
            PrincipalMove("m", "002", D2, -15_000),  # 100 from 001's lot, 50 from its own
            PrincipalMove("n", "002", D1, 5_000),
            PrincipalMove("n", "001", D2, -5_000),  # 002 owes 001 50
        ]
    )

    assert s.owed() == [("001", "002", 5_000)]


def test_a_refund_gives_the_refunding_store_a_lot_and_an_overspend_is_drawn_from_no_store() -> None:
    s = settle(
        [
            PrincipalMove("m", "001", D1, 10_000),
            PrincipalMove("m", "002", D1, -10_000),
            PrincipalMove("m", "002", D1, 4_000),  # refund at 002
            PrincipalMove("m", "003", D2, -6_000),  # 40 from 002's lot, 20 from nowhere
        ]
    )

    assert s.flows[("001", "002")] == 10_000
    assert s.flows[("002", "003")] == 4_000
    assert s.flows[(UNFUNDED, "003")] == 2_000


moves = st.lists(
    st.tuples(
        st.sampled_from(["m1", "m2", "m3"]),
        st.sampled_from(["001", "002", "003"]),
        st.integers(0, 3),
        st.integers(-50_000, 50_000).filter(bool),
    ),
    max_size=60,
)


@given(moves)
def test_every_fen_is_either_still_held_or_was_handed_over(
    raw: list[tuple[str, str, int, int]],
) -> None:
    ordered = sorted(raw, key=lambda m: m[2])
    s = settle(PrincipalMove(m, store, date(2026, 3, 1 + d), fen) for m, store, d, fen in ordered)

    paid_in = sum(f for *_, f in ordered if f > 0)
    taken_out = -sum(f for *_, f in ordered if f < 0)
    unfunded = sum(f for (src, _), f in s.flows.items() if src == UNFUNDED)
    assert sum(s.flows.values()) == taken_out
    assert sum(s.outstanding.values()) + sum(s.flows.values()) - unfunded == paid_in
    last_day = {
        store: fen for (store, _), fen in sorted(s.liability.items(), key=lambda kv: kv[0][1])
    }
    assert sum(v for k, v in last_day.items() if k != UNFUNDED) == sum(s.outstanding.values())


def test_a_period_settles_the_spends_made_in_it_traced_through_earlier_lots() -> None:
    d3 = date(2026, 3, 3)
    s = settle(
        [
            PrincipalMove("m", "001", D1, 100_000),  # topped up before the period
            PrincipalMove("m", "002", D2, -30_000),  # spent at 002 on the 2nd
            PrincipalMove("m", "003", d3, -20_000),  # spent at 003 on the 3rd (退卡 alike)
        ]
    )

    assert s.owed(d3, d3) == [("001", "003", 20_000)]
    assert s.owed(D2, D2) == [("001", "002", 30_000)]
    assert s.owed(None, D1) == []
    assert s.owed(D1, None) == s.owed()
    assert sum(s.flows_in(D1, d3).values()) == sum(s.flows.values())
