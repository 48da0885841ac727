"""Classifying scanner frames: cards, product codes, receipt numbers, and whole refusals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontdesk.domain.cards import make_card_number
from frontdesk.domain.scan import (
    Scan,
    ScanKind,
    ScanRefused,
    Symbology,
    classify,
    gtin_check_digit,
    make_receipt_number,
)


def test_a_luhn_valid_card_number_is_a_member_card() -> None:
    number = make_card_number(1, 1, 4510, 0)

    scan = classify(number)

    assert scan == Scan(ScanKind.MEMBER_CARD, number)


def test_a_card_number_with_a_wrong_check_digit_is_refused_before_any_lookup() -> None:
    number = make_card_number(1, 1, 4510, 0)
    misread = number[:-1] + str((int(number[-1]) + 1) % 10)

    with pytest.raises(ScanRefused) as refused:
        classify(misread)

    assert "会员卡校验位错误" in refused.value.message


@pytest.mark.parametrize(
    ("code", "symbology"),
    [
        ("6901234567892", Symbology.EAN13),
        ("96385074", Symbology.EAN8),
        ("036000291452", Symbology.UPCA),
    ],
)
def test_product_codes_with_a_good_check_digit_are_products(
    code: str, symbology: Symbology
) -> None:
    scan = classify(code)

    assert scan == Scan(ScanKind.PRODUCT, code, symbology)


def test_a_product_code_with_a_bad_check_digit_is_refused() -> None:
    with pytest.raises(ScanRefused) as refused:
        classify("6901234567893")

    assert "商品条码校验位错误" in refused.value.message


def test_a_receipt_number_is_recognised_for_refunds() -> None:
    scan = classify(make_receipt_number(1, 1, 123))

    assert scan == Scan(ScanKind.RECEIPT_NUMBER, "R001010000123")


@pytest.mark.parametrize(
    "frame", ["", "   ", "hello", "R00101000012", "12345", "\x01\x02abc", "ＡＢＣ"]
)
def test_anything_else_is_refused_with_a_chinese_message(frame: str) -> None:
    with pytest.raises(ScanRefused) as refused:
        classify(frame)

    assert refused.value.message.startswith("无法识别的条码")


def test_a_refusal_never_echoes_control_bytes_or_a_huge_frame() -> None:
    with pytest.raises(ScanRefused) as refused:
        classify("\x1b[31m" + "9" * 200)

    assert "\x1b" not in refused.value.message
    assert len(refused.value.message) < 60


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_appending_the_gtin_check_digit_always_makes_a_valid_ean13(payload: str) -> None:
    code = payload + gtin_check_digit(payload)

    scan = classify(code)

    assert (scan.kind, scan.symbology) == (ScanKind.PRODUCT, Symbology.EAN13)


@given(st.text(max_size=40))
def test_classify_either_returns_a_scan_or_refuses_never_anything_else(frame: str) -> None:
    try:
        scan = classify(frame)
    except ScanRefused as refused:
        outcome: object = refused
    else:
        outcome = scan

    assert isinstance(outcome, Scan | ScanRefused)


@pytest.mark.parametrize(
    ("typed", "phone"),
    [
        ("13812341234", "13812341234"),
        ("138 1234 1234", "13812341234"),
        ("+8613812341234", "13812341234"),
    ],
)
def test_a_mobile_number_the_domain_accepts_is_a_phone(typed: str, phone: str) -> None:
    assert classify(typed) == Scan(ScanKind.PHONE, phone)


@pytest.mark.parametrize("typed", ["12012341234", "1381234123", "23812341234"])
def test_eleven_digits_the_phone_rule_refuses_are_no_phone(typed: str) -> None:
    with pytest.raises(ScanRefused):
        classify(typed)


@pytest.mark.parametrize(
    "code", ["134567890123456789", "280000123456789012", "301234567890123456789012"]
)
def test_a_wallets_payment_code_is_a_payment_code(code: str) -> None:
    assert classify(code) == Scan(ScanKind.PAYMENT_CODE, code)


@pytest.mark.parametrize(("code", "held_no"), [("G1", "1"), ("g12", "12"), ("G000003", "3")])
def test_a_held_number_typed_or_scanned_is_that_held_ticket(code: str, held_no: str) -> None:
    assert classify(code) == Scan(ScanKind.HELD_TICKET, held_no)


@pytest.mark.parametrize("code", ["G", "G1234567", "GX1"])
def test_a_g_that_is_no_held_number_is_refused(code: str) -> None:
    with pytest.raises(ScanRefused):
        classify(code)


def test_a_held_ticket_slips_barcode_reads_back_as_its_held_number() -> None:
    from frontdesk.domain.scan import held_barcode

    assert held_barcode(3) == "G000003"
    assert classify(held_barcode(3)) == Scan(ScanKind.HELD_TICKET, "3")
    assert classify(held_barcode(999_999)) == Scan(ScanKind.HELD_TICKET, "999999")
