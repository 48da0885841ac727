"""Store numbers up to 99,999 inside till ids and card, receipt and shift numbers."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from frontdesk.domain import errors
from frontdesk.domain.cards import card_generation, luhn_valid, make_card_number, parse_card_number
from frontdesk.domain.numbering import parse_till_id, store_digits, till_id
from frontdesk.domain.receipt import SHIFT_NO, shift_number
from frontdesk.domain.scan import ScanKind, classify, make_receipt_number

# Printed before stores could pass 999 (store 7, till 2, serial 123, first card): these exact
# digits are on members' cards and must read the same forever.
PRINTED = "800702000012305"


def test_a_card_printed_in_the_first_layout_is_still_made_and_read_the_same() -> None:
    assert make_card_number(7, 2, 123, 0) == PRINTED
    assert parse_card_number(PRINTED) == PRINTED
    assert card_generation(PRINTED) == 0
    assert classify(PRINTED).kind is ScanKind.MEMBER_CARD
    assert make_receipt_number(7, 2, 5) == "R007020000005"
    assert till_id(7, 2) == "007-02"


@pytest.mark.parametrize("store", [1000, 12345, 99_999])
def test_a_store_above_999_gets_five_digits_everywhere(store: int) -> None:
    card = make_card_number(store, 3, 42, 1)
    receipt = make_receipt_number(store, 3, 42)

    assert len(card) == 17
    assert card.startswith(f"8{store:05d}03")
    assert luhn_valid(card)
    assert card_generation(card) == 1
    assert classify(card).kind is ScanKind.MEMBER_CARD
    assert classify(receipt).kind is ScanKind.RECEIPT_NUMBER
    assert receipt == f"R{store:05d}030000042"
    assert SHIFT_NO.fullmatch(shift_number(store, 3, datetime(2026, 12, 1, 8, 30, tzinfo=UTC)))
    assert parse_till_id(till_id(store, 3)) == (store, 3)


def test_a_misread_wide_card_is_refused_by_its_check_digit() -> None:
    card = make_card_number(12345, 1, 7, 0)
    misread = card[:8] + str((int(card[8]) + 1) % 10) + card[9:]

    assert classify(card).kind is ScanKind.MEMBER_CARD
    with pytest.raises(errors.InvalidCardNumber):
        parse_card_number(misread)


@pytest.mark.parametrize("text", ["", "7-01", "0007-01", "12345-1", "abc-01", "123456-01"])
def test_other_till_ids_are_not_read(text: str) -> None:
    assert parse_till_id(text) is None


@pytest.mark.parametrize("store", [0, 100_000])
def test_store_numbers_outside_the_chain_are_refused(store: int) -> None:
    with pytest.raises(ValueError, match="store number"):
        till_id(store, 1)
    assert store_digits(999) == "999"
    assert store_digits(1000) == "01000"
