"""Money as integer fen, with the chain's one rounding rule (四舍五入) and fair allocation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation


@dataclass(frozen=True, order=True, slots=True)
class Fen:
    """An amount of money in fen (分). Never a float, never a Decimal at rest."""

    value: int

    def __post_init__(self) -> None:
        if type(self.value) is not int:  # bool is an int too, and never money
            raise TypeError(f"Fen needs an int, got {type(self.value).__name__}")

    @classmethod
    def of(cls, yuan: str | int) -> Fen:
        """Parse a yuan amount written as text ("12.30", "12", "￥1,234.50")."""
        text = str(yuan).strip().replace("￥", "").replace("¥", "").replace(",", "")
        try:
            amount = Decimal(text)
        except InvalidOperation as exc:
            raise ValueError(f"not an amount: {yuan!r}") from exc
        # Bounded before quantize: a huge exponent would overflow the decimal context.
        too_big = abs(amount) > 10**13 if amount.is_finite() else True
        if too_big or amount != amount.quantize(Decimal("0.01")):
            raise ValueError(f"not an amount in fen: {yuan!r}")
        return cls(int(amount * 100))

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
