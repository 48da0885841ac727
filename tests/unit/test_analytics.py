from datetime import date, timedelta
from decimal import Decimal

from frontdesk.domain.analytics import Activity, MemberFact, TicketFact, activity, kpis, value_bands
from frontdesk.domain.money import Fen

TODAY = date(2026, 11, 23)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def test_activity_bands_follow_days_since_the_last_purchase() -> None:
    registered = date(2020, 1, 1)

    assert activity(days_ago(30), registered, TODAY) is Activity.ACTIVE
    assert activity(days_ago(31), registered, TODAY) is Activity.COOLING
    assert activity(days_ago(90), registered, TODAY) is Activity.COOLING
    assert activity(days_ago(180), registered, TODAY) is Activity.AT_RISK
    assert activity(days_ago(181), registered, TODAY) is Activity.DORMANT
    assert activity(None, days_ago(10), TODAY) is Activity.ACTIVE  # new, not yet bought


def test_value_bands_split_twenty_sixty_twenty() -> None:
    spend = {f"m{i}": i * 100 for i in range(10)}

    bands = value_bands(spend)

    assert (bands.top, bands.middle, bands.bottom) == (2, 6, 2)
    assert bands.top_from == Fen(800)


def test_chain_kpis_from_members_and_tickets() -> None:
    members = [
        MemberFact("a", days_ago(400), "001"),
        MemberFact("b", days_ago(400), "001"),
        MemberFact("c", days_ago(200), "002"),
        MemberFact("d", days_ago(10), "002"),
    ]
    tickets = [
        TicketFact("a", days_ago(40), Fen(10000)),  # active in the period before ...
        TicketFact("a", days_ago(5), Fen(20000)),  # ... and again now: retained
        TicketFact("a", days_ago(3), Fen(30000)),  # bought twice this period
        TicketFact("b", days_ago(45), Fen(5000)),  # active before, not now
        TicketFact("d", days_ago(2), Fen(10000)),
        TicketFact("d", days_ago(1), Fen(-10000), is_refund=True),
        TicketFact(None, days_ago(4), Fen(6000)),
        TicketFact(None, days_ago(6), Fen(4000)),
    ]

    k = kpis(members, tickets, TODAY, principal=Fen(100000), bonus=Fen(15000), points=2500)

    assert k.members == 4
    assert k.new_members == 1
    assert k.growth_rate == Decimal("0.3333")
    assert k.monthly_active_rate == Decimal("0.5000")  # a and d bought this period
    assert k.retention_rate == Decimal("0.5000")  # of a and b, a came back
    assert k.repurchase_rate == Decimal("0.5000")  # a twice, d once
    assert k.activity == {
        Activity.ACTIVE: 2,
        Activity.COOLING: 1,
        Activity.AT_RISK: 0,
        Activity.DORMANT: 1,
    }
    assert k.dormant_share == Decimal("0.2500")  # c registered 200 days ago, never bought
    assert k.member_average_ticket == Fen(20000)  # (20000 + 30000 + 10000) / 3
    assert k.guest_average_ticket == Fen(5000)
    assert k.member_vs_guest == Decimal("4.00")
    assert (k.stored_value_principal, k.stored_value_bonus, k.points_liability) == (
        Fen(100000),
        Fen(15000),
        2500,
    )
