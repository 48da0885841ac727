"""`frontdesk verify` beyond the ledger: the ticket and audit chains, and what ties them together.

Tickets ↔ tenders (the tenders pay the total), tickets ↔ ledger entries (a stored-value tender is
the member's money that left the account for that ticket; every entry naming a ticket names one
that exists), tickets ↔ audit (each sale, refund and top-up has its audit row, with the amount).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, case, exists, func, or_, select

from frontdesk.domain.record_chain import GENESIS, Link, audit_hash, link_problems, ticket_hash
from frontdesk.domain.tenders import STORED_VALUE
from frontdesk.persistence import tables as t

_tk, _le, _au = t.ticket, t.ledger_entry, t.audit_log


def record_problems(conn: Connection, chunk: int) -> Iterator[str]:
    tills = {
        *conn.execute(select(_tk.c.till_id).distinct()).scalars(),
        *conn.execute(select(_au.c.till_id).distinct()).scalars(),
    }
    for till in sorted(tills):
        yield from _ticket_chain(conn, till, chunk)
        yield from _audit_chain(conn, till, chunk)
    yield from _stored_value_against_ledger(conn)
    yield from _entries_without_ticket(conn)
    yield from _tickets_without_audit(conn)


def _by_ticket(conn: Connection, table: Any, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in conn.execute(select(table).where(table.c.ticket_id.in_(ids))):
        out[r.ticket_id].append(dict(r._mapping))
    return out


def _pages(conn: Connection, table: Any, till: str, chunk: int) -> Iterator[list[dict[str, Any]]]:
    """One till's sealed records in seq order, a keyset page at a time."""
    after = 0
    while True:
        q = (
            select(table)
            .where(table.c.till_id == till, table.c.seq > after)
            .order_by(table.c.seq)
            .limit(chunk)
        )
        page = [dict(r._mapping) for r in conn.execute(q)]
        if not page:
            return
        yield page
        after = page[-1]["seq"]


def _walk(chain: str, till: str, pages: Iterator[list[Link]]) -> Iterator[str]:
    # Only the last link of a page carries over to the next.
    next_seq, prev = 1, GENESIS
    for links in pages:
        yield from link_problems(chain, till, links, next_seq, prev)
        last = links[-1]
        next_seq, prev = (last.seq or 0) + 1, last.hash or ""


def _ticket_links(conn: Connection, till: str, page: list[dict[str, Any]]) -> list[Link]:
    ids = [r["ticket_id"] for r in page]
    lines, tenders = _by_ticket(conn, t.ticket_line, ids), _by_ticket(conn, t.tender, ids)
    return [
        Link(
            r["seq"],
            r["prev_hash"],
            r["hash"],
            ticket_hash(
                till,
                r["seq"],
                r,
                lines[r["ticket_id"]],
                tenders[r["ticket_id"]],
                r["prev_hash"] or "",
            ),
            str(r["receipt_no"]),
        )
        for r in page
    ]


def _ticket_chain(conn: Connection, till: str, chunk: int) -> Iterator[str]:
    # Unsealed tickets (no seq) are named; sealed ones are read a page at a time.
    unsealed = select(_tk.c.receipt_no).where(_tk.c.till_id == till, _tk.c.seq.is_(None))
    for receipt in conn.execute(unsealed).scalars():
        yield f"{till} ticket {receipt}: not sealed into the chain"
    pages = (_ticket_links(conn, till, p) for p in _pages(conn, _tk, till, chunk))
    yield from _walk("ticket", till, pages)


def _audit_links(till: str, page: list[dict[str, Any]]) -> list[Link]:
    return [
        Link(
            r["seq"],
            r["prev_hash"],
            r["hash"],
            audit_hash(till, r["seq"], r, r["prev_hash"] or ""),
            f"{r['action']} {r['subject'] or ''}".strip(),
        )
        for r in page
    ]


def _audit_chain(conn: Connection, till: str, chunk: int) -> Iterator[str]:
    yield from _walk("audit", till, (_audit_links(till, p) for p in _pages(conn, _au, till, chunk)))


def _stored_value_against_ledger(conn: Connection) -> Iterator[str]:
    # What a stored-value tender took (or paid back) is what left (or came back to) the
    # member's principal and bonus for that ticket: the two sum to zero.
    tendered = (
        select(
            t.tender.c.ticket_id,
            func.sum(t.tender.c.amount).label("amount"),
        )
        .where(t.tender.c.kind == STORED_VALUE)
        .group_by(t.tender.c.ticket_id)
        .subquery()
    )
    moved = (
        select(_le.c.ticket_id, func.sum(_le.c.amount).label("amount"))
        .where(_le.c.ticket_id.is_not(None), _le.c.kind.in_(("spend", "refund")))
        .where(_le.c.bucket.in_(("principal", "bonus")))
        .group_by(_le.c.ticket_id)
        .subquery()
    )
    q = (
        select(
            _tk.c.receipt_no,
            func.coalesce(tendered.c.amount, 0).label("tendered"),
            func.coalesce(moved.c.amount, 0).label("moved"),
        )
        .select_from(
            _tk.outerjoin(tendered, tendered.c.ticket_id == _tk.c.ticket_id).outerjoin(
                moved, moved.c.ticket_id == _tk.c.ticket_id
            )
        )
        .where(or_(tendered.c.amount.is_not(None), moved.c.amount.is_not(None)))
    )
    for r in conn.execute(q):
        if r.tendered + r.moved != 0:
            yield (
                f"ticket {r.receipt_no}: stored-value tenders {r.tendered} ≠ "
                f"ledger {-r.moved} taken from the card"
            )


def _entries_without_ticket(conn: Connection) -> Iterator[str]:
    orphan = ~exists().where(_tk.c.ticket_id == _le.c.ticket_id)
    q = (
        select(_le.c.till_id, _le.c.seq, _le.c.ticket_id)
        .where(_le.c.ticket_id.is_not(None), orphan)
        .order_by(_le.c.till_id, _le.c.seq)
    )
    for r in conn.execute(q):
        yield f"{r.till_id}#{r.seq}: entry for ticket {r.ticket_id}, which is not on this till"


# Which audit row stands for which ticket (same action, same moment): a sale's names its
# receipt; a refund's names the original and says the refund receipt; a top-up's says its receipt.
_AUDITED = ("sale", "refund", "topup")


def _tickets_without_audit(conn: Connection) -> Iterator[str]:
    receipt_in_detail = func.instr(_au.c.detail, _tk.c.receipt_no) > 0
    named = case(
        (_tk.c.kind == "sale", _au.c.subject == _tk.c.receipt_no),
        else_=receipt_in_detail,
    )
    audited = exists().where(
        _au.c.till_id == _tk.c.till_id,
        _au.c.action == _tk.c.kind,
        _au.c.at == _tk.c.created_at,
        named,
    )
    q = (
        select(_tk.c.till_id, _tk.c.receipt_no, _tk.c.kind)
        .where(_tk.c.kind.in_(_AUDITED), ~audited)
        .order_by(_tk.c.till_id, _tk.c.seq)
    )
    for r in conn.execute(q):
        yield f"{r.till_id} ticket {r.receipt_no} ({r.kind}): no audit row records it"
