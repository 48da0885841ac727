"""The append-only ledger: sealed entries, bucket moves, the chain head."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, bindparam, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection

from frontdesk.domain.ledger import GENESIS_HASH, EntryDraft, LedgerEntry, seal
from frontdesk.domain.money import Fen
from frontdesk.persistence import tables as t
from frontdesk.persistence.bulk import insert_rows

_BALANCE_COLUMN = {"principal": "principal", "bonus": "bonus", "points": "points"}
_HEAD = (
    select(t.ledger_entry.c.seq, t.ledger_entry.c.hash)
    .where(t.ledger_entry.c.till_id == bindparam("b_till"))
    .order_by(t.ledger_entry.c.seq.desc())
    .limit(1)
)
# Every bucket moves in the one statement, by zero where the transaction did not touch it.
_MOVE_ACCOUNT = (
    update(t.account)
    .where(t.account.c.member_id == bindparam("b_member"))
    .values(
        principal=t.account.c.principal + bindparam("b_principal"),
        bonus=t.account.c.bonus + bindparam("b_bonus"),
        points=t.account.c.points + bindparam("b_points"),
    )
)
# A lot the member has gains the points; one they have not is made with them.
_UPSERT_LOT = (
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
    )
)


class SqlLedger:
    """Appends sealed entries and moves the projections in the same transaction."""

    def __init__(self, conn: Connection, till_id: str) -> None:
        self.conn = conn
        self.till_id = till_id

    def head(self) -> tuple[int, str]:
        r = self.conn.execute(_HEAD, {"b_till": self.till_id}).first()
        return (0, GENESIS_HASH) if r is None else (int(r.seq), str(r.hash))

    def append(self, drafts: Sequence[EntryDraft], at: datetime) -> list[LedgerEntry]:
        seq, prev = self.head()
        sealed: list[LedgerEntry] = []
        for d in drafts:
            seq += 1
            entry = seal(
                d, till_id=self.till_id, seq=seq, created_at=at.isoformat(), prev_hash=prev
            )
            sealed.append(entry)
            prev = entry.hash
        if not sealed:
            return sealed
        insert_rows(self.conn, t.ledger_entry, [vars_of(e) for e in sealed])
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
        # One executemany each: a sale moves one account, an import of 10,000 members as many,
        # and a statement per member was most of an import's time.
        self.conn.execute(
            _MOVE_ACCOUNT,
            [
                {
                    "b_member": member_id,
                    "b_principal": moves.get("principal", 0),
                    "b_bonus": moves.get("bonus", 0),
                    "b_points": moves.get("points", 0),
                }
                for member_id, moves in deltas.items()
            ],
        )
        if lot_deltas:
            self.conn.execute(
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
