"""The device-neutral receipt: JSON round trip, drawer rule, reprint flag, validation."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from frontdesk.domain.money import Fen
from frontdesk.domain.receipt import (
    Receipt,
    ReceiptHeader,
    ReceiptKind,
    Tender,
    TenderKind,
    shift_number,
)
from frontdesk.hardware import sample_receipts


@pytest.mark.parametrize("kind", list(sample_receipts.ALL))
def test_every_receipt_kind_survives_a_json_round_trip(kind: str) -> None:
    receipt = sample_receipts.ALL[kind]()

    again = Receipt.from_json(receipt.to_json())

    assert again == receipt


def test_json_keeps_money_as_integer_fen_and_chinese_as_text() -> None:
    text = sample_receipts.sale().to_json()

    assert '"total": 8944' in text
    assert "五常大米" in text


def test_the_drawer_opens_exactly_when_cash_was_tendered() -> None:
    sale = sample_receipts.sale()

    by_wechat = replace(sale, tenders=(Tender(TenderKind.WECHAT, Fen(8944)),))

    assert sale.opens_drawer
    assert not by_wechat.opens_drawer
    assert not sample_receipts.top_up().opens_drawer
    assert sample_receipts.refund().opens_drawer
    assert not sale.as_reprint().opens_drawer  # no money moves on a reprint


def test_a_reprint_is_the_same_receipt_marked_as_such() -> None:
    sale = sample_receipts.sale()

    reprint = sale.as_reprint()

    assert reprint.header.reprint
    assert replace(reprint, header=sale.header) == sale


def test_the_barcode_carries_the_receipt_number() -> None:
    assert sample_receipts.refund().barcode_value == "R001010000125"


def test_the_subtotal_minus_savings_is_the_total_on_the_sample_sale() -> None:
    sale = sample_receipts.sale()

    savings = sum(s.amount.value for s in sale.savings)

    assert sale.subtotal - Fen(savings) == sale.total


def test_a_naive_time_or_a_malformed_receipt_number_is_refused() -> None:
    header = sample_receipts.sale().header
    fields = {k: getattr(header, k) for k in header.__dataclass_fields__}

    with pytest.raises(ValueError, match="timezone"):
        ReceiptHeader(**{**fields, "time": datetime(2026, 3, 8, 14, 5)})  # noqa: DTZ001
    with pytest.raises(ValueError, match="receipt number"):
        ReceiptHeader(**{**fields, "receipt_no": "R1"})


def test_the_kind_titles_are_chinese() -> None:
    assert [k.title for k in ReceiptKind] == [
        "销售小票",
        "充值小票",
        "退货小票",
        "补卡小票",
        "退卡单",
        "交班报表",
        "冷静期退款小票",
        "挂单小票",
    ]


def test_a_shift_report_is_numbered_by_its_shift_and_no_other_receipt_may_be() -> None:
    header = sample_receipts.shift_report().header
    opened = datetime(2026, 3, 8, 8, 0, tzinfo=header.time.tzinfo)

    number = shift_number(1, 1, opened)

    assert number == "S00101202603080800"
    assert replace(header, receipt_no=number).receipt_no == number
    with pytest.raises(ValueError, match="not a receipt number"):
        replace(sample_receipts.sale().header, receipt_no=number)
