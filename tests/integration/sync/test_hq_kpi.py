"""Head office's KPIs over two stores, from what the tills really pushed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import Engine, text

from frontdesk.domain.analytics import Activity, Kpis, MemberFact, TicketFact, kpis
from frontdesk.domain.money import Fen
from frontdesk.services import accounts, checkout, membership
from frontdesk.services.context import new_id
from frontdesk.sync.hq_kpi import chain_kpis, kpi_text
from tests.integration.sync.conftest import ADMIN, PRODUCTS, Till


def _member(till: Till, phone: str) -> tuple[str, str]:
    reg = membership.register(
        till.ctx, actor=ADMIN[0], phone=phone, name="李四", consent_terms=True
    )
    return reg.member.member_id, reg.card_no


def _sell(till: Till, card_no: str | None, qty: int) -> None:
    items = [checkout.SaleItem(PRODUCTS[1].barcode, qty)]
    due = checkout.quote(till.ctx, card_no=card_no, items=items, actor=ADMIN[0]).priced.due
    checkout.checkout(
        till.ctx,
        txn_id=new_id(),
        cashier=ADMIN[0],
        card_no=card_no,
        items=items,
        payments=[checkout.Payment("cash", due)],
    )


def test_chain_kpis_count_every_store(make_till: Callable[..., Till], hq_admin: Engine) -> None:
    a, b = make_till(1, 21), make_till(2, 21)
    first, card_1 = _member(a, "13800000021")
    _member(b, "13800000022")
    accounts.topup(a.ctx, actor=ADMIN[0], member_id=first, amount=Fen.of("100.00"))
    _sell(a, card_1, 2)  # ￥100 × 98% = ￥98.00
    _sell(a, card_1, 1)  # ￥49.00
    _sell(b, None, 1)  # a guest: ￥50.00
    assert a.sync().ok
    assert b.sync().ok

    k = chain_kpis(hq_admin, a.clock.now().date())

    assert k.members == 2
    assert k.new_members == 2
    assert k.monthly_active_rate == Decimal("0.5000")
    assert k.repurchase_rate == Decimal("1.0000")
    assert k.activity[Activity.ACTIVE] == 2
    assert k.member_average_ticket == Fen.of("73.50")
    assert k.guest_average_ticket == Fen.of("50.00")
    assert k.member_vs_guest == Decimal("1.47")
    assert k.stored_value_principal == Fen.of("100.00")
    assert k.stored_value_bonus == Fen.of("10.00")
    assert k.points_liability == 147
    assert "会员总数 2" in kpi_text(k)


def _from_rows(hq_admin: Engine, today: date) -> Kpis:
    """The KPIs by the domain's rule over every row, as head office once worked them out."""

    def day(iso: str) -> date:
        return datetime.fromisoformat(iso).date()

    with hq_admin.connect() as conn:
        members = [
            MemberFact(r.member_id, day(r.created_at), r.store)
            for r in conn.execute(text("SELECT member_id, created_at, store FROM member"))
        ]
        tickets = [
            TicketFact(r.member_id, day(r.created_at), Fen(int(r.total)), r.kind == "refund")
            for r in conn.execute(
                text("SELECT member_id, created_at, total, kind FROM ticket"
                     " WHERE kind IN ('sale', 'refund')")
            )
        ]  # fmt: skip
        p, b, pts = conn.execute(
            text("SELECT coalesce(sum(principal), 0), coalesce(sum(bonus), 0),"
                 " coalesce(sum(points), 0) FROM account_balance")
        ).one()  # fmt: skip
    return kpis(members, tickets, today, principal=Fen(int(p)), bonus=Fen(int(b)), points=int(pts))


def test_kpis_worked_out_in_postgresql_equal_the_domain_rule_over_every_row(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a, b = make_till(1, 23), make_till(2, 23)
    cards = [_member(a, f"138000002{i:02d}")[1] for i in range(4)]
    _member(b, "13800000299")
    assert a.sync().ok
    assert b.sync().ok  # store 2 knows store 1's cards
    for day in range(0, 75, 5):  # purchases spread over two periods and more
        _sell(a, cards[day % 3], 1 + day % 2)
        _sell(b, None if day % 2 else cards[0], 1)
        a.clock.advance(days=5)
        b.clock.advance(days=5)
    assert a.sync().ok
    assert b.sync().ok

    for today in (a.clock.now().date(), a.clock.now().date() - timedelta(days=33)):
        assert chain_kpis(hq_admin, today) == _from_rows(hq_admin, today), today
