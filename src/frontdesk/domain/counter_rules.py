"""The program's [counter] section: when the counter asks first, what a cashier changes alone."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from frontdesk.domain.money import Fen


class ManualMemberDiscount(Enum):
    """Whether the member discount still applies to a line the cashier priced or discounted."""

    NONE = "none"  # the cashier's price is the line's price: no member discount on top
    ON_TOP = "on_top"  # the member discount is taken from the price the cashier set


class SameScan(Enum):
    """What the same product scanned again does to the ticket."""

    ADD_TO_LINE = "add_to_line"  # its line's quantity goes up (the usual till)
    NEW_LINE = "new_line"  # a line of its own (stores that weigh or serialise each item)


# Defaults: top-ups over ￥1,000 and over/short over ￥50 are read back; ￥10 off is the cashier's.
TOPUP_READ_BACK = Fen(100_000)
OVER_SHORT_READ_BACK = Fen(5_000)
CASHIER_DISCOUNT = Fen(1_000)


@dataclass(frozen=True)
class CounterRules:
    """Every key optional; the defaults are what a small store is given."""

    # A top-up above this is read back (member's name and amount) before it is taken.
    confirm_topup_above: Fen = TOPUP_READ_BACK
    # A shift close whose over/short is larger than this, either way, is read back first.
    confirm_over_short_above: Fen = OVER_SHORT_READ_BACK
    same_scan: SameScan = SameScan.ADD_TO_LINE
    # Price overrides and discounts taking more than this off one ticket need a manager.
    discount_without_approval: Fen = CASHIER_DISCOUNT
    # What a line priced or discounted by hand gets of the member discount.
    manual_member_discount: ManualMemberDiscount = ManualMemberDiscount.NONE
