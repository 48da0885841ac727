"""The cooling-off rule at its default of 7 days.

Source: 法释〔2025〕4号 (最高人民法院关于审理预付式消费民事纠纷案件适用法律若干问题的解释, in
force 2025-05-01): an unused prepaid amount may be taken back within 7 days without conditions;
the days are counted from the day after, as 消费者权益保护法 第二十五条 counts 七日.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from frontdesk.domain import cooling_off
from frontdesk.domain.money import Fen
from tests.builders import PROGRAM

TOPUP = cooling_off.TopUpState(
    receipt_no="R001010000011",
    day=date(2026, 3, 9),  # a Monday
    principal=Fen.of("500.00"),
    bonus=Fen.of("60.00"),
    spent_since=False,
    returned=False,
    balance_principal=Fen.of("500.00"),
    balance_bonus=Fen.of("60.00"),
)


def test_the_default_period_is_the_7_days_of_the_2025_interpretation() -> None:
    assert PROGRAM.cooling_off_days == 7


def test_a_monday_top_up_may_come_back_up_to_the_next_monday() -> None:
    cooling_off.check(TOPUP, date(2026, 3, 9))
    cooling_off.check(TOPUP, date(2026, 3, 16))
    with pytest.raises(cooling_off.CoolingOffOver) as refused:
        cooling_off.check(TOPUP, date(2026, 3, 17))

    assert refused.value.message == ("已超过 7 天冷静期（最后一天为 2026-03-16），不能按冷静期退款")


def test_anything_spent_since_the_top_up_ends_the_right() -> None:
    with pytest.raises(cooling_off.CoolingOffUsed):
        cooling_off.check(replace(TOPUP, spent_since=True), date(2026, 3, 10))
    with pytest.raises(cooling_off.CoolingOffUsed):
        cooling_off.check(replace(TOPUP, balance_bonus=Fen.of("59.99")), date(2026, 3, 10))


def test_a_top_up_is_returned_once() -> None:
    with pytest.raises(cooling_off.CoolingOffDone):
        cooling_off.check(replace(TOPUP, returned=True), date(2026, 3, 10))
