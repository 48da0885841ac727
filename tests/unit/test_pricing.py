from datetime import date

import pytest

from frontdesk.domain import errors
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import Discount, DiscountKind, price_ticket
from tests.builders import PROGRAM, a_member, line


def test_gold_member_in_her_birthday_month_pays_80_and_earns_192_points() -> None:
    member = a_member("gold", birthday=date(1990, 11, 3))

    priced = price_ticket([line("100.00")], member, PROGRAM, date(2026, 11, 20))

    assert priced.due == Fen.of("80.00")
    assert priced.points_earned == 192  # 80 × 1.2 × 2
    assert priced.discounts == (Discount(DiscountKind.BIRTHDAY, Fen.of("20.00")),)
    assert priced.birthday_benefit


def test_birthday_discount_replaces_tier_discount_instead_of_stacking() -> None:
    member = a_member("silver", birthday=date(1990, 11, 3))

    priced = price_ticket([line("100.00")], member, PROGRAM, date(2026, 11, 20))

    assert priced.due == Fen.of("90.00")  # 9折 birthday, not 95折 × 9折
    assert [d.kind for d in priced.discounts] == [DiscountKind.BIRTHDAY]


def test_birthday_benefit_is_used_once_a_year() -> None:
    member = a_member("gold", birthday=date(1990, 11, 3), used=2026)

    priced = price_ticket([line("100.00")], member, PROGRAM, date(2026, 11, 21))

    assert priced.due == Fen.of("90.00")
    assert priced.points_earned == 108
    assert not priced.birthday_benefit


def test_normal_member_birthday_benefit_is_double_points_only() -> None:
    member = a_member("normal", birthday=date(2000, 11, 30))

    priced = price_ticket([line("100.00")], member, PROGRAM, date(2026, 11, 2))

    assert priced.due == Fen.of("98.00")
    assert priced.points_earned == 196


def test_member_day_doubles_points_but_does_not_stack_with_birthday() -> None:
    birthday_member = a_member("normal", birthday=date(2000, 11, 30))

    on_member_day = price_ticket([line("100.00")], a_member("normal"), PROGRAM, date(2026, 11, 8))
    both = price_ticket([line("100.00")], birthday_member, PROGRAM, date(2026, 11, 8))

    assert on_member_day.points_earned == 196
    assert both.points_earned == 196  # ×2, not ×4
    assert both.points_multiplier == 2


def test_products_excluded_from_member_discount_pay_full_price() -> None:
    lines = [line("20.00"), line("25.00", discount=False)]

    priced = price_ticket(lines, a_member("gold"), PROGRAM, date(2026, 3, 1))

    assert priced.due == Fen.of("43.00")
    assert priced.lines[1].member_discount == Fen(0)


def test_discount_allocated_to_lines_adds_up_to_the_ticket() -> None:
    lines = [line("0.33"), line("0.33"), line("0.34"), line("9.99", 3)]

    priced = price_ticket(lines, a_member("diamond"), PROGRAM, date(2026, 3, 1))

    assert sum(pl.net.value for pl in priced.lines) == priced.due.value
    assert sum(pl.member_discount.value for pl in priced.lines) == priced.savings.value


def test_19999_points_redeem_one_block_not_two() -> None:
    member = a_member("normal", points=19_999)

    with pytest.raises(errors.InsufficientPoints):
        price_ticket([line("1000.00")], member, PROGRAM, date(2026, 3, 1), redeem_blocks=2)
    priced = price_ticket([line("1000.00")], member, PROGRAM, date(2026, 3, 1), redeem_blocks=1)

    assert priced.redeemed_points == 10_000
    assert priced.discount(DiscountKind.POINTS) == Fen.of("200.00")
    assert priced.due == Fen.of("780.00")  # 1000 × 98% − 200


def test_redemption_is_never_more_than_the_amount_due() -> None:
    member = a_member("normal", points=50_000)

    with pytest.raises(errors.RedemptionTooLarge):
        price_ticket([line("150.00")], member, PROGRAM, date(2026, 3, 1), redeem_blocks=1)


def test_points_are_earned_on_money_paid_not_on_redemption() -> None:
    member = a_member("normal", points=10_000)

    priced = price_ticket([line("300.00")], member, PROGRAM, date(2026, 3, 1), redeem_blocks=1)

    assert priced.due == Fen.of("94.00")
    assert priced.points_earned == 94


def test_negative_points_block_redemption() -> None:
    with pytest.raises(errors.PointsRedemptionBlocked):
        price_ticket(
            [line("500.00")],
            a_member("normal", points=-10),
            PROGRAM,
            date(2026, 3, 1),
            redeem_blocks=1,
        )


def test_a_ticket_without_a_member_earns_nothing_and_gets_no_discount() -> None:
    priced = price_ticket([line("10.00", 2)], None, PROGRAM, date(2026, 3, 1))

    assert priced.due == Fen.of("20.00")
    assert priced.points_earned == 0
    assert priced.discounts == ()


def test_empty_ticket_is_refused() -> None:
    with pytest.raises(errors.EmptyTicket):
        price_ticket([], None, PROGRAM, date(2026, 3, 1))
