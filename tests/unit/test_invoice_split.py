"""The invoice split of a sale and of a day's sales.

Source: 国家税务总局公告 2016 年第 53 号 — the part of a sale paid with a single-purpose prepaid
card gets no VAT invoice (不开具发票); only the rest may be invoiced.
"""

from __future__ import annotations

from frontdesk.domain.invoicing import InvoiceParts, split_sale, split_totals
from frontdesk.domain.money import Fen


def test_a_sale_half_paid_by_stored_value_is_half_invoiceable() -> None:
    assert split_sale(Fen.of("87.22"), Fen.of("50.00")) == InvoiceParts(
        Fen.of("50.00"), Fen.of("37.22")
    )


def test_stored_value_never_counts_for_more_than_the_sale() -> None:
    assert split_sale(Fen.of("10.00"), Fen.of("12.00")) == InvoiceParts(Fen.of("10.00"), Fen(0))


def test_a_days_net_sales_keep_refunds_in_both_parts() -> None:
    # ￥300 sold (￥120 by stored value), then ￥40 refunded to stored value.
    assert split_totals(Fen.of("260.00"), Fen.of("80.00")) == InvoiceParts(
        Fen.of("80.00"), Fen.of("180.00")
    )
