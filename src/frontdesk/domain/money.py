"""Money as integer fen, with the chain's one rounding rule (四舍五入) and fair allocation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from frontdesk.domain.counts import parse_count as parse_count  # read with money
from frontdesk.domain.counts import parse_signed_count as parse_signed_count

# Yuan as a person writes it: ASCII digits (commas only between thousands), at most two decimals.
_AMOUNT = re.compile(r"(?P<whole>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?P<fen>[0-9]{1,2}))?")


@dataclass(frozen=True, order=True, slots=True)
class Fen:
    """An amount of money in fen (分). Never a float, never a Decimal at rest."""

    value: int

    def __post_init__(self) -> None:
        if type(self.value) is not int:  # bool is an int too, and never money
            raise TypeError(f"Fen needs an int, got {type(self.value).__name__}")

    @classmethod
    def of(cls, yuan: str | int) -> Fen:
        """Parse a yuan amount written as text ("12.30", "12", "￥1,234.50", "-0.22").

        Strict on purpose: ASCII digits, thousands commas in their places, at most two
        decimals. Python's own Decimal and int read "1e5", "1_000", "１００" and "١٠٠" as numbers,
        which a person typing an amount never meant (1e5 once became a ￥100,000.00 top-up).
        """
        if isinstance(yuan, bool) or not isinstance(yuan, str | int):
            raise ValueError(f"not an amount: {yuan!r}")
        text = str(yuan).strip()
        negative = text.startswith("-")  # "-￥5.00", or "￥-5.00" as str(Fen) prints it
        text = text.removeprefix("-").removeprefix("￥").removeprefix("¥")
        if not negative and text.startswith("-"):
            negative, text = True, text[1:]
        match = _AMOUNT.fullmatch(text)
        if match is None:
            raise ValueError(f"not an amount in yuan with at most two decimals: {yuan!r}")
        whole, decimals = match["whole"].replace(",", ""), match["fen"] or ""
        if len(whole) > 13:  # ￥10 trillion: no till takes more, and it bounds every sum
            raise ValueError(f"amount too large: {yuan!r}")
        fen = int(whole) * 100 + int(decimals.ljust(2, "0"))
        return cls(-fen if negative else fen)

    def __add__(self, other: Fen) -> Fen:
        return Fen(self.value + other.value)

    def __sub__(self, other: Fen) -> Fen:
        return Fen(self.value - other.value)

    def __neg__(self) -> Fen:
        return Fen(-self.value)

    def __mul__(self, factor: int) -> Fen:
        if not isinstance(factor, int):
            raise TypeError("multiply Fen by whole numbers only; use apply_rate for rates")
        return Fen(self.value * factor)

    __rmul__ = __mul__

    def __bool__(self) -> bool:
        return self.value != 0

    def yuan(self) -> str:
        """The amount as yuan text with two decimals and a thousands separator."""
        sign = "-" if self.value < 0 else ""
        whole, fen = divmod(abs(self.value), 100)
        return f"{sign}{whole:,}.{fen:02d}"

    def __str__(self) -> str:
        # The full-width sign (U+FFE5) is what Chinese receipts and printers expect.
        return f"￥{self.yuan()}"


ZERO = Fen(0)


def total(amounts: Sequence[Fen]) -> Fen:
    return Fen(sum(a.value for a in amounts))


def apply_rate(amount: Fen, rate: Decimal) -> Fen:
    """Amount × rate, rounded half up to the fen (once, at the end)."""
    return Fen(int((Decimal(amount.value) * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP)))


def floor_decimal(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_FLOOR))


def allocate(amount: Fen, weights: Sequence[int]) -> list[Fen]:
    """Split amount over weights by the largest-remainder method.

    The parts always add up to amount exactly; ties go to the earlier weight, so the same
    ticket always allocates the same way on every till.
    """
    if not weights:
        if amount.value:
            raise ValueError("cannot allocate a non-zero amount over nothing")
        return []
    if any(w < 0 for w in weights):
        raise ValueError("weights must not be negative")
    whole = sum(weights)
    if whole == 0:
        if amount.value:
            raise ValueError("cannot allocate a non-zero amount over zero weights")
        return [ZERO for _ in weights]
    sign = -1 if amount.value < 0 else 1
    magnitude = abs(amount.value)
    floors = [magnitude * w // whole for w in weights]
    remainders = [magnitude * w % whole for w in weights]
    left = magnitude - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for i in order[:left]:
        floors[i] += 1
    return [Fen(sign * f) for f in floors]
