"""The till's side of head-office sync: what waits to be pushed, acks, and applying pulls."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from functools import partial
from typing import Any

from sqlalchemy import Engine, and_, insert, select, update
from sqlalchemy.engine import Connection

from frontdesk.domain.cards import CardState
from frontdesk.domain.ledger import LedgerEntry
from frontdesk.domain.merge import till_takes_card
from frontdesk.domain.messages import Notice
from frontdesk.domain.program import Program, ProgramInvalid
from frontdesk.persistence import record_seal
from frontdesk.persistence import tables as t
from frontdesk.persistence.member_keys import with_key
from frontdesk.persistence.pull_apply import (
    apply_balance_chunk,
    apply_member_chunk,
    apply_tier_chunk,
    balance_items,
    favour_the_counter,
    in_short_transactions,
    tier_items,
)
from frontdesk.persistence.repositories import SqlSettings
from frontdesk.services.sync_port import (
    HQ_PROGRAM_SETTING,
    BalanceSnapshot,
    Row,
    RowBatch,
    TierSnapshot,
    program_from_text,
)
from frontdesk.services.sync_recovery import CHAIN_REFUSED

_LEDGER_FIELDS = tuple(LedgerEntry.__dataclass_fields__)
_OFFLINE = _LEDGER_FIELDS.index("offline")
_LEDGER_SQL = (
    f"SELECT {', '.join(_LEDGER_FIELDS)} FROM ledger_entry "
    "WHERE till_id = ? AND seq > ? ORDER BY seq LIMIT ?"
)


def _entry(row: tuple[Any, ...]) -> LedgerEntry:
    values = list(row)
    # SQLite keeps booleans as 0/1; the hash covers `false`/`true`, so they become bools again.
    values[_OFFLINE] = bool(values[_OFFLINE])
    return LedgerEntry(*values)


def _setting(conn: Connection, key: str) -> str | None:
    return SqlSettings(conn).get(key)


class SqliteSyncStore:
    """Each call is its own short transaction, so a sale at the counter never waits on sync."""

    def __init__(self, engine: Engine, program: Program) -> None:
        self.engine = engine
        favour_the_counter()  # a process that pulls runs the counter beside it
        # Tiers pulled from head office are worked out with the program the till prices with.
        self.program = program
        self.entry_tier = program.entry_tier.code
        with engine.connect() as conn:
            self._till_id = _setting(conn, "till_id") or ""

    @property
    def till_id(self) -> str:
        return self._till_id

    def ack(self, stream: str) -> int:
        with self.engine.connect() as conn:
            return int(_setting(conn, f"sync_ack_{stream}") or 0)

    def set_ack(self, stream: str, value: int) -> None:
        with self.engine.connect().execution_options(write=True) as conn:
            settings = SqlSettings(conn)
            # An ack only moves forward: a late answer never sends the till back over old rows.
            if value > int(settings.get(f"sync_ack_{stream}") or 0):
                settings.set(f"sync_ack_{stream}", str(value))
            conn.commit()

    def mark_chain_refused(self, message: str) -> None:
        with self.engine.connect().execution_options(write=True) as conn:
            SqlSettings(conn).set(CHAIN_REFUSED, message)
            conn.commit()

    def mark_synced(self, at: str) -> None:
        with self.engine.connect().execution_options(write=True) as conn:
            SqlSettings(conn).set("last_sync_at", at)
            conn.commit()

    # -- push -------------------------------------------------------------------------------

    def hash_at(self, seq: int) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(
                select(t.ledger_entry.c.hash).where(
                    and_(t.ledger_entry.c.till_id == self._till_id, t.ledger_entry.c.seq == seq)
                )
            ).scalar()

    def chain_hash_at(self, chain: str, seq: int) -> str | None:
        """The hash of the ticket or audit record at `seq` (domain/record_chain.py)."""
        with self.engine.connect() as conn:
            return record_seal.hash_at(conn, chain, self._till_id, seq)

    def ledger_after(self, seq: int, limit: int) -> list[LedgerEntry]:
        # The same rows as SqlLedger.entries, read on the raw sqlite3 connection: building
        # SQLAlchemy rows and a dict per entry cost more than the read itself.
        with self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            rows = raw.execute(_LEDGER_SQL, (self._till_id, seq, limit)).fetchall()
        return [_entry(r) for r in rows]

    def rows_after(self, stream: str, cursor: int, limit: int) -> RowBatch:
        with self.engine.connect() as conn:
            if stream == "outbox":
                # A member event goes with its member's key (persistence/member_keys.py): head
                # office keeps the key in a table of its own and the event without it, so the
                # sealed fields open for every till that pulls them until the key is destroyed.
                keyed = and_(
                    t.outbox.c.kind == "member", t.member_key.c.member_id == t.outbox.c.entity_id
                )
                q = (
                    select(t.outbox, t.member_key.c.key)
                    .outerjoin(t.member_key, keyed)
                    .where(t.outbox.c.seq > cursor)
                    .order_by(t.outbox.c.seq)
                )
                rows = [
                    {
                        "event_uuid": r.event_uuid,
                        "till_seq": r.seq,
                        "kind": r.kind,
                        "entity_id": r.entity_id,
                        "payload": r.payload if r.key is None else with_key(r.payload, r.key),
                        "created_at": r.created_at,
                    }
                    for r in conn.execute(q.limit(limit))
                ]
                return RowBatch(rows, max((r["till_seq"] for r in rows), default=cursor))
            if stream == "audit":
                q = (
                    select(t.audit_log)
                    .where(and_(t.audit_log.c.till_id == self._till_id, t.audit_log.c.seq > cursor))
                    .order_by(t.audit_log.c.seq)
                )
                rows = [dict(r._mapping) for r in conn.execute(q.limit(limit))]
                return RowBatch(rows, max((r["seq"] for r in rows), default=cursor))
            if stream == "ticket":
                return self._tickets_after(conn, cursor, limit)
        raise ValueError(f"unknown stream {stream}")

    def _tickets_after(self, conn: Connection, cursor: int, limit: int) -> RowBatch:
        # Tickets are append-only, so SQLite's rowid only grows: it is their cursor.
        result = conn.exec_driver_sql(
            "SELECT rowid AS till_rowid, * FROM ticket WHERE rowid > ? ORDER BY rowid LIMIT ?",
            (cursor, limit),
        )
        # Raw SQL skips the column types: SQLite's 0/1 become booleans again here.
        tickets = [
            dict(r._mapping)
            | {"birthday_benefit": bool(r.birthday_benefit), "offline": bool(r.offline)}
            for r in result
        ]
        ids = [tk["ticket_id"] for tk in tickets]
        lines: dict[str, list[Row]] = defaultdict(list)
        tenders: dict[str, list[Row]] = defaultdict(list)
        returns: dict[str, list[Row]] = defaultdict(list)
        if ids:
            for r in conn.execute(select(t.ticket_line).where(t.ticket_line.c.ticket_id.in_(ids))):
                lines[r.ticket_id].append(dict(r._mapping))
            for r in conn.execute(select(t.tender).where(t.tender.c.ticket_id.in_(ids))):
                tenders[r.ticket_id].append(dict(r._mapping))
            # A 退卡's payout record rides with its ticket, as the till holds it: the account and
            # ID numbers sealed with the member's key, only the masked forms readable.
            q = select(t.card_return).where(t.card_return.c.ticket_id.in_(ids))
            for r in conn.execute(q):
                returns[r.ticket_id].append(dict(r._mapping))
        rows: list[Row] = [
            {
                "ticket": tk,
                "lines": lines[tk["ticket_id"]],
                "tenders": tenders[tk["ticket_id"]],
                "card_returns": returns[tk["ticket_id"]],
            }
            for tk in tickets
        ]
        return RowBatch(rows, max((tk["till_rowid"] for tk in tickets), default=cursor))

    # -- pull -------------------------------------------------------------------------------

    def apply(self, stream: str, batch: RowBatch) -> list[Notice]:
        if stream not in ("card", "staff", "member", "product", "program"):
            raise ValueError(f"unknown stream {stream}")
        return in_short_transactions(self.engine, batch.rows, partial(self._apply_rows, stream))

    def _apply_rows(self, stream: str, conn: Connection, rows: Sequence[Row]) -> list[Notice]:
        problems: list[Notice] = []
        pending = self._pending_cards(conn)
        if stream == "member":

            def cards(conn: Connection, card: Row) -> None:
                self._apply_card(conn, card, pending, need_member=False)

            return apply_member_chunk(conn, rows, entry_tier=self.entry_tier, apply_cards=cards)
        for row in rows:
            if stream == "card":
                self._apply_card(conn, row, pending, need_member=True)
            elif stream == "staff":
                self._apply_staff(conn, row)
            elif stream == "product":
                self._apply_product(conn, row)
            else:
                problems += self._apply_program(conn, row)
        return problems

    @staticmethod
    def _apply_staff(conn: Connection, row: Row) -> None:
        """Head office's word on a staff member wins; the till's own counters stay the till's."""
        fields = {"name": row["name"], "role": row["role"], "disabled": bool(row["disabled"])}
        if row["pin_hash"]:
            # A new PIN from head office: the old lock and wrong tries go with the old PIN.
            fields |= {"pin_hash": row["pin_hash"], "failed_tries": 0, "locked": False}
        done = conn.execute(
            update(t.staff).where(t.staff.c.staff_no == row["staff_no"]).values(**fields)
        )
        if done.rowcount == 0 and row["pin_hash"]:
            conn.execute(
                insert(t.staff).values(
                    staff_no=row["staff_no"],
                    created_at=datetime.now().astimezone().isoformat(),
                    **fields,
                )
            )

    @staticmethod
    def _pending_cards(conn: Connection) -> set[str]:
        """Cards with a change made here that head office has not acknowledged yet."""
        acked = int(_setting(conn, "sync_ack_outbox") or 0)
        q = select(t.outbox.c.entity_id).where(
            and_(t.outbox.c.kind == "card", t.outbox.c.seq > acked)
        )
        return set(conn.execute(q).scalars())

    def _apply_card(
        self, conn: Connection, row: Row, pending: set[str], *, need_member: bool
    ) -> None:
        local = conn.execute(select(t.card).where(t.card.c.card_no == row["card_no"])).first()
        if local is None:
            known = conn.execute(
                select(t.member.c.member_id).where(t.member.c.member_id == row["member_id"])
            ).first()
            if need_member and known is None:
                return  # arrives with its member in the member pull
            conn.execute(
                insert(t.card).values(
                    card_no=row["card_no"],
                    member_id=row["member_id"],
                    generation=row["generation"],
                    state=row["state"],
                    issued_at=row["issued_at"],
                    state_at=row["state_at"],
                )
            )
            return
        if till_takes_card(
            CardState(local.state),
            datetime.fromisoformat(local.state_at),
            CardState(row["state"]),
            datetime.fromisoformat(row["state_at"]),
            pending_here=row["card_no"] in pending,
        ):
            # state_at too: a 解挂 here names the 挂失 by the moment head office holds for it.
            conn.execute(
                update(t.card)
                .where(t.card.c.card_no == row["card_no"])
                .values(state=row["state"], state_at=row["state_at"])
            )

    @staticmethod
    def _apply_program(conn: Connection, row: Row) -> list[Notice]:
        body, version = str(row["body"]), str(row["change_seq"])
        try:
            program_from_text(body)
        except ProgramInvalid as exc:
            # Kept out: the till goes on with the program it has; head office must send a
            # corrected version, which gets a higher number and comes with the next pull.
            return [Notice("sync_program_refused", {"version": version, "invalid": exc})]
        settings = SqlSettings(conn)
        settings.set(HQ_PROGRAM_SETTING, body)
        settings.set("hq_program_version", version)
        return []

    @staticmethod
    def _apply_product(conn: Connection, row: Row) -> None:
        values: dict[str, object] = {
            "name": row["name"],
            "unit_price": int(row["unit_price"]),
            "member_discount": bool(row["member_discount"]),
            "active": bool(row["active"]),
        }
        # Head office's catalog details (one older than h0005 sends none: the till keeps its own).
        for key in ("category", "unit"):
            if key in row:
                values[key] = str(row[key] or "")
        if "member_price" in row:
            price = row["member_price"]
            values["member_price"] = None if price is None else int(price)
        done = conn.execute(
            update(t.product).where(t.product.c.barcode == row["barcode"]).values(**values)
        )
        if done.rowcount == 0:
            conn.execute(insert(t.product).values(barcode=row["barcode"], **values))

    def apply_balances(self, snapshot: BalanceSnapshot) -> list[Notice]:
        """base_* := head office's totals; projection := base + this till's entries after them."""
        return in_short_transactions(
            self.engine,
            balance_items(snapshot),
            partial(apply_balance_chunk, till_id=self._till_id, till_seq=snapshot.till_seq),
        )

    def apply_tiers(self, snapshot: TierSnapshot, now: datetime) -> list[Notice]:
        """Tier as DOMAIN §3 has it, worked out again for each member whose history changed."""
        return in_short_transactions(
            self.engine,
            tier_items(snapshot.events),
            partial(apply_tier_chunk, program=self.program, now=now),
        )
