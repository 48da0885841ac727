"""Text measured in printer cells: a Han character or full-width sign takes two, ASCII one.

The receipt printer's rule, kept here so the layout and the window's preview share it.
"""

from __future__ import annotations

import unicodedata


def char_cells(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    # A Chinese printer draws every double-byte GB code full width, so ambiguous signs such as
    # × and → take two cells on paper even though a Western terminal shows them in one.
    return 2 if ord(ch) > 0x7F and unicodedata.east_asian_width(ch) == "A" else 1


def cells(text: str) -> int:
    return sum(char_cells(ch) for ch in text)
