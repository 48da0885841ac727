"""`PostgresHeadOffice`: the till's pushes and pulls as SQL against head office's PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import psycopg
from sqlalchemy import Engine, exc, text
from sqlalchemy.engine import Connection

from frontdesk.domain.ledger import GENESIS_HASH, LedgerEntry, chain_problems
from frontdesk.services.sync_port import (
    BalanceSnapshot,
    ChainRefused,
    HeadOfficeUnreachable,
    Row,
    RowBatch,
    TierSnapshot,
)
from frontdesk.sync.chain import FIELDS, values_of

# Every push holds this lock until it commits, so arrival numbers and master change numbers are
# handed out in commit order and a puller's "after N" cursor never skips a late commit.
_PUSH_LOCK = 0x6664_7379  # "fdsy"

LEDGER_COLUMNS = FIELDS
_TICKET_COLUMNS = [
    "ticket_id",
    "till_id",
    "till_rowid",
    "receipt_no",
    "shift_id",
    "kind",
    "member_id",
    "card_no",
    "created_at",
    "cashier",
    "approver",
    "refund_of",
    "gross",
    "discount_tier",
    "discount_birthday",
    "redemption",
    "redeemed_points",
    "total",
    "points_earned",
    "points_multiplier",
    "birthday_benefit",
    "tier",
    "upgraded_to",
    "offline",
    "note",
]
_LINE_COLUMNS = [
    "till_id",
    "ticket_id",
    "line_no",
    "barcode",
    "name",
    "unit_price",
    "quantity",
    "gross",
    "member_discount",
    "redemption",
    "net",
    "refund_of_line",
]
_TENDER_COLUMNS = ["till_id", "ticket_id", "idx", "kind", "amount", "change", "reference"]
_AUDIT_COLUMNS = [
    "till_id",
    "seq",
    "audit_id",
    "at",
    "actor",
    "approver",
    "action",
    "subject",
    "amount",
    "outcome",
    "detail",
]
_EVENT_COLUMNS = ["event_uuid", "till_id", "till_seq", "kind", "entity_id", "payload", "created_at"]


@contextmanager
def reaching() -> Iterator[None]:
    """Connection trouble becomes HeadOfficeUnreachable; nothing on the till has moved yet."""
    try:
        yield
    except (exc.OperationalError, exc.InterfaceError, psycopg.OperationalError) as e:
        raise HeadOfficeUnreachable(str(e).splitlines()[0]) from e
    except exc.DBAPIError as e:
        if e.connection_invalidated:
            raise HeadOfficeUnreachable(str(e).splitlines()[0]) from e
        raise


def _insert(conn: Connection, table: str, columns: Sequence[str], rows: Sequence[Row]) -> None:
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in columns)
    values = ", ".join(
        "CAST(:payload AS jsonb)" if c == "payload" and table == "change_event" else f":{c}"
        for c in columns
    )
    conn.execute(
        text(f"INSERT INTO {table} ({names}) VALUES ({values}) ON CONFLICT DO NOTHING"), rows
    )


class _Refused(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__(problems)
        self.problems = problems


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


class PostgresHeadOffice:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- push -------------------------------------------------------------------------------

    def cursor(self, till_id: str, stream: str) -> int:
        with reaching(), self.engine.connect() as conn:
            value = conn.execute(
                text("SELECT last_seq FROM sync_cursor WHERE till_id = :t AND stream = :s"),
                {"t": till_id, "s": stream},
            ).scalar()
        return int(value or 0)

    def _advance(self, conn: Connection, till_id: str, stream: str, last: int) -> int:
        return int(
            conn.execute(
                text(
                    "INSERT INTO sync_cursor (till_id, stream, last_seq) VALUES (:t, :s, :v) "
                    "ON CONFLICT (till_id, stream) DO UPDATE SET "
                    "last_seq = GREATEST(sync_cursor.last_seq, EXCLUDED.last_seq), "
                    "updated_at = now() RETURNING last_seq"
                ),
                {"t": till_id, "s": stream, "v": last},
            ).scalar_one()
        )

    def _check_chain(
        self, conn: Connection, till_id: str, entries: Sequence[LedgerEntry]
    ) -> tuple[list[LedgerEntry], list[str]]:
        """The entries still to store, and every reason to refuse the batch."""
        head = conn.execute(
            text("SELECT seq, hash FROM ledger_entry WHERE till_id = :t ORDER BY seq DESC LIMIT 1"),
            {"t": till_id},
        ).first()
        head_seq, head_hash = (0, GENESIS_HASH) if head is None else (int(head[0]), str(head[1]))
        problems = [
            f"{e.till_id}#{e.seq}: 不属于收银台 {till_id}" for e in entries if e.till_id != till_id
        ]
        known = [e for e in entries if e.seq <= head_seq]
        if known:
            # A replay: what was stored must be exactly what the till sends again.
            stored: dict[int, str] = {
                int(seq): str(h)
                for seq, h in conn.execute(
                    text(
                        "SELECT seq, hash FROM ledger_entry "
                        "WHERE till_id = :t AND seq BETWEEN :a AND :b"
                    ),
                    {"t": till_id, "a": known[0].seq, "b": known[-1].seq},
                )
            }
            problems += [
                f"{till_id}#{e.seq}: 与总部已收的记录不同"
                for e in known
                if stored.get(e.seq) != e.hash or e.computed_hash() != e.hash
            ]
        fresh = [e for e in entries if e.seq > head_seq]
        problems += chain_problems(fresh, head_seq + 1, head_hash)
        return fresh, problems

    def push_ledger(self, till_id: str, entries: Sequence[LedgerEntry]) -> int:
        try:
            with reaching(), self.engine.connect() as conn, conn.begin():
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PUSH_LOCK})
                fresh, problems = self._check_chain(conn, till_id, entries)
                if not problems:
                    problems += self._copy_in(conn, till_id, fresh)
                if problems:
                    raise _Refused(problems)  # leaving the block rolls the batch back
                # Entries already stored were checked equal above: the cursor passes them too.
                return self._advance(conn, till_id, "ledger", max(e.seq for e in entries))
        except _Refused as refused:
            with reaching(), self.engine.begin() as conn:
                conn.execute(
                    text(
                        "INSERT INTO sync_problem (till_id, kind, detail) VALUES (:t, 'chain', :d)"
                    ),
                    [{"t": till_id, "d": p} for p in refused.problems[:100]],
                )
            raise ChainRefused(till_id, refused.problems) from None

    def _copy_in(self, conn: Connection, till_id: str, entries: Sequence[LedgerEntry]) -> list[str]:
        """COPY into a session staging table, then one plain INSERT … SELECT.

        COPY cannot write straight into a table under row-level security, hence the stage. No
        ON CONFLICT: under the push lock `entries` all lie past this till's stored head, so the
        key cannot clash, and speculative insertion cost as much again as the insert itself.
        A clash on entry_uuid (another till's entry) is a refusal, not something to skip.
        """
        if not entries:
            return []
        names = ", ".join(LEDGER_COLUMNS)
        conn.exec_driver_sql(
            "CREATE TEMP TABLE IF NOT EXISTS ledger_stage ON COMMIT DELETE ROWS AS "
            f"SELECT {names} FROM ledger_entry WITH NO DATA"
        )
        raw = conn.connection.driver_connection
        assert isinstance(raw, psycopg.Connection)
        with raw.cursor() as cur:
            with cur.copy(f"COPY ledger_stage ({names}) FROM STDIN") as copy:
                for e in entries:
                    copy.write_row(values_of(e))
            try:
                # Ordered by seq so arrival numbers follow the chain.
                cur.execute(
                    f"INSERT INTO ledger_entry ({names}) SELECT {names} FROM ledger_stage "
                    "ORDER BY seq"
                )
            except psycopg.errors.UniqueViolation as clash:
                return [f"{till_id}: 记录编号已被占用（{clash.diag.message_detail or clash}）"]
            if cur.rowcount != len(entries):
                return [f"{till_id}: 只存入 {cur.rowcount} / {len(entries)} 条记录"]
        return []

    def push_rows(self, till_id: str, stream: str, batch: RowBatch) -> int:
        with reaching(), self.engine.connect() as conn, conn.begin():
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PUSH_LOCK})
            rows = [{**r, "till_id": till_id} for r in batch.rows]
            if stream == "outbox":
                _insert(conn, "change_event", _EVENT_COLUMNS, rows)
            elif stream == "audit":
                _insert(conn, "audit_log", _AUDIT_COLUMNS, rows)
            elif stream == "ticket":
                _insert(
                    conn,
                    "ticket",
                    _TICKET_COLUMNS,
                    [r["ticket"] | {"till_id": till_id} for r in rows],
                )
                lines = [x | {"till_id": till_id} for r in rows for x in r["lines"]]
                tenders = [x | {"till_id": till_id} for r in rows for x in r["tenders"]]
                _insert(conn, "ticket_line", _LINE_COLUMNS, lines)
                _insert(conn, "tender", _TENDER_COLUMNS, tenders)
            else:
                raise ValueError(f"unknown stream {stream}")
            return self._advance(conn, till_id, stream, batch.last_cursor)

    # -- pull -------------------------------------------------------------------------------

    def pull(self, stream: str, after: int, limit: int) -> RowBatch:
        with reaching(), self.engine.connect() as conn, conn.begin():
            if stream == "card":
                rows = self._rows(
                    conn,
                    "SELECT card_no, member_id, generation, state, state_at, issued_at, "
                    "change_seq FROM card WHERE change_seq > :a ORDER BY change_seq LIMIT :n",
                    after,
                    limit,
                )
            elif stream == "member":
                rows = self._rows(
                    conn,
                    "SELECT member_id, phone, name, birthday, gender, store, recruiter, "
                    "created_at, consent_terms_at, consent_marketing_at, tier_lock, "
                    "tier_lock_reason, pin_hash, change_seq "
                    "FROM member WHERE change_seq > :a ORDER BY change_seq LIMIT :n",
                    after,
                    limit,
                )
                cards = self._cards_of(conn, [r["member_id"] for r in rows])
                for r in rows:
                    r["cards"] = cards.get(r["member_id"], [])
            elif stream == "product":
                rows = self._rows(
                    conn,
                    "SELECT barcode, name, unit_price, member_discount, active, change_seq "
                    "FROM product WHERE change_seq > :a ORDER BY change_seq LIMIT :n",
                    after,
                    limit,
                )
            elif stream == "program":
                rows = self._rows(
                    conn,
                    "SELECT body, version AS change_seq FROM program WHERE version > :a "
                    "ORDER BY version DESC LIMIT 1",
                    after,
                    limit,
                )
            else:
                raise ValueError(f"unknown stream {stream}")
        last = max((int(r["change_seq"]) for r in rows), default=after)
        return RowBatch(rows, last)

    @staticmethod
    def _rows(conn: Connection, query: str, after: int, limit: int) -> list[Row]:
        result = conn.execute(text(query), {"a": after, "n": limit})
        return [{k: _iso(v) for k, v in r._mapping.items()} for r in result]

    @staticmethod
    def _cards_of(conn: Connection, members: list[str]) -> dict[str, list[Row]]:
        out: dict[str, list[Row]] = {}
        if not members:
            return out
        result = conn.execute(
            text(
                "SELECT card_no, member_id, generation, state, state_at, issued_at FROM card "
                "WHERE member_id = ANY(:m) ORDER BY generation"
            ),
            {"m": members},
        )
        for r in result:
            out.setdefault(r.member_id, []).append({k: _iso(v) for k, v in r._mapping.items()})
        return out

    def pull_balances(self, till_id: str, after: int) -> BalanceSnapshot:
        with reaching(), self.engine.connect() as base:
            # One snapshot for the totals and this till's head, so base and base_seq agree.
            conn = base.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                last = int(conn.execute(text("SELECT fd_last_arrival()")).scalar_one())
                till_seq = int(
                    conn.execute(
                        text("SELECT coalesce(max(seq), 0) FROM ledger_entry WHERE till_id = :t"),
                        {"t": till_id},
                    ).scalar_one()
                )
                totals = [
                    dict(r._mapping)
                    for r in conn.execute(text("SELECT * FROM fd_member_totals(:a)"), {"a": after})
                ]
        members = sorted({str(r["member_id"]) for r in totals})
        return BalanceSnapshot(till_seq, totals, members, max(last, after))

    def pull_tier_events(self, after: int) -> TierSnapshot:
        with reaching(), self.engine.connect() as base:
            # The cursor and the events from one snapshot, so no ticket falls between them.
            conn = base.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                last = int(conn.execute(text("SELECT fd_last_ticket_arrival()")).scalar_one())
                events = [
                    dict(r._mapping)
                    for r in conn.execute(text("SELECT * FROM fd_tier_events(:a)"), {"a": after})
                ]
        members = sorted({str(r["member_id"]) for r in events})
        return TierSnapshot(events, members, max(last, after))
