"""`frontdesk sync --recover` on the till: this till's books replaced by head office's copy of them.

Head office holds every entry, ticket and audit row the till ever pushed, checked as it arrived.
A till whose chain head office refused (edited, cut short, restored from an old backup) takes that
copy back in one transaction: its own ledger, tickets with lines and tenders, and audit rows are
replaced, the balances and points lots are recomputed from it, the sync cursors set to what head
office acknowledged, and the refusal lifted. Local records head office never received are not
thrown away: each is kept, as it was, in `set_aside` for a manager to look at.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select, text, update
from sqlalchemy.engine import Connection

from frontdesk.persistence import tables as t
from frontdesk.persistence.repositories import SqlAudit, SqlSettings
from frontdesk.services.sync_recovery import CHAIN_REFUSED, OwnRecords, Recovered

_BOOKS = ("ledger_entry", "ticket", "ticket_line", "tender", "audit_log")


def _set_aside(conn: Connection, till_id: str, hq: OwnRecords, at: datetime) -> int:
    """Keep every local record that head office does not hold as it is here."""
    held = {
        "ledger_entry": {(r["seq"], r["hash"]) for r in hq.ledger},
        "ticket": {r["ticket_id"] + (r["hash"] or "") for r in hq.tickets},
        "audit_log": {r["audit_id"] + (r["hash"] or "") for r in hq.audit},
    }
    aside: list[dict[str, Any]] = []
    for r in conn.execute(select(t.ledger_entry).where(t.ledger_entry.c.till_id == till_id)):
        if (r.seq, r.hash) not in held["ledger_entry"]:
            aside.append({"kind": "ledger_entry", "body": dict(r._mapping)})
    for r in conn.execute(select(t.ticket).where(t.ticket.c.till_id == till_id)):
        if r.ticket_id + (r.hash or "") not in held["ticket"]:
            body = dict(r._mapping)
            for table, key in ((t.ticket_line, "lines"), (t.tender, "tenders")):
                rows = conn.execute(select(table).where(table.c.ticket_id == r.ticket_id))
                body[key] = [dict(x._mapping) for x in rows]
            aside.append({"kind": "ticket", "body": body})
    for r in conn.execute(select(t.audit_log).where(t.audit_log.c.till_id == till_id)):
        if r.audit_id + (r.hash or "") not in held["audit_log"]:
            aside.append({"kind": "audit_log", "body": dict(r._mapping)})
    for a in aside:
        conn.execute(
            insert(t.set_aside).values(
                kind=a["kind"],
                body=json.dumps(a["body"], ensure_ascii=False, default=str),
                at=at.isoformat(),
            )
        )
    return len(aside)


def _replace(conn: Connection, till_id: str, hq: OwnRecords) -> None:
    own_tickets = select(t.ticket.c.ticket_id).where(t.ticket.c.till_id == till_id)
    conn.execute(delete(t.tender).where(t.tender.c.ticket_id.in_(own_tickets)))
    conn.execute(delete(t.ticket_line).where(t.ticket_line.c.ticket_id.in_(own_tickets)))
    conn.execute(delete(t.ticket).where(t.ticket.c.till_id == till_id))
    conn.execute(delete(t.ledger_entry).where(t.ledger_entry.c.till_id == till_id))
    conn.execute(delete(t.audit_log).where(t.audit_log.c.till_id == till_id))
    if hq.ledger:
        conn.execute(insert(t.ledger_entry), hq.ledger)
    for tk in hq.tickets:
        # The ticket keeps the rowid it had here: it is the ticket stream's push cursor.
        columns = [c.name for c in t.ticket.columns]
        names = ", ".join(["rowid", *columns])
        marks = ", ".join([":till_rowid", *(f":{c}" for c in columns)])
        conn.execute(text(f"INSERT INTO ticket ({names}) VALUES ({marks})"), tk)
    if hq.lines:
        conn.execute(insert(t.ticket_line), hq.lines)
    if hq.tenders:
        conn.execute(insert(t.tender), hq.tenders)
    if hq.audit:
        conn.execute(insert(t.audit_log), hq.audit)
    # 退卡 records are never deleted here: only those this copy of the till lacks come back.
    if hq.card_returns:
        # The calculation as the till writes it (SqlCardReturns): sorted keys, not jsonb's order.
        rows = [
            r | {"calculation": json.dumps(json.loads(r["calculation"]), sort_keys=True)}
            for r in hq.card_returns
        ]
        conn.execute(insert(t.card_return).prefix_with("OR IGNORE"), rows)


def _reproject(conn: Connection) -> None:
    # As verify recomputes them: each account is its base plus the entries after its base.
    le, acct, lot = t.ledger_entry, t.account, t.points_lot

    def since_base(bucket: str) -> Any:
        return (
            select(func.coalesce(func.sum(le.c.amount), 0))
            .where(le.c.member_id == acct.c.member_id, le.c.bucket == bucket)
            .where(le.c.seq > acct.c.base_seq)
            .scalar_subquery()
        )

    conn.execute(
        update(acct).values(
            principal=acct.c.base_principal + since_base("principal"),
            bonus=acct.c.base_bonus + since_base("bonus"),
            points=acct.c.base_points + since_base("points"),
        )
    )
    # A lot the restored entries name but the till never had (an old backup's) starts empty.
    conn.exec_driver_sql(
        "INSERT INTO points_lot (member_id, lot_year, points, base_points) "
        "SELECT DISTINCT e.member_id, e.lot_year, 0, 0 FROM ledger_entry e "
        "JOIN account a ON a.member_id = e.member_id AND e.seq > a.base_seq "
        "WHERE e.lot_year IS NOT NULL AND NOT EXISTS (SELECT 1 FROM points_lot l "
        "WHERE l.member_id = e.member_id AND l.lot_year = e.lot_year)"
    )
    base_seq = select(acct.c.base_seq).where(acct.c.member_id == lot.c.member_id).scalar_subquery()
    in_lot = (
        select(func.coalesce(func.sum(le.c.amount), 0))
        .where(le.c.member_id == lot.c.member_id, le.c.lot_year == lot.c.lot_year)
        .where(le.c.seq > func.coalesce(base_seq, 0))
        .scalar_subquery()
    )
    conn.execute(update(lot).values(points=lot.c.base_points + in_lot))


def _numbers_past(conn: Connection, till_id: str, outbox_cursor: int) -> None:
    """Receipt numbers and outbox numbers go on after head office's, never reused."""
    conn.exec_driver_sql(
        "UPDATE counter SET value = max(value, coalesce((SELECT max(CAST(substr(receipt_no, -7) "
        "AS INTEGER)) FROM ticket WHERE till_id = ?), 0)) WHERE name = 'receipt'",
        (till_id,),
    )
    # Events numbered at or below head office's cursor would never be pushed again.
    conn.exec_driver_sql(
        "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'outbox'", (outbox_cursor,)
    )


def recover(
    engine: Engine, till_id: str, hq: OwnRecords, at: datetime, audit: dict[str, Any]
) -> Recovered:
    """Replace this till's books with head office's, in one transaction; `audit` is its row."""
    with engine.connect().execution_options(write=True) as conn:
        conn.begin()
        aside = _set_aside(conn, till_id, hq, at)
        triggers = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
            f"({', '.join(repr(b) for b in _BOOKS)})"
        ).all()
        for name, _ in triggers:
            conn.exec_driver_sql(f"DROP TRIGGER {name}")
        _replace(conn, till_id, hq)
        for _, sql in triggers:
            conn.exec_driver_sql(sql)
        _reproject(conn)
        _numbers_past(conn, till_id, hq.cursors.get("outbox", 0))
        settings = SqlSettings(conn)
        for stream, value in hq.cursors.items():
            # Set, not moved forward: the till goes back to where head office is.
            settings.set(f"sync_ack_{stream}", str(value))
        settings.set(CHAIN_REFUSED, "")
        SqlAudit(conn, till_id).add(at=at, **audit)
        conn.commit()
    return Recovered(len(hq.ledger), len(hq.tickets), len(hq.audit), aside)
