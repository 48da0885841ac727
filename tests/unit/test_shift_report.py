"""A shift report's arithmetic: gross, refunded and net agree."""

from __future__ import annotations

from frontdesk.domain.money import ZERO, Fen
from frontdesk.domain.shift_report import TicketFigures, shift_totals


def _ticket(kind: str, sign: int, cash: str, points: str, tier: str = "0") -> TicketFigures:
    discounts = {"tier": Fen.of(tier) * sign, "points": Fen.of(points) * sign}
    return TicketFigures(kind, (("cash", Fen.of(cash) * sign),), discounts, Fen.of(cash) * sign)


def test_a_refunded_sale_counts_in_sales_in_refunds_and_nets_to_nothing() -> None:
    sale = _ticket("sale", 1, "800.00", "200.00", "20.00")
    refund = _ticket("refund", -1, "800.00", "200.00", "20.00")

    totals = shift_totals([sale, refund])

    assert totals.tenders.sales == {"cash": Fen.of("800.00")}
    assert totals.tenders.refunds == {"cash": Fen.of("800.00")}
    assert totals.tenders.net == {"cash": ZERO}
    assert totals.discounts.sales["points"] == Fen.of("200.00")  # the redemption was given
    assert totals.discounts.refunds["points"] == Fen.of("200.00")  # and taken back
    assert totals.discounts.net["points"] == ZERO
    assert totals.net_sales == ZERO
    assert totals.cash_in_drawer == ZERO
    assert (totals.sales_count, totals.refund_count) == (1, 1)


def test_top_ups_move_cash_but_are_no_sales() -> None:
    top_up = TicketFigures("topup", (("cash", Fen.of("300.00")),), {}, Fen.of("300.00"))
    sale = _ticket("sale", 1, "50.00", "0")

    totals = shift_totals([top_up, sale])

    assert totals.tenders.sales == {"cash": Fen.of("50.00")}
    assert totals.cash_in_drawer == Fen.of("350.00")
    assert totals.sales_count == 1
