"""EXPLAIN QUERY PLAN of every statement the till runs at the counter, on a big store.

Run from the repository root:
    .venv/bin/python -m benchmarks.bench_query_plans [--members 1000000] [--entries 1000000]
On a copy of bench_core's seeded store (cached in the temporary directory) it records every
statement a working day's use cases send (card lookup, sale, refund, top-up, member statement,
receipt reprint, shift close, the sync push's reads), then asks SQLite for each one's plan with
the parameters it ran with. A plan step that SCANs a table that grows with the store (ledger,
tickets, members, cards, accounts, audit) is printed as a problem; small tables (settings,
staff, products, shifts, counters) may be scanned. Prints the plans; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import event
from tests.builders import FixedClock

from benchmarks.bench_core import CODES, NOW, cached_store
from frontdesk.config import load_program
from frontdesk.domain.approvals import ApprovalAction, ApprovalBinding
from frontdesk.domain.money import Fen
from frontdesk.domain.program import PinPolicy
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.sync_store import SqliteSyncStore
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.persistence.verify import verify
from frontdesk.services import accounts, checkout, membership, shifts, staff, staff_admin
from frontdesk.services.context import TillContext, new_id

GROWING = ("ledger_entry", "ticket", "ticket_line", "tender", "member", "card", "account",
           "points_lot", "audit_log", "outbox", "remote_tier_event", "print_job")  # fmt: skip
# verify reads the whole chain on purpose (streaming, bounded memory); its scans are expected.
WHOLE_STORE = {"verify"}


# Literals are what differ between two runs of one statement (the trace hook gives the SQL with
# its values in place): strings and numbers become ? to tell statements apart.
_LITERALS = re.compile(r"'(?:[^']|'')*'|\b\d+\b")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=1_000_000)
    ap.add_argument("--entries", type=int, default=1_000_000)
    args = ap.parse_args()
    path, cards = cached_store(args.members, args.entries, Path(tempfile.mkdtemp(prefix="fd-")))
    explain(path, cards, args.entries, with_verify=True)


def explain(path: Path, cards: list[str], entries: int, *, with_verify: bool) -> int:
    """Run a working day's use cases on the store at `path`, print every statement's plan.

    Returns how many statements scan a table that grows with the store (verify's aside).
    Statements are recorded by SQLite's trace hook on every connection the engine makes, so the
    ones the counter sends straight to sqlite3 (persistence/prepared.py) are among them.
    """
    engine = open_database(path)
    seen: dict[str, tuple[str, str]] = {}
    phase = ["setup"]

    def record(sql: str) -> None:
        head = sql.lstrip().split(None, 1)[0].upper()
        shape = _LITERALS.sub("?", " ".join(sql.split()))
        if head in ("SELECT", "INSERT", "UPDATE", "DELETE", "WITH") and shape not in seen:
            seen[shape] = (phase[0], sql)

    def trace(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.set_trace_callback(record)

    event.listen(engine, "connect", trace)
    engine.dispose()  # the connection opening the store made is pooled without the hook
    program = replace(
        load_program(), pin_policy=PinPolicy.ABOVE_AMOUNT, pin_above_amount=Fen(10**12)
    )
    ctx = TillContext(SqlUnitOfWorkFactory(engine), FixedClock(NOW), program)
    with ctx.uow(write=False) as uow:
        known, shift_open = uow.staff.get("1001") is not None, uow.shifts.current() is not None
    if not known:
        staff_admin.add_staff(
            ctx, actor="9001", staff_no="1001", name="收银", role="cashier", pin="1001"
        )
    card = cards[12_345 % len(cards)]
    items = [checkout.SaleItem(c) for c in CODES]
    pays = [checkout.Payment("stored_value", Fen(1000)), checkout.Payment("cash", Fen(10_000))]
    sold: list[str] = []
    joined: list[str] = []

    def sale() -> None:
        done = checkout.checkout(
            ctx, txn_id=new_id(), cashier="1001", card_no=card, items=items, payments=pays
        )
        sold.append(done.ticket.receipt_no)

    def register() -> None:
        reg = membership.register(
            ctx,
            actor="1001",
            phone=f"199{random.randrange(10**8):08d}",
            name="新会员",
            consent_terms=True,
            pin="135790",
        )
        joined.append(reg.member.member_id)

    steps: list[tuple[str, Callable[[], object]]] = [
        (
            "open shift",
            lambda: shift_open or shifts.open_shift(ctx, cashier="1001", opening_float=Fen(0)),
        ),
        ("lookup", lambda: membership.lookup_card(ctx, card, "1001")),
        ("quote", lambda: checkout.quote(ctx, actor="1001", card_no=card, items=items)),
        ("sale", sale),
        ("register", register),
        (
            "topup",
            lambda: accounts.topup(ctx, actor="1001", member_id=joined[0], amount=Fen(5_000)),
        ),
    ]
    for name, step in steps:
        phase[0] = name
        step()
    phase[0] = "refund"
    amount = checkout.refund_amount(ctx, receipt_no=sold[0], lines=None)
    approval = staff.approve(
        ctx,
        ApprovalBinding(ApprovalAction.REFUND, sold[0], amount),
        manager_no="9001",
        pin="9001",
    )
    checkout.refund(
        ctx, txn_id=new_id(), cashier="1001", receipt_no=sold[0], lines=None, approval_id=approval
    )
    phase[0] = "shift close"
    expected = shifts.report_so_far(ctx, cashier="1001").expected_cash
    shifts.close_shift(ctx, cashier="1001", counted_cash=expected)
    phase[0] = "sync push reads"
    store = SqliteSyncStore(engine, program)
    store.ledger_after(entries - 10, 500)
    for stream in ("outbox", "audit", "ticket"):
        store.rows_after(stream, 0, 500)
    if with_verify:
        phase[0] = "verify"
        verify(engine)
    engine.dispose()
    raw = sqlite3.connect(path)
    problems = 0
    for name, sql in seen.values():
        try:
            plan = raw.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
        except sqlite3.Error as exc:
            print(f"[{name}] could not explain: {exc}: {sql[:80]}")
            continue
        steps_text = [str(row[-1]) for row in plan]
        scans = [s for s in steps_text if s.startswith("SCAN ") and s.split()[1] in GROWING]
        bad = bool(scans) and name not in WHOLE_STORE
        problems += bad
        print(f"{'SCAN!' if bad else 'ok   '} [{name}] {' '.join(sql.split())[:110]}")
        for s in steps_text:
            print(f"        {s}")
    raw.close()
    print(f"{len(seen)} distinct statements, {problems} scanning a table that grows with the store")
    return problems


if __name__ == "__main__":
    main()
