"""How a store's number is written inside till ids and card, receipt and shift numbers."""

from __future__ import annotations

# The first layout gave the store 3 digits; every card, receipt and till id printed for stores
# 1–999 keeps that layout, so nothing already in a customer's wallet changes. A store above 999
# is written with 5 digits, and the numbers that carry it grow by two digits: their lengths never
# overlap, so a number's length alone tells which layout it uses.
NARROW_STORE_MAX = 999
STORE_MAX = 99_999
TILL_MAX = 99
NARROW_STORE_DIGITS = 3
WIDE_STORE_DIGITS = 5


def check_store_and_till(store: int, till: int) -> None:
    if not (1 <= store <= STORE_MAX and 1 <= till <= TILL_MAX):
        raise ValueError(f"store number is 1–{STORE_MAX} and till number 1–{TILL_MAX}")


def store_digits(store: int) -> str:
    """The store as written inside every number: 3 digits up to 999, 5 digits beyond."""
    if not 0 <= store <= STORE_MAX:
        raise ValueError("store number out of range")
    width = NARROW_STORE_DIGITS if store <= NARROW_STORE_MAX else WIDE_STORE_DIGITS
    return f"{store:0{width}d}"


def till_id(store: int, till: int) -> str:
    """The till's name "SSS-TT" (or "SSSSS-TT") in the ledger, at head office and in roles."""
    check_store_and_till(store, till)
    return f"{store_digits(store)}-{till:02d}"


def parse_till_id(text: str) -> tuple[int, int] | None:
    """(store, till) from a till id of either layout; None for anything else."""
    store, sep, till = text.partition("-")
    widths = (NARROW_STORE_DIGITS, WIDE_STORE_DIGITS)
    if not (sep and store.isdigit() and till.isdigit() and len(store) in widths and len(till) == 2):
        return None
    return int(store), int(till)
