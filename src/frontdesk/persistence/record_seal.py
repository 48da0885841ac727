"""Sealing tickets and audit rows into their chains as they are written, and reading the heads."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table, bindparam, select

from frontdesk.domain.record_chain import GENESIS, audit_hash, ticket_hash
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


_HEADS = {name: _head_query(table) for name, table in CHAINS.items()}
_HASH_AT = {
    name: select(table.c.hash).where(
        table.c.till_id == bindparam("b_till"), table.c.seq == bindparam("b_seq")
    )
    for name, table in CHAINS.items()
}


def head(conn: Connection, chain: str, till_id: str) -> tuple[int, str]:
    """The last sealed record's (seq, hash), or (0, genesis) for an empty chain."""
    r = conn.execute(_HEADS[chain], {"b_till": till_id}).first()
    return (0, GENESIS) if r is None else (int(r.seq), str(r.hash))


def hash_at(conn: Connection, chain: str, till_id: str, seq: int) -> str | None:
    value = conn.execute(_HASH_AT[chain], {"b_till": till_id, "b_seq": seq}).scalar()
    return None if value is None else str(value)


def seal_ticket(
    conn: Connection,
    ticket: dict[str, Any],
    lines: Sequence[dict[str, Any]],
    tenders: Sequence[dict[str, Any]],
) -> dict[str, Any]:
    """The ticket's row with its place in the chain (seq, prev_hash, hash) added."""
    till = str(ticket["till_id"])
    seq, prev = head(conn, "ticket", till)
    digest = ticket_hash(till, seq + 1, ticket, lines, tenders, prev)
    return ticket | {"seq": seq + 1, "prev_hash": prev, "hash": digest}


def seal_audit(conn: Connection, row: dict[str, Any]) -> dict[str, Any]:
    """The audit row with its seq (the next of its till) and its link."""
    till = str(row["till_id"])
    seq, prev = head(conn, "audit", till)
    return row | {"seq": seq + 1, "prev_hash": prev, "hash": audit_hash(till, seq + 1, row, prev)}
