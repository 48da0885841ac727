"""称重条码: each layout gives the PLU with the right amount and weight; else it is no label."""

from __future__ import annotations

import pytest

from frontdesk.domain.money import Fen
from frontdesk.domain.scale_codes import (
    DEFAULT_LAYOUTS,
    ScaleCode,
    ScaleLayout,
    layouts_from,
    line_amount,
    read_scale_code,
    weighed_amount,
    weight_text,
)
from frontdesk.domain.scan import gtin_check_digit


def label(payload: str) -> str:
    return payload + gtin_check_digit(payload)


def test_an_18_digit_label_carries_plu_amount_and_weight() -> None:
    code = label("26" + "00123" + "01299" + "00456")  # PLU 00123, ￥12.99, 456 g

    assert read_scale_code(code) == ScaleCode(code, "00123", Fen(1299), 456)


def test_13_digit_labels_carry_the_amount_or_the_weight_by_prefix() -> None:
    price = label("20" + "00123" + "00850")
    weight = label("21" + "00123" + "01250")

    assert read_scale_code(price) == ScaleCode(price, "00123", Fen(850), None)
    assert read_scale_code(weight) == ScaleCode(weight, "00123", None, 1250)


@pytest.mark.parametrize(
    "code",
    [
        "6901234567892",  # an ordinary EAN-13
        "26" + "00123" + "01299" + "00456" + "0",  # wrong check digit
        "27" + "00123" + "00850" + "1",  # a prefix no layout names
        "20001230085",  # too short
    ],
)
def test_anything_else_is_no_scale_label(code: str) -> None:
    assert read_scale_code(code) is None


def test_a_weight_is_priced_per_kilogram_rounded_half_up_to_the_fen() -> None:
    assert weighed_amount(Fen(1990), 1250) == Fen(2488)  # 24.875 → 24.88
    assert weighed_amount(Fen(1990), 1000) == Fen(1990)
    assert weighed_amount(Fen(333), 1) == Fen(0)  # 0.333 fen → 0
    weighed = ScaleCode("x", "00123", None, 1250)
    assert line_amount(weighed, Fen(1990)) == Fen(2488)
    priced = ScaleCode("x", "00123", Fen(850), 500)
    assert line_amount(priced, Fen(1990)) == Fen(850)  # the scale's own amount wins


def test_weights_read_as_a_ticket_shows_them() -> None:
    assert weight_text(456) == "0.456kg"
    assert weight_text(12_050) == "12.050kg"


def test_the_store_configures_its_layouts() -> None:
    mine = layouts_from("28PPPPPWWWWWC, 2PPPPPPAAAAAC")
    code = label("28" + "04711" + "00300")

    assert [layout.pattern for layout in mine] == ["28PPPPPWWWWWC", "2PPPPPPAAAAAC"]
    assert read_scale_code(code, mine) == ScaleCode(code, "04711", None, 300)
    assert layouts_from("") == DEFAULT_LAYOUTS
    assert layouts_from(None) == DEFAULT_LAYOUTS


@pytest.mark.parametrize(
    "pattern", ["PPPPPAAAAAC", "26PPPPPAAAAA", "26PPAAPPC", "26AAAAAC", "26PPPPPC", "26PPXC"]
)
def test_a_layout_that_cannot_be_read_is_refused(pattern: str) -> None:
    with pytest.raises(ValueError, match=r"layout|run"):
        ScaleLayout(pattern)
