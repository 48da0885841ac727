from frontdesk.domain.money import Fen
from frontdesk.domain.tiers import TierEvent, tier_status
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
