"""A member's projected balances, moved in memory by entries exactly as the ledger moves them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from frontdesk.domain.ledger import Bucket, EntryDraft
from frontdesk.domain.money import Fen


@dataclass(frozen=True)
class Balances:
    principal: Fen
    bonus: Fen
    points: int
    lots: dict[int, int]

    def moved(self, drafts: Iterable[EntryDraft]) -> Balances:
        """The balances after the entries: each moves its bucket, a points entry also its lot.

        A transaction that has just written its entries knows what the projections now hold,
        so it need not read them back.
        """
        principal, bonus, points = self.principal.value, self.bonus.value, self.points
        lots = dict(self.lots)
        for d in drafts:
            if d.bucket is Bucket.PRINCIPAL:
                principal += d.amount
            elif d.bucket is Bucket.BONUS:
                bonus += d.amount
            else:
                points += d.amount
                if d.lot_year is not None:
                    lots[d.lot_year] = lots.get(d.lot_year, 0) + d.amount
        return Balances(Fen(principal), Fen(bonus), points, lots)
