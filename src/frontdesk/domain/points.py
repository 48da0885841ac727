"""Points (积分): earning, redemption blocks, and FIFO lots that expire at the end of year Y+1."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from frontdesk.domain.money import Fen, floor_decimal
from frontdesk.domain.program import Program


def points_earned(paid: Fen, rate_per_yuan: Decimal, multiplier: int) -> int:
    """floor(money paid in yuan × tier rate × multiplier); nothing for nothing paid."""
    if paid.value <= 0:
        return 0
    return floor_decimal(Decimal(paid.value) * rate_per_yuan * multiplier / 100)


def last_day(lot_year: int, program: Program) -> date:
    """Points earned in lot_year can be used up to and including this day."""
    return date(lot_year + program.points_expiry_years_after, 12, 31)


def take_fifo(lots: Mapping[int, int], points: int) -> list[tuple[int, int]]:
    """Which lots a use of `points` consumes, oldest first: [(lot_year, points_taken)]."""
    taken: list[tuple[int, int]] = []
    left = points
    for year in sorted(lots):
        if left <= 0:
            break
        available = lots[year]
        if available <= 0:
            continue
        take = min(available, left)
        taken.append((year, take))
        left -= take
    if left > 0:
        raise ValueError("not enough points in the lots")
    return taken


def expired_lots(lots: Mapping[int, int], today: date, program: Program) -> list[tuple[int, int]]:
    """Lots past their last day that still hold points: [(lot_year, points_to_expire)]."""
    return [(y, p) for y, p in sorted(lots.items()) if p > 0 and today > last_day(y, program)]


def usable(lots: Mapping[int, int], today: date, program: Program) -> int:
    """The balance a member can use today: expired lots no longer count, negative ones still do."""
    return sum(p for y, p in lots.items() if p < 0 or today <= last_day(y, program))


@dataclass(frozen=True)
class ExpiryWarning:
    points: int
    on: date


def expiring_soon(lots: Mapping[int, int], today: date, program: Program) -> ExpiryWarning | None:
    """The next lot to expire within the warning period, if any (receipt and member panel)."""
    horizon = today + timedelta(days=program.points_expiry_warning_days)
    for year, p in sorted(lots.items()):
        end = last_day(year, program)
        if p > 0 and today <= end <= horizon:
            return ExpiryWarning(p, end)
    return None


def redeemable_blocks(points: int, due: Fen, program: Program) -> int:
    """How many whole blocks the member could redeem on a ticket with this amount due."""
    if points <= 0 or program.redemption_block_value.value == 0:
        return 0
    return min(
        points // program.redemption_block_points, due.value // program.redemption_block_value.value
    )
