"""客显: what the customer's pole display shows, as the common VFD/LED command set writes it.

The 8-digit LED price poles sold with Chinese tills take:

- ``ESC @``: initialise (clears the digits);
- ``ESC s n``: light one of the four lamps under the digits, n = ``1`` 单价, ``2`` 合计,
  ``3`` 收款, ``4`` 找零 (``0`` all off);
- ``ESC Q A`` digits ``CR``: show a number (digits and one decimal point, at most 8 digits).

Two-line VFD poles (CD5220-compatible) take ``ESC Q A`` text ``CR`` for the upper line and
``ESC Q B`` text ``CR`` for the lower one (20 cells each). Pure: the frames are bytes;
sending them is the hardware adapter's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from frontdesk.domain.money import Fen

INIT = b"\x1b@"
CR = b"\r"
DIGITS = 8  # the LED pole's digits (a decimal point takes none)


class Lamp(Enum):
    """The lamp lit under the digits: what the number is."""

    OFF = b"0"
    PRICE = b"1"  # 单价
    TOTAL = b"2"  # 合计
    PAID = b"3"  # 收款
    CHANGE = b"4"  # 找零


@dataclass(frozen=True)
class Shown:
    """One state of the display: a number under a lamp, and two text lines for a VFD."""

    lamp: Lamp
    amount: Fen
    upper: str
    lower: str


def number(amount: Fen) -> bytes:
    """The amount as the pole shows it: yuan with two decimals, ASCII, at most 8 digits."""
    text = f"{abs(amount.value) // 100}.{abs(amount.value) % 100:02d}"
    if len(text) - 1 > DIGITS:
        text = "9" * (DIGITS - 2) + ".99"  # more than the pole holds: never a wrong small number
    return ("-" if amount.value < 0 else "").encode("ascii") + text.encode("ascii")


class Pole(Enum):
    """Which of the two common kinds of pole is on the port."""

    LED = "led"  # 8 digits and four lamps
    VFD = "vfd"  # two lines of 20 characters


def frames(shown: Shown, pole: Pole = Pole.LED, encoding: str = "gb18030") -> bytes:
    """Every byte that puts ``shown`` on the display."""
    if pole is Pole.LED:
        return b"\x1bs" + shown.lamp.value + b"\x1bQA" + number(shown.amount) + CR
    return (
        b"\x1bQA"
        + _line(shown.upper, encoding)
        + CR
        + b"\x1bQB"
        + _line(shown.lower, encoding)
        + CR
    )


def _line(text: str, encoding: str) -> bytes:
    """At most 20 cells (a Chinese character takes two), never half a character."""
    out = b""
    for ch in text:
        encoded = ch.encode(encoding, errors="replace")
        if len(out) + len(encoded) > 20:
            break
        out += encoded
    return out


def item(name: str, price: Fen) -> Shown:
    """A product just scanned: its price under 单价."""
    return Shown(Lamp.PRICE, price, name, f"单价 {price}")


def total(due: Fen) -> Shown:
    return Shown(Lamp.TOTAL, due, "合计", str(due))


def paid(amount: Fen) -> Shown:
    return Shown(Lamp.PAID, amount, "收款", str(amount))


def change(amount: Fen) -> Shown:
    return Shown(Lamp.CHANGE, amount, "找零", str(amount))
