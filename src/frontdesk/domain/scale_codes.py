"""称重条码: the barcodes a weighing scale prints, read by a layout the store configures.

A label scale prints the weighed item's PLU with its price or weight (or both) inside one
barcode. Two families are common at Chinese counters:

- 18 digits, ``26`` + PLU (5) + amount in fen (5) + weight in grams (5) + check digit;
- EAN-13 in-store codes, ``2x`` + PLU (5) + a value (5) + check digit, where the store decides
  per prefix whether the value is the amount (fen) or the weight (grams).

A layout is written as a pattern, one letter a digit: the prefix digits as they are, ``P`` the
PLU, ``A`` the amount in fen, ``W`` the weight in grams, ``C`` the GS1 check digit
(e.g. ``26PPPPPAAAAAWWWWWC``). Pure functions; the scale and its labels are the store's data.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from frontdesk.domain.money import Fen
from frontdesk.domain.scan import gtin_check_digit

_PATTERN = re.compile(r"(?P<prefix>\d+)(?P<fields>[PAWC]+)")


@dataclass(frozen=True)
class ScaleLayout:
    """Where the PLU, amount and weight stand in a scale's barcode."""

    pattern: str

    def __post_init__(self) -> None:
        match = _PATTERN.fullmatch(self.pattern)
        if match is None or self.pattern.count("C") != 1 or not self.pattern.endswith("C"):
            raise ValueError(f"a scale layout is prefix digits then P/A/W and a final C: {self!r}")
        if "P" not in self.pattern or not ({"A", "W"} & set(self.pattern)):
            raise ValueError(f"a scale layout needs a PLU and an amount or a weight: {self!r}")
        for letter in "PAW":
            run = re.findall(f"{letter}+", self.pattern)
            if len(run) > 1:
                raise ValueError(f"{letter} must be one run of digits in {self.pattern!r}")

    @property
    def prefix(self) -> str:
        return self.pattern[: len(self.pattern) - len(self.pattern.lstrip("0123456789"))]

    def field(self, letter: str, code: str) -> str | None:
        at = self.pattern.find(letter)
        if at < 0:
            return None
        return code[at : at + self.pattern.count(letter)]

    def matches(self, code: str) -> bool:
        return (
            len(code) == len(self.pattern)
            and code.isdigit()
            and code.startswith(self.prefix)
            and gtin_check_digit(code[:-1]) == code[-1]
        )


# The layouts a till reads unless the store configures its own (settings key scale_layouts).
DEFAULT_LAYOUTS: tuple[ScaleLayout, ...] = (
    ScaleLayout("26PPPPPAAAAAWWWWWC"),  # 18 digits: amount and weight
    ScaleLayout("20PPPPPAAAAAC"),  # EAN-13: the amount in fen
    ScaleLayout("21PPPPPWWWWWC"),  # EAN-13: the weight in grams
)


def layouts_from(text: str | None) -> tuple[ScaleLayout, ...]:
    """Layouts written one after another, separated by commas or spaces; none: the defaults."""
    words = [w for w in re.split(r"[,\s]+", text or "") if w]
    return tuple(ScaleLayout(w) for w in words) if words else DEFAULT_LAYOUTS


@dataclass(frozen=True)
class ScaleCode:
    """What one scale label says: the item (its PLU) and its amount, weight, or both."""

    code: str
    plu: str
    amount: Fen | None
    grams: int | None


def read_scale_code(
    code: str, layouts: Sequence[ScaleLayout] = DEFAULT_LAYOUTS
) -> ScaleCode | None:
    """The scale label behind ``code``, or None when no layout reads it (an ordinary barcode)."""
    for layout in layouts:
        if layout.matches(code):
            plu = layout.field("P", code) or ""
            amount, grams = layout.field("A", code), layout.field("W", code)
            return ScaleCode(
                code,
                plu,
                None if amount is None else Fen(int(amount)),
                None if grams is None else int(grams),
            )
    return None


def weighed_amount(unit_price_per_kg: Fen, grams: int) -> Fen:
    """The price of ``grams`` at a price per kilogram, rounded half up to the fen (as scales do)."""
    return Fen((unit_price_per_kg.value * grams * 2 + 1000) // 2000)


def line_amount(label: ScaleCode, unit_price_per_kg: Fen) -> Fen:
    """What the line costs: the amount the scale printed, else its weight at the product's price."""
    if label.amount is not None:
        return label.amount
    assert label.grams is not None  # a layout has an amount or a weight
    return weighed_amount(unit_price_per_kg, label.grams)


def weight_text(grams: int) -> str:
    """A weight as a ticket line shows it: kilograms with three decimals (0.456kg)."""
    return f"{grams // 1000}.{grams % 1000:03d}kg"
