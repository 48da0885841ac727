"""Cross-store settlement (跨店清分) and prepaid liability per store, from principal movements.

A chain's stored value is sold at one store and spent at another. The store that took the
member's money holds it; the store that handed over the goods is owed it. Principal is traced
first in, first out through each member's top-ups: a spend at store B drawn from a top-up made
at store A is A's debt to B. Bonus (赠金) is never settled: nobody paid for it.

Value given back to a member by a refund or a positive adjustment becomes a new lot of the store
that gave it back, so a later spend elsewhere is that store's debt. Spending beyond every lot
(an offline overspend) is drawn from no store and reported as such.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

UNFUNDED = ""  # the "store" an overspend is drawn from: nobody holds that money


@dataclass(frozen=True)
class PrincipalMove:
    """One principal entry as head office holds it, in the order the entries happened."""

    member_id: str
    store_no: str
    day: date
    amount: int  # fen; positive pays in (a new lot), negative takes out (FIFO from the lots)


@dataclass
class _Lot:
    store_no: str
    left: int


@dataclass
class Settlement:
    # (issuing store, consuming store) → fen the first owes the second
    flows: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    # (issuing store, consuming store, day of the spend) → fen: the same flows by day, so a
    # period's settlement counts the spends of that period, traced through every earlier lot
    daily: dict[tuple[str, str, date], int] = field(default_factory=lambda: defaultdict(int))
    # (store, day) → principal that store holds for members at the end of that day
    liability: dict[tuple[str, date], int] = field(default_factory=dict)
    outstanding: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def flows_in(self, since: date | None, until: date | None) -> dict[tuple[str, str], int]:
        """The flows of the spends made from `since` to `until` (each day included, None open)."""
        if since is None and until is None:
            return dict(self.flows)
        found: dict[tuple[str, str], int] = defaultdict(int)
        for (a, b, day), fen in self.daily.items():
            if (since is None or day >= since) and (until is None or day <= until):
                found[(a, b)] += fen
        return dict(found)

    def owed(
        self, since: date | None = None, until: date | None = None
    ) -> list[tuple[str, str, int]]:
        """Net debts between two stores, largest first: (owing store, owed store, fen).

        With a period, only what was spent (or paid out at 退卡) in it is settled.
        """
        pairs: dict[tuple[str, str], int] = {}
        for (a, b), fen in self.flows_in(since, until).items():
            if a == b or fen == 0:
                continue
            key = (min(a, b), max(a, b))
            pairs[key] = pairs.get(key, 0) + (fen if a == key[0] else -fen)
        out = [(a, b, n) if n > 0 else (b, a, -n) for (a, b), n in pairs.items() if n]
        return sorted(out, key=lambda r: (-r[2], r[0], r[1]))


def settle(moves: Iterable[PrincipalMove]) -> Settlement:
    """Trace every member's principal FIFO through their lots; `moves` in time order."""
    result = Settlement()
    lots: dict[str, deque[_Lot]] = defaultdict(deque)
    held: dict[str, int] = defaultdict(int)  # store → principal it holds now
    current: date | None = None

    def close_day(day: date) -> None:
        for store, fen in held.items():
            result.liability[(store, day)] = fen

    for move in moves:
        if current is not None and move.day != current:
            close_day(current)
        current = move.day
        if move.amount > 0:
            lots[move.member_id].append(_Lot(move.store_no, move.amount))
            held[move.store_no] += move.amount
            continue
        need = -move.amount
        queue = lots[move.member_id]
        while need and queue:
            lot = queue[0]
            piece = min(lot.left, need)
            lot.left -= piece
            need -= piece
            held[lot.store_no] -= piece
            result.flows[(lot.store_no, move.store_no)] += piece
            result.daily[(lot.store_no, move.store_no, move.day)] += piece
            if lot.left == 0:
                queue.popleft()
        if need:
            result.flows[(UNFUNDED, move.store_no)] += need
            result.daily[(UNFUNDED, move.store_no, move.day)] += need
            held[UNFUNDED] -= need
    if current is not None:
        close_day(current)
    for queue in lots.values():
        for lot in queue:
            result.outstanding[lot.store_no] += lot.left
    return result
