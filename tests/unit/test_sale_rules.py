"""The ledger drafts and lines of a priced sale, and balances moved in memory."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontdesk.domain import errors
from frontdesk.domain.balances import Balances
from frontdesk.domain.ledger import Bucket, EntryKind, TxnDrafts
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import price_ticket
from frontdesk.domain.program import SpendOrder
from frontdesk.domain.sale import TicketLine, earn_lots, sale_drafts, sale_lines
from tests.builders import PROGRAM, a_member, line
from tests.unit.sale_strategies import TODAY, Sale, sales


def test_earned_points_first_fill_a_lot_a_refund_left_negative() -> None:
    parts = earn_lots({2025: -30, 2026: 100}, 50, 2026)

    assert parts == [(2025, 30), (2026, 20)]


def test_earned_points_go_to_this_years_lot_when_nothing_is_negative() -> None:
    assert earn_lots({2025: 10}, 7, 2026) == [(2026, 7)]


@given(
    st.dictionaries(st.integers(2020, 2026), st.integers(-500, 500)),
    st.integers(1, 2_000),
)
def test_earned_points_are_all_placed_and_never_lift_a_lot_above_zero_but_this_years(
    lots: dict[int, int], points: int
) -> None:
    parts = earn_lots(lots, points, 2026)

    assert sum(p for _, p in parts) == points
    assert all(p > 0 for _, p in parts)
    for year, p in parts[:-1]:
        assert lots[year] + p <= 0


def test_a_sale_spends_stored_value_redeems_oldest_points_first_and_earns() -> None:
    member = a_member("normal", points=15_000)
    priced = price_ticket([line("189.00"), line("54.50", 2)], member, PROGRAM, TODAY, 1)
    funds = Balances(Fen(10_000), Fen(1_000), 15_000, {2025: 5_000, 2026: 10_000})
    entries = TxnDrafts("t1", "m1", "1001", ticket_id="t1")

    drafts = sale_drafts(
        entries, funds, priced, stored=Fen(5_500), order=SpendOrder.PROPORTIONAL, year=2026
    )

    moves = [(d.kind, d.bucket, d.amount, d.lot_year) for d in drafts]
    assert moves[:2] == [
        (EntryKind.SPEND, Bucket.PRINCIPAL, -5_000, None),
        (EntryKind.SPEND, Bucket.BONUS, -500, None),
    ]
    assert moves[2] == (EntryKind.REDEEM, Bucket.POINTS, -5_000, 2025)
    assert moves[3] == (EntryKind.REDEEM, Bucket.POINTS, -(priced.redeemed_points - 5_000), 2026)
    assert moves[4:] == [(EntryKind.EARN, Bucket.POINTS, priced.points_earned, 2026)]
    assert all(d.ticket_id == "t1" and d.txn_uuid == "t1" for d in drafts)


def test_stored_value_above_the_balance_is_refused() -> None:
    priced = price_ticket([line("89.00")], a_member(), PROGRAM, TODAY)
    funds = Balances(Fen(1_000), Fen(100), 0, {})

    with pytest.raises(errors.InsufficientBalance):
        sale_drafts(
            TxnDrafts("t1", "m1", "1001"),
            funds,
            priced,
            stored=Fen(1_101),
            order=SpendOrder.PROPORTIONAL,
            year=2026,
        )


def test_ticket_lines_carry_the_priced_figures() -> None:
    priced = price_ticket([line("10.00", 3)], a_member(), PROGRAM, TODAY)

    (only,) = sale_lines(priced)

    p = priced.lines[0]
    assert only == TicketLine(1, p.product.barcode, "商品", Fen(1000), 3, p.gross,
                              p.member_discount, p.redemption, p.net)  # fmt: skip


@given(sales())
def test_a_sale_moves_exactly_what_was_priced_and_paid(sale: Sale) -> None:
    money = {b: sum(d.amount for d in sale.drafts if d.bucket is b) for b in Bucket}
    redeemed = -sum(d.amount for d in sale.drafts if d.kind is EntryKind.REDEEM)
    earned = sum(d.amount for d in sale.drafts if d.kind is EntryKind.EARN)

    assert money[Bucket.PRINCIPAL] + money[Bucket.BONUS] == -sale.stored.value
    assert redeemed == sale.priced.redeemed_points
    assert earned == sale.priced.points_earned
    after = sale.funds.moved(sale.drafts)
    assert after.principal.value >= 0
    assert after.bonus.value >= 0
    assert after.points == sale.funds.points + earned - redeemed
    assert sum(after.lots.values()) == after.points
    assert all(after.lots[y] >= 0 for y, p in sale.funds.lots.items() if p >= 0)
    assert sum(t.amount.value for t in sale.settlement.tenders) == sale.priced.due.value


@given(sales())
def test_sale_lines_add_up_to_the_amount_due(sale: Sale) -> None:
    lines = sale_lines(sale.priced)

    assert sum(ln.net.value for ln in lines) == sale.priced.due.value
    for ln in lines:
        assert ln.net == ln.gross - ln.member_discount - ln.redemption
