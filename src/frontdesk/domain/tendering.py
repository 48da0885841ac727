"""How the counter takes money in few keys: an amount typed before 收款, and what asks first.

A cashier who types what the customer handed over and presses 收款 (F5) has said "cash, this
much". The till pays the ticket at once only when that cannot be a slip: the amount covers what
is due and the change is less than one ￥100 note; anything else opens the payment screen with
the amount typed in, to be looked at.
"""

from __future__ import annotations

import re

from frontdesk.domain.money import Fen

# What a person types for cash received: up to six digits of yuan and at most two decimals; a
# product code (8–13 digits), a card or a phone number is never read as money.
_TENDERED = re.compile(r"[0-9]{1,6}(\.[0-9]{1,2})?")

LARGEST_NOTE = Fen(10_000)  # ￥100: more change than that means a slip, not a customer


def typed_cash(text: str) -> Fen | None:
    """The cash amount a cashier typed into the scan field, or None when it is not an amount."""
    text = text.strip()
    if _TENDERED.fullmatch(text) is None:
        return None
    return Fen.of(text)


def pays_at_once(tendered: Fen, due: Fen) -> bool:
    """Cash typed before 收款 settles the ticket without the payment screen."""
    return due.value > 0 and due.value <= tendered.value < due.value + LARGEST_NOTE.value


def asks_first(amount: Fen, limit: Fen | None) -> bool:
    """A confirmation is due for `amount` (its size, either sign) over the program's `limit`.

    No limit (the program sets none) never asks; a limit of ￥0 asks for any amount but zero.
    """
    return limit is not None and abs(amount.value) > limit.value
