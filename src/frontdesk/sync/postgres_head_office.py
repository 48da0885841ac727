"""`PostgresHeadOffice`: the till's pushes and pulls as SQL against head office's PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import psycopg
from sqlalchemy import Engine, exc, text
from sqlalchemy.engine import Connection

from frontdesk.domain.ledger import LedgerEntry
from frontdesk.services.sync_port import (
    BalanceSnapshot,
    HeadOfficeUnreachable,
    Row,
    RowBatch,
    TierSnapshot,
)
from frontdesk.services.sync_recovery import OwnRecords
from frontdesk.services.sync_refusals import ChainRefused, HeadMismatch, HeadOfficeRefused
from frontdesk.sync.chain import FIELDS, values_of
from frontdesk.sync.hq_causes import cause
from frontdesk.sync.hq_migrations.versions.h0016_manual_prices import STAGES
from frontdesk.sync.hq_version import greet

LEDGER_COLUMNS = FIELDS
# The staging tables head office opens for a push, and the columns a till fills in each (the
# head-office functions give every row the calling role's till, so only the ledger sends one).
_STAGE_COLUMNS = {name: columns.split(", ") for name, (_, columns) in STAGES.items()}


@contextmanager
def reaching() -> Iterator[None]:
    """Connection trouble becomes HeadOfficeUnreachable; nothing on the till has moved yet."""
    try:
        yield
    except (exc.OperationalError, exc.InterfaceError, psycopg.OperationalError) as e:
        raise HeadOfficeUnreachable(*cause(e)) from e
    except exc.DBAPIError as e:
        if e.connection_invalidated:
            raise HeadOfficeUnreachable(*cause(e)) from e
        raise


def _tuples(stage: str, rows: Sequence[Row]) -> list[tuple[Any, ...]]:
    columns = _STAGE_COLUMNS[stage]
    return [tuple(r[c] for c in columns) for r in rows]


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


# The chain's products with this till's store price over the chain's; a product changes for a
# store when either changes (store_price rows take their change_seq from the same sequence).
_PRODUCTS_FOR_THIS_STORE = """
    WITH mine AS (SELECT store_no FROM till WHERE role_name = session_user),
    priced AS (
        SELECT p.barcode, p.name, coalesce(sp.unit_price, p.unit_price) AS unit_price,
               p.member_discount, p.active, p.category, p.unit, p.member_price,
               greatest(p.change_seq, coalesce(sp.change_seq, 0)) AS change_seq
          FROM product p
          LEFT JOIN store_price sp ON sp.barcode = p.barcode
                                  AND sp.store_no = (SELECT store_no FROM mine))
    SELECT * FROM priced WHERE change_seq > :a ORDER BY change_seq LIMIT :n
"""


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

    def check_head(self, till_id: str, hash_at: Callable[[int], str | None]) -> None:
        with reaching(), self.engine.connect() as conn:
            # First of every sync: is head office at the schema this frontdesk speaks?
            with conn.begin():
                refused = greet(conn, till_id)
            if refused is not None:
                raise refused
        with reaching(), self.engine.connect() as conn, conn.begin():
            seq = int(conn.execute(text("SELECT fd_acknowledged_seq()")).scalar_one())
            if seq == 0:
                return  # nothing acknowledged yet: nothing to present
            problem = conn.execute(
                text("SELECT fd_present_head(:s, :h)"), {"s": seq, "h": hash_at(seq)}
            ).scalar()
        if problem is not None:
            raise HeadMismatch(till_id, [problem])

    def check_chains(self, till_id: str, hash_at: Callable[[str, int], str | None]) -> None:
        """The same for the ticket and audit chains: the till's hash at each acknowledged seq."""
        with reaching(), self.engine.connect() as conn, conn.begin():
            heads = conn.execute(text("SELECT chain, seq FROM fd_chain_heads()")).all()
            problems = [
                conn.execute(
                    text("SELECT fd_present_chain(:c, :s, :h)"),
                    {"c": chain, "s": seq, "h": hash_at(chain, int(seq))},
                ).scalar()
                for chain, seq in heads
            ]
        found = [p for p in problems if p is not None]
        if found:
            raise HeadMismatch(till_id, found)

    def push_ledger(self, till_id: str, entries: Sequence[LedgerEntry]) -> int:
        staged = {"ledger": [values_of(e) for e in entries]}
        result = self._push("SELECT fd_push_ledger()", staged, fold=True)
        if result["problems"]:
            raise ChainRefused(till_id, result["problems"])
        return int(result["cursor"])

    def push_rows(self, till_id: str, stream: str, batch: RowBatch) -> int:
        staged: dict[str, list[tuple[Any, ...]]]
        if stream == "ticket":
            staged = {
                "ticket": _tuples("ticket", [r["ticket"] for r in batch.rows]),
                "line": _tuples("line", [x for r in batch.rows for x in r["lines"]]),
                "tender": _tuples("tender", [x for r in batch.rows for x in r["tenders"]]),
                "card_return": _tuples(
                    "card_return", [x for r in batch.rows for x in r.get("card_returns", ())]
                ),
            }
        elif stream == "audit":
            staged = {"audit": _tuples("audit", batch.rows)}
        elif stream == "outbox":
            staged = {"event": _tuples("event", batch.rows)}
        else:
            raise ValueError(f"unknown stream {stream}")
        params = (stream, batch.last_cursor)
        result = self._push("SELECT fd_push_rows(%s, %s)", staged, params, stream == "ticket")
        if result["problems"]:
            raise HeadOfficeRefused(till_id, result["problems"])
        return int(result["cursor"])

    def _push(
        self,
        call: str,
        staged: dict[str, list[tuple[Any, ...]]],
        params: tuple[Any, ...] = (),
        fold: bool = False,
    ) -> dict[str, Any]:
        """COPY into this session's staging tables, then one head-office function moves them.

        COPY cannot write into a table under row-level security, and a store role may not
        write the books at all: the function checks the rows with the owner's rights and moves
        them, or moves nothing and records why (the transaction commits either way, so the
        record stays; the staging tables empty themselves at commit). Entries and tickets are
        then folded into head office's member summaries (`fold`).
        """
        with reaching(), self.engine.connect() as conn, conn.begin():
            raw = conn.connection.driver_connection
            assert isinstance(raw, psycopg.Connection)
            with raw.cursor() as cur:
                cur.execute("SELECT fd_open_stage()")
                for name, rows in staged.items():
                    if not rows:
                        continue
                    names = ", ".join(_STAGE_COLUMNS[name])
                    with cur.copy(f"COPY pg_temp.fd_stage_{name} ({names}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
                cur.execute(call, params)
                found = cur.fetchone()
        assert found is not None
        if fold:
            self._fold()
        return dict(found[0])

    def _fold(self) -> None:
        """What arrived goes into head office's member summaries, after the push (h0021).

        Its own short transaction: the push took no lock on a member's rows, so tills that
        share members push side by side; a fold already running, or the next, takes these rows.
        """
        with reaching(), self.engine.connect() as conn, conn.begin():
            conn.execute(text("SELECT fd_fold_arrivals()"))

    # -- recovery ---------------------------------------------------------------------------

    def own_records(self, till_id: str) -> OwnRecords:
        """This till's books as head office holds them, for `sync --recover`.

        Its own rows only: row-level security shows a store role nothing else.
        """
        columns = {name: names for name, (_, names) in STAGES.items()}
        with reaching(), self.engine.connect() as base:
            conn = base.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():

                def rows(query: str) -> list[Row]:
                    return [dict(r._mapping) for r in conn.execute(text(query), {"t": till_id})]

                own = "WHERE till_id = :t"
                ledger = rows(f"SELECT {columns['ledger']} FROM ledger_entry {own} ORDER BY seq")
                tickets = rows(
                    f"SELECT till_id, {columns['ticket']} FROM ticket {own} ORDER BY till_rowid"
                )
                lines = rows(f"SELECT {columns['line']} FROM ticket_line {own}")
                tenders = rows(f"SELECT {columns['tender']} FROM tender {own}")
                audit = rows(
                    f"SELECT till_id, {columns['audit']} FROM audit_log {own} ORDER BY seq"
                )
                card_returns = rows(
                    f"SELECT {columns['card_return'].replace('calculation', 'calculation::text')}"
                    f" FROM card_return {own}"
                )
                cursors = {
                    str(r["stream"]): int(r["last_seq"])
                    for r in rows(f"SELECT stream, last_seq FROM sync_cursor {own}")
                }
        return OwnRecords(ledger, tickets, lines, tenders, audit, cursors, card_returns)

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
                    # Through head office's function: the PIN hashes are not the store's to
                    # select, only to receive with the members the pull brings.
                    "SELECT * FROM fd_pull_members(:a, :n)",
                    after,
                    limit,
                )
                cards = self._cards_of(conn, [r["member_id"] for r in rows])
                pins = pin_states(conn, [r["member_id"] for r in rows])
                keys = member_keys(conn, [r["member_id"] for r in rows])
                for r in rows:
                    r["cards"] = cards.get(r["member_id"], [])
                    r.update(pins.get(r["member_id"], {}))
                    r["key"] = keys.get(r["member_id"])  # None: erased, or sent in the clear
            elif stream == "staff":
                # Through head office's function: the PIN hash only where the PIN changed.
                rows = self._rows(conn, "SELECT * FROM fd_pull_staff(:a, :n)", after, limit)
            elif stream == "product":
                rows = self._rows(
                    conn,
                    _PRODUCTS_FOR_THIS_STORE,
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
            last = _watermark(base, "fd_last_arrival")
            # One snapshot for the totals and this till's head, so base and base_seq agree.
            conn = base.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
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
            last = _watermark(base, "fd_last_ticket_arrival")
            # The events from a snapshot taken after the cursor, so no ticket falls between.
            conn = base.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                events = [
                    dict(r._mapping)
                    for r in conn.execute(text("SELECT * FROM fd_tier_events(:a)"), {"a": after})
                ]
        members = sorted({str(r["member_id"]) for r in events})
        return TierSnapshot(events, members, max(last, after))


def _watermark(conn: Connection, function: str) -> int:
    """Head office's arrival watermark, in a transaction of its own before the pull's snapshot.

    Pushes from different tills commit in any order; every arrival at or under the watermark
    has committed by the time it is read (h0015), so the snapshot taken next holds them all.
    """
    with conn.begin():
        return int(conn.execute(text(f"SELECT {function}()")).scalar_one())


def pin_states(conn: Connection, members: list[str]) -> dict[str, Row]:
    """Head office's count of wrong PINs and lock for these members, every store's tries in it."""
    if not members:
        return {}
    result = conn.execute(text("SELECT * FROM fd_pin_states(:m)"), {"m": members})
    return {
        r.member_id: {"pin_failures": int(r.pin_failures), "pin_locked": bool(r.pin_locked)}
        for r in result
    }


def member_keys(conn: Connection, members: list[str]) -> dict[str, str | None]:
    """The members' keys (base64) as head office holds them (h0023); None once destroyed."""
    if not members:
        return {}
    result = conn.execute(text("SELECT * FROM fd_member_keys(:m)"), {"m": members})
    return {r.member_id: r.key for r in result}
