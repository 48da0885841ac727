"""The card balance cap, bonus included.

Source: 《单用途商业预付卡管理办法（试行）》第十九条, a named card (记名卡) holds at most ￥5,000.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontdesk.domain import errors
from frontdesk.domain.money import Fen
from frontdesk.domain.stored_value import check_balance_cap, topup_allowance
from tests.builders import PROGRAM


def test_the_default_cap_is_the_named_card_limit_of_the_2012_rules() -> None:
    assert PROGRAM.balance_cap == Fen.of("5000.00")


def test_one_5000_top_up_with_its_150_bonus_already_passes_the_cap() -> None:
    with pytest.raises(errors.BalanceCapExceeded) as refused:
        check_balance_cap(Fen(0), Fen.of("5000.00"), PROGRAM)

    # ￥4,850 + its ￥150 bonus is exactly ￥5,000.
    assert refused.value.message == (
        "充值后记名卡余额将超过单卡限额 ￥5,000.00（含赠金），本次最多可充值 ￥4,850.00"
    )


def test_a_top_up_that_lands_on_the_cap_is_allowed() -> None:
    check_balance_cap(Fen(0), Fen.of("4850.00"), PROGRAM)
    check_balance_cap(Fen.of("4990.00"), Fen.of("10.00"), PROGRAM)


def test_the_allowance_steps_down_across_a_bonus_threshold() -> None:
    # ￥4,400 held: ￥500 would bring ￥60 bonus (￥4,960 total, fits); ￥540 would need ￥600 room.
    assert topup_allowance(Fen.of("4400.00"), PROGRAM) == Fen.of("540.00")
    assert topup_allowance(Fen.of("4450.00"), PROGRAM) == Fen.of("499.99")
    assert topup_allowance(Fen.of("5000.00"), PROGRAM) == Fen(0)
    assert topup_allowance(Fen.of("5200.00"), PROGRAM) == Fen(0)  # already over (before the cap)


@given(st.integers(0, 500_000))
def test_the_allowance_is_the_largest_top_up_that_fits(held: int) -> None:
    allowed = topup_allowance(Fen(held), PROGRAM)

    if allowed.value > 0:
        check_balance_cap(Fen(held), allowed, PROGRAM)
    with pytest.raises(errors.BalanceCapExceeded):
        check_balance_cap(Fen(held), allowed + Fen(1), PROGRAM)
