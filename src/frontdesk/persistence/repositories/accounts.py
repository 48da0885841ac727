"""A member's account row and points lots: balances, tier, last purchase."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, func, insert, select, update

from frontdesk.domain.money import Fen
from frontdesk.persistence import prepared as pr
from frontdesk.persistence import rows
from frontdesk.persistence import tables as t
from frontdesk.persistence.bulk import insert_rows
from frontdesk.persistence.repositories.base import SqlRepository
from frontdesk.services.records import Account

_ACCOUNT = select(t.account).where(t.account.c.member_id == bindparam("b_member"))
_SET_TIER = pr.Prepared(
    update(t.account)
    .where(t.account.c.member_id == bindparam("b_member"))
    .values(
        tier=bindparam("b_tier"),
        tier_since=bindparam("b_since"),
        tier_held_until=bindparam("b_held_until"),
    )
)
_LOTS = pr.Prepared(
    select(t.points_lot.c.lot_year, t.points_lot.c.points).where(
        t.points_lot.c.member_id == bindparam("b_member")
    )
)


class SqlAccounts(SqlRepository):
    def get(self, member_id: str) -> Account | None:
        r = self.conn.execute(_ACCOUNT, {"b_member": member_id}).first()
        return None if r is None else rows.to_account(r)

    def create(self, member_id: str, tier: str) -> None:
        self.conn.execute(
            insert(t.account).values(
                member_id=member_id,
                principal=0,
                bonus=0,
                points=0,
                base_principal=0,
                base_bonus=0,
                base_points=0,
                base_seq=0,
                tier=tier,
            )
        )

    def create_many(self, accounts: Sequence[tuple[str, str]]) -> None:
        """(member id, tier) each, in one executemany: an import's accounts, all at zero."""
        if accounts:
            insert_rows(
                self.conn,
                t.account,
                [
                    {"member_id": m, "principal": 0, "bonus": 0, "points": 0, "base_principal": 0,
                     "base_bonus": 0, "base_points": 0, "base_seq": 0, "tier": tier}
                    for m, tier in accounts
                ],
            )  # fmt: skip

    def set_tier(
        self, member_id: str, tier: str, since: datetime | None, held_until: datetime | None
    ) -> None:
        pr.execute(
            self.conn,
            _SET_TIER,
            {
                "b_member": member_id,
                "b_tier": tier,
                "b_since": rows.iso(since),
                "b_held_until": rows.iso(held_until),
            },
        )

    def lots(self, member_id: str) -> dict[int, int]:
        return {int(y): int(p) for y, p in pr.execute(self.conn, _LOTS, {"b_member": member_id})}

    def liability(self) -> Fen:
        q = select(func.coalesce(func.sum(t.account.c.principal + t.account.c.bonus), 0))
        return Fen(int(self.conn.execute(q).scalar_one()))
