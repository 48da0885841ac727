"""Sealing tickets and audit rows into their chains as they are written, and reading the heads."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table, bindparam, select

from frontdesk.domain.record_chain import GENESIS, audit_hash, ticket_hash
from frontdesk.persistence import prepared as pr
from frontdesk.persistence import tables as t

# The two chains by the name sync and head office use for them.
CHAINS: dict[str, Table] = {"ticket": t.ticket, "audit": t.audit_log}


def _head_query(table: Table) -> Any:
    return (
        select(table.c.seq, table.c.hash)
        .where(table.c.till_id == bindparam("b_till"), table.c.seq.is_not(None))
        .order_by(table.c.seq.desc())
        .limit(1)
    )


_HEADS = {name: pr.Prepared(_head_query(table)) for name, table in CHAINS.items()}
_HASH_AT = {
    name: select(table.c.hash).where(
        table.c.till_id == bindparam("b_till"), table.c.seq == bindparam("b_seq")
    )
    for name, table in CHAINS.items()
}


def head(conn: Connection, chain: str, till_id: str) -> tuple[int, str]:
    """The last sealed record's (seq, hash), or (0, genesis) for an empty chain."""
    r = pr.execute(conn, _HEADS[chain], {"b_till": till_id}).fetchone()
    return (0, GENESIS) if r is None else (int(r[0]), str(r[1]))


def _last(table: Table, column: str) -> Any:
    q = select(table.c[column]).where(
        table.c.till_id == bindparam("b_till"), table.c.seq.is_not(None)
    )
    return q.order_by(table.c.seq.desc()).limit(1).scalar_subquery()


# The three chains a sale extends (ledger, tickets, audit): their heads in one statement, each
# an index seek for the till's highest seq.
_CHAIN_TABLES = {"ledger": t.ledger_entry, **CHAINS}
_ALL_HEADS = pr.Prepared(
    select(*(_last(table, c) for table in _CHAIN_TABLES.values() for c in ("seq", "hash")))
)


class ChainHeads:
    """This till's chain heads as one transaction sees them: read once, moved by each seal.

    A writing unit of work holds the database's write lock from its first statement, so no
    other connection adds to a chain while it runs, and every record it seals goes through
    `moved`. A sale seals into all three chains; reading their heads together saves two
    statements of its twenty-odd.
    """

    def __init__(self, conn: Connection, till_id: str) -> None:
        self._conn, self._till_id = conn, till_id
        self._heads: dict[str, tuple[int, str]] | None = None

    def get(self, chain: str) -> tuple[int, str]:
        if self._heads is None:
            row = pr.execute(self._conn, _ALL_HEADS, {"b_till": self._till_id}).fetchone()
            self._heads = {
                name: (0, GENESIS) if row[2 * i] is None else (int(row[2 * i]), str(row[2 * i + 1]))
                for i, name in enumerate(_CHAIN_TABLES)
            }
        return self._heads[chain]

    def moved(self, chain: str, seq: int, digest: str) -> None:
        self.get(chain)
        assert self._heads is not None
        self._heads[chain] = (seq, digest)


def hash_at(conn: Connection, chain: str, till_id: str, seq: int) -> str | None:
    value = conn.execute(_HASH_AT[chain], {"b_till": till_id, "b_seq": seq}).scalar()
    return None if value is None else str(value)


def seal_ticket(
    heads: ChainHeads,
    ticket: dict[str, Any],
    lines: Sequence[dict[str, Any]],
    tenders: Sequence[dict[str, Any]],
) -> dict[str, Any]:
    """The ticket's row with its place in the chain (seq, prev_hash, hash) added."""
    till = str(ticket["till_id"])
    seq, prev = heads.get("ticket")
    digest = ticket_hash(till, seq + 1, ticket, lines, tenders, prev)
    heads.moved("ticket", seq + 1, digest)
    return ticket | {"seq": seq + 1, "prev_hash": prev, "hash": digest}


def seal_audit(heads: ChainHeads, row: dict[str, Any]) -> dict[str, Any]:
    """The audit row with its seq (the next of its till) and its link."""
    till = str(row["till_id"])
    seq, prev = heads.get("audit")
    digest = audit_hash(till, seq + 1, row, prev)
    heads.moved("audit", seq + 1, digest)
    return row | {"seq": seq + 1, "prev_hash": prev, "hash": digest}
