from datetime import date
from decimal import Decimal

from frontdesk.domain.money import Fen
from frontdesk.domain.points import expired_lots, expiring_soon, points_earned, take_fifo, usable
from tests.builders import PROGRAM


def test_points_earned_are_floored() -> None:
    assert points_earned(Fen.of("80.00"), Decimal("1.2"), 2) == 192
    assert points_earned(Fen.of("9.99"), Decimal("1.5"), 1) == 14
    assert points_earned(Fen(0), Decimal("1.5"), 2) == 0


def test_points_earned_in_year_y_expire_at_the_end_of_year_y_plus_1() -> None:
    lots = {2024: 300, 2025: 500, 2026: 100}

    assert expired_lots(lots, date(2026, 12, 31), PROGRAM) == [(2024, 300)]
    assert expired_lots(lots, date(2027, 1, 1), PROGRAM) == [(2024, 300), (2025, 500)]
    assert usable(lots, date(2026, 6, 1), PROGRAM) == 600


def test_using_points_consumes_the_oldest_lot_first() -> None:
    assert take_fifo({2026: 100, 2025: 50}, 120) == [(2025, 50), (2026, 70)]


def test_points_expiring_within_30_days_are_warned() -> None:
    lots = {2025: 800, 2026: 10}

    assert expiring_soon(lots, date(2026, 11, 30), PROGRAM) is None
    warning = expiring_soon(lots, date(2026, 12, 5), PROGRAM)

    assert warning is not None
    assert warning.points == 800
    assert warning.on == date(2026, 12, 31)
