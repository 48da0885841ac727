"""`frontdesk verify`: recompute every projection from the ledger and check the hash chains."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Connection, Engine, Label, and_, case, exists, func, select

from frontdesk.domain.ledger import GENESIS_HASH, chain_problems
from frontdesk.persistence import tables as t
from frontdesk.persistence.repositories import entry_of
from frontdesk.persistence.verify_records import record_problems

# Entries are read this many at a time, so verify's memory does not grow with the ledger
# (holding every entry took 1.79 GB at 1M entries and failed at 20M).
CHUNK = 5_000

_le, _acct, _lot = t.ledger_entry, t.account, t.points_lot
_BUCKETS = ("principal", "bonus", "points")


def verify(engine: Engine) -> list[str]:
    """Every difference found, in words; an empty list means the books are right."""
    problems: list[str] = []
    with engine.connect() as conn:
        tills = conn.execute(select(_le.c.till_id).distinct()).scalars().all()
        for till in tills:
            problems.extend(_chain(conn, till))
            problems.extend(_unknown_accounts(conn, till))
        problems.extend(_accounts(conn))
        problems.extend(_lots(conn))
        problems.extend(_tenders(conn))
        problems.extend(record_problems(conn, CHUNK))
        integrity = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
        if integrity != "ok":
            problems.append(f"sqlite integrity_check: {integrity}")
    return problems


def _chain(conn: Connection, till: str) -> Iterator[str]:
    # Keyset pages in seq order; only the last entry of a page carries over to the next.
    next_seq, prev_hash, after = 1, GENESIS_HASH, None
    while True:
        q = select(_le).where(_le.c.till_id == till).order_by(_le.c.seq).limit(CHUNK)
        if after is not None:
            q = q.where(_le.c.seq > after)
        page = [entry_of(r) for r in conn.execute(q)]
        if not page:
            return
        yield from chain_problems(page, start_seq=next_seq, start_hash=prev_hash)
        last = page[-1]
        next_seq, prev_hash, after = last.seq + 1, last.hash, last.seq


def _unknown_accounts(conn: Connection, till: str) -> Iterator[str]:
    orphan = ~exists().where(_acct.c.member_id == _le.c.member_id)
    q = select(_le.c.seq, _le.c.member_id).where(_le.c.till_id == till, orphan).order_by(_le.c.seq)
    for r in conn.execute(q):
        yield f"{till}#{r.seq}: entry for unknown account {r.member_id}"


def _since_base(bucket: str) -> Label[int]:
    amount = case((_le.c.bucket == bucket, _le.c.amount), else_=0)
    return func.coalesce(func.sum(amount), 0).label(f"ledger_{bucket}")


def _accounts(conn: Connection) -> Iterator[str]:
    # SQLite walks account in key order and sums each one's entries after its base through
    # ix_ledger_member, so the grouping streams instead of building a table of every member.
    since_base = and_(_le.c.member_id == _acct.c.member_id, _le.c.seq > _acct.c.base_seq)
    q = (
        select(_acct, *(_since_base(b) for b in _BUCKETS))
        .select_from(_acct.outerjoin(_le, since_base))
        .group_by(_acct.c.member_id)
    )
    for r in conn.execute(q):
        for bucket in _BUCKETS:
            stored = getattr(r, bucket)
            expected = getattr(r, f"base_{bucket}") + getattr(r, f"ledger_{bucket}")
            if stored != expected:
                yield f"account {r.member_id} {bucket}: projection {stored}, ledger {expected}"
            if bucket != "points" and stored < 0:
                yield f"account {r.member_id} {bucket}: negative balance {stored}"


def _lots(conn: Connection) -> Iterator[str]:
    # Only entries of a known account after its base count, as for the account projection.
    in_lot = and_(
        _le.c.member_id == _lot.c.member_id,
        _le.c.lot_year == _lot.c.lot_year,
        _le.c.seq > _acct.c.base_seq,
    )
    q = (
        select(_lot.c.member_id, _lot.c.lot_year, _lot.c.points, _lot.c.base_points)
        .add_columns(func.coalesce(func.sum(_le.c.amount), 0).label("ledger"))
        .select_from(
            _lot.outerjoin(_acct, _acct.c.member_id == _lot.c.member_id).outerjoin(_le, in_lot)
        )
        .group_by(_lot.c.member_id, _lot.c.lot_year)
    )
    for r in conn.execute(q):
        expected = r.base_points + r.ledger
        if r.points != expected:
            yield (
                f"points lot {r.member_id}/{r.lot_year}: projection {r.points}, ledger {expected}"
            )
    no_lot = ~exists().where(_lot.c.member_id == _le.c.member_id, _lot.c.lot_year == _le.c.lot_year)
    amount = func.sum(_le.c.amount)
    missing = (
        select(_le.c.member_id, _le.c.lot_year, amount.label("amount"))
        .select_from(
            _le.join(
                _acct, and_(_acct.c.member_id == _le.c.member_id, _le.c.seq > _acct.c.base_seq)
            )
        )
        .where(_le.c.lot_year.is_not(None), no_lot)
        .group_by(_le.c.member_id, _le.c.lot_year)
        .having(amount != 0)
    )
    for r in conn.execute(missing):
        yield f"points lot {r.member_id}/{r.lot_year}: missing projection for {r.amount} points"


def _tenders(conn: Connection) -> Iterator[str]:
    tendered = func.coalesce(func.sum(t.tender.c.amount), 0).label("tendered")
    q = (
        select(t.ticket.c.receipt_no, t.ticket.c.total, tendered)
        .select_from(t.ticket.outerjoin(t.tender, t.tender.c.ticket_id == t.ticket.c.ticket_id))
        .where(t.ticket.c.kind.in_(("sale", "refund")))
        .group_by(t.ticket.c.ticket_id)
    )
    for r in conn.execute(q):
        if r.tendered != r.total:
            yield f"ticket {r.receipt_no}: tenders {r.tendered} ≠ total {r.total}"
