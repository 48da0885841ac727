"""The till's side of head-office sync: what waits to be pushed, acks, and applying pulls."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, and_, insert, select, update
from sqlalchemy.engine import Connection

from frontdesk.domain.cards import CardState
from frontdesk.domain.ledger import LedgerEntry
from frontdesk.domain.merge import Projection, member_update, project_balance, till_takes_card
from frontdesk.domain.money import Fen
from frontdesk.domain.pin_state import PinState
from frontdesk.domain.program import Program, ProgramInvalid
from frontdesk.domain.tiers import TierEvent, tier_status
from frontdesk.persistence import tables as t
from frontdesk.persistence.repositories import SqlAccounts, SqlSettings, SqlTickets
from frontdesk.services.sync_port import (
    HQ_PROGRAM_SETTING,
    HQ_PROGRAM_SOURCE,
    BalanceSnapshot,
    Row,
    RowBatch,
    TierSnapshot,
    program_from_text,
)

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
                q = select(t.outbox).where(t.outbox.c.seq > cursor).order_by(t.outbox.c.seq)
                rows = [
                    {
                        "event_uuid": r.event_uuid,
                        "till_seq": r.seq,
                        "kind": r.kind,
                        "entity_id": r.entity_id,
                        "payload": r.payload,
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
        if ids:
            for r in conn.execute(select(t.ticket_line).where(t.ticket_line.c.ticket_id.in_(ids))):
                lines[r.ticket_id].append(dict(r._mapping))
            for r in conn.execute(select(t.tender).where(t.tender.c.ticket_id.in_(ids))):
                tenders[r.ticket_id].append(dict(r._mapping))
        rows: list[Row] = [
            {"ticket": tk, "lines": lines[tk["ticket_id"]], "tenders": tenders[tk["ticket_id"]]}
            for tk in tickets
        ]
        return RowBatch(rows, max((tk["till_rowid"] for tk in tickets), default=cursor))

    # -- pull -------------------------------------------------------------------------------

    def apply(self, stream: str, batch: RowBatch) -> list[str]:
        problems: list[str] = []
        with self.engine.connect().execution_options(write=True) as conn:
            pending = self._pending_cards(conn)
            for row in batch.rows:
                if stream == "card":
                    self._apply_card(conn, row, pending, need_member=True)
                elif stream == "member":
                    problems += self._apply_member(conn, row, pending)
                elif stream == "product":
                    self._apply_product(conn, row)
                elif stream == "program":
                    problems += self._apply_program(conn, row)
                else:
                    raise ValueError(f"unknown stream {stream}")
            conn.commit()
        return problems

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

    def _apply_member(self, conn: Connection, row: Row, pending: set[str]) -> list[str]:
        now = datetime.now().astimezone().isoformat()
        local = conn.execute(
            select(
                t.member.c.member_id,
                t.member.c.pin_hash,
                t.member.c.pin_failures,
                t.member.c.pin_locked,
            ).where(t.member.c.member_id == row["member_id"])
        ).first()
        clash = conn.execute(
            select(t.member.c.member_id).where(
                and_(t.member.c.phone == row["phone"], t.member.c.member_id != row["member_id"])
            )
        ).first()
        if clash is not None:
            return [f"会员 {row['member_id']} 的手机号与本机会员 {clash.member_id} 重复，未导入"]
        if local is None:
            fresh = {
                "member_id": row["member_id"],
                "store": row["store"],
                "recruiter": row["recruiter"],
                "created_at": row["created_at"],
                "consent_terms_at": row["consent_terms_at"],
                "pin_hash": None,
                "pin_failures": 0,
                "pin_locked": False,
                "updated_at": now,
            }
            conn.execute(insert(t.member).values(fresh | member_update(row, None)))
        else:
            conn.execute(
                update(t.member)
                .where(t.member.c.member_id == row["member_id"])
                .values(
                    updated_at=now,
                    **member_update(
                        row, local.pin_hash, PinState(local.pin_failures, bool(local.pin_locked))
                    ),
                )
            )
        accounts = SqlAccounts(conn)
        if accounts.get(row["member_id"]) is None:
            accounts.create(row["member_id"], self.entry_tier)
        for card in row["cards"]:
            self._apply_card(conn, card, pending, need_member=False)
        return []

    @staticmethod
    def _apply_program(conn: Connection, row: Row) -> list[str]:
        body, version = str(row["body"]), str(row["change_seq"])
        try:
            program_from_text(body)
        except ProgramInvalid as exc:
            # Kept out: the till goes on with the program it has; head office must send a
            # corrected version, which gets a higher number and comes with the next pull.
            return [f"{HQ_PROGRAM_SOURCE}（第 {version} 版）无效，未采用，继续使用现有方案：{exc}"]
        settings = SqlSettings(conn)
        settings.set(HQ_PROGRAM_SETTING, body)
        settings.set("hq_program_version", version)
        return []

    @staticmethod
    def _apply_product(conn: Connection, row: Row) -> None:
        values = {
            "name": row["name"],
            "unit_price": int(row["unit_price"]),
            "member_discount": bool(row["member_discount"]),
            "active": bool(row["active"]),
        }
        done = conn.execute(
            update(t.product).where(t.product.c.barcode == row["barcode"]).values(**values)
        )
        if done.rowcount == 0:
            conn.execute(insert(t.product).values(barcode=row["barcode"], **values))

    def apply_balances(self, snapshot: BalanceSnapshot) -> list[str]:
        """base_* := head office's totals; projection := base + this till's entries after them."""
        problems: list[str] = []
        hq: dict[str, dict[tuple[str, int | None], int]] = defaultdict(dict)
        for r in snapshot.totals:
            hq[str(r["member_id"])][(str(r["bucket"]), r["lot_year"])] = int(r["amount"])
        with self.engine.connect().execution_options(write=True) as conn:
            for member_id, totals in hq.items():
                if (
                    conn.execute(
                        select(t.account.c.member_id).where(t.account.c.member_id == member_id)
                    ).first()
                    is None
                ):
                    continue
                local: dict[tuple[str, int | None], int] = defaultdict(int)
                q = select(
                    t.ledger_entry.c.bucket, t.ledger_entry.c.lot_year, t.ledger_entry.c.amount
                ).where(
                    and_(
                        t.ledger_entry.c.member_id == member_id,
                        t.ledger_entry.c.till_id == self._till_id,
                        t.ledger_entry.c.seq > snapshot.till_seq,
                    )
                )
                for bucket, lot_year, amount in conn.execute(q):
                    local[(bucket, None)] += amount
                    if bucket == "points" and lot_year is not None:
                        local[("lot", lot_year)] += amount
                lot_years = {
                    int(y)
                    for (y,) in conn.execute(
                        select(t.points_lot.c.lot_year).where(t.points_lot.c.member_id == member_id)
                    )
                }
                projected = project_balance(totals, local, lot_years)
                if projected.negative:
                    problems.append(
                        f"会员 {member_id} 在总部的余额为负（本金 {projected.now['principal']} 分，"
                        f"赠金 {projected.now['bonus']} 分），本机暂不更新，请总部核查"
                    )
                    continue
                base, now = projected.base, projected.now
                conn.execute(
                    update(t.account)
                    .where(t.account.c.member_id == member_id)
                    .values(
                        base_principal=base["principal"],
                        base_bonus=base["bonus"],
                        base_points=base["points"],
                        base_seq=snapshot.till_seq,
                        principal=now["principal"],
                        bonus=now["bonus"],
                        points=now["points"],
                    )
                )
                self._apply_lots(conn, member_id, projected, lot_years)
            conn.commit()
        return problems

    def apply_tiers(self, snapshot: TierSnapshot, now: datetime) -> list[str]:
        """Tier as DOMAIN §3 has it: `tier_status` over every store's tickets of the member.

        Head office's events are the pushed tickets of all stores; they are kept beside this
        till's own tickets (the same ticket counted once) for every later tier check here.
        """
        chain_wide: dict[str, dict[str, TierEvent]] = defaultdict(dict)
        for r in snapshot.events:
            chain_wide[str(r["member_id"])][str(r["ticket_id"])] = TierEvent(
                at=datetime.fromisoformat(str(r["created_at"])),
                ticket_id=str(r["ticket_id"]),
                spend=Fen(int(r["total"])),
                points=int(r["points_earned"]),
                refund_of=r["refund_of"],
            )
        with self.engine.connect().execution_options(write=True) as conn:
            tickets, accounts = SqlTickets(conn), SqlAccounts(conn)
            for member_id, events in chain_wide.items():
                member = conn.execute(
                    select(t.member.c.tier_lock).where(t.member.c.member_id == member_id)
                ).first()
                # A locked tier is the manager's word, kept as lock_tier set it.
                if member is None or member.tier_lock is not None:
                    continue
                # Kept, so the upgrade check of the next sale here sees them too.
                tickets.add_remote_tier_events(member_id, "head-office", list(events.values()))
                status = tier_status(tickets.tier_events(member_id), now, self.program)
                accounts.set_tier(member_id, status.code, status.since, status.held_until)
            conn.commit()
        return []

    @staticmethod
    def _apply_lots(
        conn: Connection, member_id: str, projected: Projection, existing: set[int]
    ) -> None:
        for year, (base, points) in projected.lots.items():
            if year in existing:
                conn.execute(
                    update(t.points_lot)
                    .where(
                        and_(t.points_lot.c.member_id == member_id, t.points_lot.c.lot_year == year)
                    )
                    .values(base_points=base, points=points)
                )
            else:
                conn.execute(
                    insert(t.points_lot).values(
                        member_id=member_id, lot_year=year, points=points, base_points=base
                    )
                )
