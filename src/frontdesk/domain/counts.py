"""Whole numbers a person typed (quantities, counts, store and till numbers).

Apart from money.py so that reading a command line needs no dataclasses or decimals: the CLI's
parser takes its counts from here and `frontdesk --help` imports nothing more.
"""

from __future__ import annotations


def parse_count(text: str) -> int:
    """A quantity or count a person typed: ASCII digits only (int() also takes "１_０")."""
    digits = text.strip()
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 15:
        raise ValueError(f"not a whole number: {text!r}")
    return int(digits)


def parse_signed_count(text: str) -> int:
    """Like parse_count, with an optional leading minus (a points adjustment)."""
    stripped = text.strip()
    return -parse_count(stripped[1:]) if stripped.startswith("-") else parse_count(stripped)
