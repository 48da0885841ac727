"""Cash typed before 收款, and when the counter reads an amount back first."""

from __future__ import annotations

import pytest

from frontdesk.domain.money import Fen
from frontdesk.domain.tendering import asks_first, pays_at_once, typed_cash


@pytest.mark.parametrize(("text", "fen"), [("100", 10_000), ("20.5", 2_050), (" 7.25 ", 725)])
def test_an_amount_typed_in_the_scan_field_is_cash(text: str, fen: int) -> None:
    assert typed_cash(text) == Fen(fen)


@pytest.mark.parametrize(
    "text", ["", "6901234567892", "13812341234", "1e5", "１００", "1,000", "100.123", "-5"]
)
def test_a_code_or_a_strange_number_is_not_cash(text: str) -> None:
    assert typed_cash(text) is None


@pytest.mark.parametrize(
    ("tendered", "due", "at_once"),
    [
        ("89.00", "89.00", True),  # exact
        ("100.00", "89.00", True),  # one note, change ￥11
        ("188.99", "89.00", True),  # change just under a ￥100 note
        ("189.00", "89.00", False),  # ￥100 change: a slip, or two notes — look first
        ("50.00", "89.00", False),  # not enough: the screen takes the rest
        ("1.00", "0.00", False),  # nothing is due
    ],
)
def test_cash_pays_at_once_only_when_it_cannot_be_a_slip(
    tendered: str, due: str, at_once: bool
) -> None:
    assert pays_at_once(Fen.of(tendered), Fen.of(due)) is at_once


def test_an_amount_is_read_back_above_the_limit_either_way() -> None:
    limit = Fen.of("50.00")

    assert not asks_first(Fen.of("50.00"), limit)
    assert asks_first(Fen.of("50.01"), limit)
    assert asks_first(Fen.of("-3293.23"), limit)
    assert not asks_first(Fen.of("99999.00"), None)
    assert asks_first(Fen(1), Fen(0))
