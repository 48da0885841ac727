"""`frontdesk verify`: recompute every projection from the ledger and check the hash chain."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Engine, select

from frontdesk.domain.ledger import chain_problems
from frontdesk.persistence import tables as t
from frontdesk.persistence.repositories import entry_of


def verify(engine: Engine) -> list[str]:
    """Every difference found, in words; an empty list means the books are right."""
    problems: list[str] = []
    with engine.connect() as conn:
        tills = [r[0] for r in conn.execute(select(t.ledger_entry.c.till_id).distinct())]
        sums: dict[tuple[str, str], int] = defaultdict(int)
        lot_sums: dict[tuple[str, int], int] = defaultdict(int)
        bases = {
            r.member_id: r
            for r in conn.execute(
                select(
                    t.account.c.member_id,
                    t.account.c.base_seq,
                    t.account.c.principal,
                    t.account.c.bonus,
                    t.account.c.points,
                    t.account.c.base_principal,
                    t.account.c.base_bonus,
                    t.account.c.base_points,
                )
            )
        }
        for till in tills:
            rows = conn.execute(
                select(t.ledger_entry)
                .where(t.ledger_entry.c.till_id == till)
                .order_by(t.ledger_entry.c.seq)
            )
            entries = [entry_of(r) for r in rows]
            problems.extend(chain_problems(entries))
            for e in entries:
                base = bases.get(e.member_id)
                if base is None:
                    problems.append(f"{till}#{e.seq}: entry for unknown account {e.member_id}")
                    continue
                if e.seq > base.base_seq:
                    sums[(e.member_id, e.bucket)] += e.amount
                    if e.lot_year is not None:
                        lot_sums[(e.member_id, e.lot_year)] += e.amount
        for member_id, a in bases.items():
            for bucket, stored, base in (
                ("principal", a.principal, a.base_principal),
                ("bonus", a.bonus, a.base_bonus),
                ("points", a.points, a.base_points),
            ):
                expected = base + sums.get((member_id, bucket), 0)
                if stored != expected:
                    problems.append(
                        f"account {member_id} {bucket}: projection {stored}, ledger {expected}"
                    )
                if bucket != "points" and stored < 0:
                    problems.append(f"account {member_id} {bucket}: negative balance {stored}")
        for r in conn.execute(select(t.points_lot)):
            expected = r.base_points + lot_sums.get((r.member_id, r.lot_year), 0)
            if r.points != expected:
                problems.append(
                    f"points lot {r.member_id}/{r.lot_year}: "
                    f"projection {r.points}, ledger {expected}"
                )
            lot_sums.pop((r.member_id, r.lot_year), None)
        for (member_id, year), amount in lot_sums.items():
            if amount:
                problems.append(
                    f"points lot {member_id}/{year}: missing projection for {amount} points"
                )
        for r in conn.execute(
            select(t.ticket.c.ticket_id, t.ticket.c.total, t.ticket.c.receipt_no).where(
                t.ticket.c.kind.in_(("sale", "refund"))
            )
        ):
            tendered = (
                conn.execute(select(t.tender.c.amount).where(t.tender.c.ticket_id == r.ticket_id))
                .scalars()
                .all()
            )
            if sum(tendered) != r.total:
                problems.append(f"ticket {r.receipt_no}: tenders {sum(tendered)} ≠ total {r.total}")
        integrity = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
        if integrity != "ok":
            problems.append(f"sqlite integrity_check: {integrity}")
    return problems
