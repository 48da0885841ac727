"""The append-only ledger: sealed entries, bucket moves, the chain head."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, bindparam, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection

from frontdesk.domain.ledger import EntryDraft, LedgerEntry, seal
from frontdesk.domain.money import Fen
from frontdesk.persistence import prepared as pr
from frontdesk.persistence import tables as t
from frontdesk.persistence.record_seal import ChainHeads
from frontdesk.persistence.repositories.base import SqlRepository

_BALANCE_COLUMN = {"principal": "principal", "bonus": "bonus", "points": "points"}
_ADD_ENTRIES = pr.Prepared(insert(t.ledger_entry))
# Every bucket moves in the one statement, by zero where the transaction did not touch it.
_MOVE = (
    update(t.account)
    .where(t.account.c.member_id == bindparam("b_member"))
    .values(
        principal=t.account.c.principal + bindparam("b_principal"),
        bonus=t.account.c.bonus + bindparam("b_bonus"),
        points=t.account.c.points + bindparam("b_points"),
    )
)
_MOVE_ACCOUNT = pr.Prepared(_MOVE)
# A purchase's member: the same UPDATE also says when they last bought.
_MOVE_PURCHASE = pr.Prepared(_MOVE.values(last_purchase_at=bindparam("b_at")))
_TOUCH_PURCHASE = pr.Prepared(
    update(t.account)
    .where(t.account.c.member_id == bindparam("b_member"))
    .values(last_purchase_at=bindparam("b_at"))
)
# A lot the member has gains the points; one they have not is made with them.
_UPSERT_LOT = pr.Prepared(
    sqlite_insert(t.points_lot)
    .values(
        member_id=bindparam("member_id"),
        lot_year=bindparam("lot_year"),
        points=bindparam("points"),
        base_points=bindparam("base_points"),
    )
    .on_conflict_do_update(
        index_elements=[t.points_lot.c.member_id, t.points_lot.c.lot_year],
        set_={"points": t.points_lot.c.points + sqlite_insert(t.points_lot).excluded.points},
    ),
    by_columns=False,
)


class SqlLedger(SqlRepository):
    """Appends sealed entries and moves the projections in the same transaction."""

    def __init__(self, conn: Connection, till_id: str, heads: ChainHeads | None = None) -> None:
        super().__init__(conn)
        self.till_id = till_id
        self._heads = heads or ChainHeads(conn, till_id)

    def head(self) -> tuple[int, str]:
        return self._heads.get("ledger")

    def append(
        self, drafts: Sequence[EntryDraft], at: datetime, *, purchase: str | None = None
    ) -> list[LedgerEntry]:
        """Seal and write the entries, moving each account and points lot once.

        `purchase`: the member whose purchase this is; their account's last purchase becomes
        `at` in the same UPDATE that moves its balances.
        """
        seq, prev = self.head()
        stamp = at.isoformat()
        touch = {"b_member": purchase, "b_at": stamp}
        sealed: list[LedgerEntry] = []
        for d in drafts:
            seq += 1
            entry = seal(d, till_id=self.till_id, seq=seq, created_at=stamp, prev_hash=prev)
            sealed.append(entry)
            prev = entry.hash
        if not sealed:
            if purchase is not None:
                pr.execute(self.conn, _TOUCH_PURCHASE, touch)
            return sealed
        self._heads.moved("ledger", sealed[-1].seq, sealed[-1].hash)
        # An entry's own field dict is the statement's parameters (read, never changed).
        pr.execute_many(self.conn, _ADD_ENTRIES, [vars(e) for e in sealed])
        # One UPDATE per account and per points lot, however many entries the transaction has.
        deltas: dict[str, dict[str, int]] = {}
        lot_deltas: dict[tuple[str, int], int] = {}
        for e in sealed:
            per_member = deltas.setdefault(e.member_id, {})
            column = _BALANCE_COLUMN[e.bucket]
            per_member[column] = per_member.get(column, 0) + e.amount
            if e.bucket == "points" and e.lot_year is not None:
                key = (e.member_id, e.lot_year)
                lot_deltas[key] = lot_deltas.get(key, 0) + e.amount
        moves = {
            member_id: {
                "b_member": member_id,
                "b_principal": m.get("principal", 0),
                "b_bonus": m.get("bonus", 0),
                "b_points": m.get("points", 0),
            }
            for member_id, m in deltas.items()
        }
        if purchase is not None:
            bought = moves.pop(purchase, None)
            if bought is None:
                pr.execute(self.conn, _TOUCH_PURCHASE, touch)
            else:
                pr.execute(self.conn, _MOVE_PURCHASE, {**bought, "b_at": stamp})
        # One executemany each: a sale moves one account, an import of 10,000 members as many,
        # and a statement per member was most of an import's time.
        pr.execute_many(self.conn, _MOVE_ACCOUNT, list(moves.values()))
        pr.execute_many(
            self.conn,
            _UPSERT_LOT,
            [
                {"member_id": m, "lot_year": year, "points": amount, "base_points": 0}
                for (m, year), amount in lot_deltas.items()
            ],
        )
        return sealed

    def has_txn(self, txn_uuid: str) -> bool:
        q = select(t.ledger_entry.c.seq).where(t.ledger_entry.c.txn_uuid == txn_uuid).limit(1)
        return self.conn.execute(q).first() is not None

    def entries(self, after_seq: int = 0, limit: int | None = None) -> list[LedgerEntry]:
        q = (
            select(t.ledger_entry)
            .where(and_(t.ledger_entry.c.till_id == self.till_id, t.ledger_entry.c.seq > after_seq))
            .order_by(t.ledger_entry.c.seq)
        )
        if limit is not None:
            q = q.limit(limit)
        return [entry_of(r) for r in self.conn.execute(q)]

    def for_ticket(self, ticket_id: str) -> list[LedgerEntry]:
        q = (
            select(t.ledger_entry)
            .where(t.ledger_entry.c.ticket_id == ticket_id)
            .order_by(t.ledger_entry.c.seq)
        )
        return [entry_of(r) for r in self.conn.execute(q)]

    def for_member(self, member_id: str) -> list[LedgerEntry]:
        """The member's entries on this till, in chain order (a statement's lines)."""
        q = (
            select(t.ledger_entry)
            .where(t.ledger_entry.c.member_id == member_id)
            .order_by(t.ledger_entry.c.till_id, t.ledger_entry.c.seq)
        )
        return [entry_of(r) for r in self.conn.execute(q)]

    def offline_spent(self, member_id: str, day: date) -> Fen:
        q = select(func.coalesce(func.sum(t.ledger_entry.c.amount), 0)).where(
            and_(
                t.ledger_entry.c.member_id == member_id,
                t.ledger_entry.c.kind == "spend",
                t.ledger_entry.c.offline.is_(True),
                func.substr(t.ledger_entry.c.created_at, 1, 10) == day.isoformat(),
            )
        )
        return Fen(-int(self.conn.execute(q).scalar_one()))


def vars_of(e: LedgerEntry) -> dict[str, Any]:
    return {k: getattr(e, k) for k in LedgerEntry.__dataclass_fields__}


def entry_of(r: Any) -> LedgerEntry:
    return LedgerEntry(**{k: getattr(r, k) for k in LedgerEntry.__dataclass_fields__})
