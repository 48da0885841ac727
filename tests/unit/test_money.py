from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontdesk.domain.money import Fen, allocate, apply_rate, parse_count, parse_signed_count


def test_yuan_text_parses_to_exact_fen() -> None:
    assert Fen.of("12.30") == Fen(1230)
    assert Fen.of("￥1,234.50") == Fen(123450)
    assert Fen.of("7") == Fen(700)


@pytest.mark.parametrize("bad", ["1.234", "abc", "", "NaN", "1e400"])
def test_amounts_finer_than_a_fen_or_not_numbers_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="amount"):
        Fen.of(bad)


# Python's Decimal and int take all of these; a person typing an amount meant none of them.
@pytest.mark.parametrize(
    "bad",
    ["1e5", "1E2", "1_000", "１００", "١٠٠", "٣", "+5", "--5", ".5", "5.", "1,00", "1 000", "0x10",
     "Infinity", "1.2.3", "100.000", "9" * 20, "1" * 5000],
)  # fmt: skip
def test_only_ascii_digits_with_at_most_two_decimals_are_money(bad: str) -> None:
    with pytest.raises(ValueError, match="amount"):
        Fen.of(bad)


@pytest.mark.parametrize(
    ("text", "fen"),
    [("0.5", 50), ("1,000", 100_000), (" 100 ", 10_000), ("-0.22", -22), ("￥-0.05", -5),
     ("-￥5", -500), ("¥12.3", 1230)],
)  # fmt: skip
def test_the_forms_a_person_writes_are_read_exactly(text: str, fen: int) -> None:
    assert Fen.of(text) == Fen(fen)


def test_what_str_prints_reads_back() -> None:
    for value in (0, 5, -5, 123_456, -987_654_321):
        assert Fen.of(str(Fen(value))) == Fen(value)


@pytest.mark.parametrize("bad", ["１", "1_0", "-1", "1.0", "", "٣", "1e3", "²"])
def test_a_count_is_ascii_digits(bad: str) -> None:
    with pytest.raises(ValueError, match="whole number"):
        parse_count(bad)


def test_counts_and_signed_counts() -> None:
    assert parse_count(" 12 ") == 12
    assert parse_signed_count("-40") == -40
    assert parse_signed_count("40") == 40
    with pytest.raises(ValueError, match="whole number"):
        parse_signed_count("-１")


def test_fen_refuses_floats_and_bools() -> None:
    with pytest.raises(TypeError):
        Fen(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Fen(True)


def test_receipts_show_the_full_width_yuan_sign() -> None:
    assert str(Fen(123456)) == "￥1,234.56"
    assert str(Fen(-5)) == "￥-0.05"


def test_rates_round_half_up_not_to_even() -> None:
    assert apply_rate(Fen(25), Decimal("0.5")) == Fen(13)  # 12.5 → 13, banker's would give 12
    assert apply_rate(Fen(1999), Decimal("0.95")) == Fen(1899)  # 1899.05


def test_largest_remainder_gives_leftover_fen_to_largest_remainders() -> None:
    assert allocate(Fen(100), [1, 1, 1]) == [Fen(34), Fen(33), Fen(33)]
    assert allocate(Fen(-100), [1, 1, 1]) == [Fen(-34), Fen(-33), Fen(-33)]
    assert allocate(Fen(10), [0, 5, 0]) == [Fen(0), Fen(10), Fen(0)]


@given(st.integers(-(10**9), 10**9), st.lists(st.integers(0, 10**6), min_size=1, max_size=20))
def test_allocation_always_adds_up_to_the_amount(amount: int, weights: list[int]) -> None:
    if sum(weights) == 0:
        weights[0] = 1

    parts = allocate(Fen(amount), weights)

    assert sum(p.value for p in parts) == amount
    assert all(p.value == 0 for p, w in zip(parts, weights, strict=True) if w == 0)
