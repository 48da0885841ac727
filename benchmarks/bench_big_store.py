"""The till after years of trade: every counter query's plan, a refund, verify's peak memory.

Run from the repository root:
    .venv/bin/python -m benchmarks.bench_big_store [--members 1000000] [--entries 20000000]
        [--db PATH] [--keep] [--no-verify] [--verify-seconds S]
The store is big_store's (three years of top-ups and sales, real UUIDs, a member with 5,000
past sales), built in the temporary directory unless --db names one, and deleted afterwards
unless --keep (20M entries take about 15 GB). On it: bench_query_plans' working day with every
statement's EXPLAIN QUERY PLAN (a SCAN of a growing table is a problem); whole refunds of fresh
sales and of one of the loyal member's oldest, wall and CPU; `frontdesk verify` in a child
process with its peak resident memory (getrusage). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from tests.builders import FixedClock

from benchmarks.bench_core import CODES, NOW
from benchmarks.bench_query_plans import explain
from benchmarks.bench_verify import measure
from benchmarks.big_store import build
from frontdesk.config import load_program
from frontdesk.domain.approvals import ApprovalAction, ApprovalBinding
from frontdesk.domain.money import Fen
from frontdesk.domain.program import PinPolicy
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.services import checkout, shifts, staff
from frontdesk.services.context import TillContext, new_id


def _refund(
    ctx: TillContext, receipt: str, lines: dict[int, int] | None = None
) -> tuple[float, float]:
    amount = checkout.refund_amount(ctx, receipt_no=receipt, lines=lines)
    approval = staff.approve(
        ctx, ApprovalBinding(ApprovalAction.REFUND, receipt, amount), manager_no="9001", pin="9001"
    )
    c0, w0 = time.thread_time(), time.perf_counter()
    checkout.refund(
        ctx, txn_id=new_id(), cashier="1001", receipt_no=receipt, lines=lines, approval_id=approval
    )
    return time.perf_counter() - w0, time.thread_time() - c0


def _load() -> str:
    return f"{os.getloadavg()[0]:.2f}"


def refunds(path: Path, cards: list[str], loyal: str) -> None:
    engine = open_database(path)
    program = replace(
        load_program(), pin_policy=PinPolicy.ABOVE_AMOUNT, pin_above_amount=Fen(10**12)
    )
    ctx = TillContext(SqlUnitOfWorkFactory(engine), FixedClock(NOW), program)
    if shifts.current(ctx) is None:  # the query plans' working day closed its shift
        shifts.open_shift(ctx, cashier="1001", opening_float=Fen(0))
    items = [checkout.SaleItem(c) for c in CODES]
    pays = [checkout.Payment("stored_value", Fen(1000)), checkout.Payment("cash", Fen(10_000))]
    step = max(1, len(cards) // 20)
    sold = [
        checkout.checkout(
            ctx, txn_id=new_id(), cashier="1001", card_no=c, items=items, payments=pays
        ).ticket.receipt_no
        for c in cards[1::step][:20]
    ]
    times = [_refund(ctx, r) for r in sold]
    wall, cpu = sorted(t[0] for t in times), sorted(t[1] for t in times)
    print(
        f"whole refund of a fresh sale ({len(times)}): wall p50 {statistics.median(wall) * 1000:.1f}"
        f" ms  max {wall[-1] * 1000:.1f} ms; CPU p50 {statistics.median(cpu) * 1000:.1f} ms;"
        f" load {_load()}"
    )
    with engine.connect() as conn:
        oldest = conn.exec_driver_sql(
            "SELECT receipt_no FROM ticket WHERE member_id = ? AND kind = 'sale' ORDER BY seq"
            " LIMIT 6",
            (loyal,),
        ).scalars()
        old = [str(r) for r in oldest]
    # In full, the sale leaves the tier history (its upgrade is withdrawn): the history is
    # replayed. One line of it: the refund carries the stored tier forward.
    for how, receipts, lines in (("whole", old[:3], None), ("one line of", old[3:], {1: 1})):
        try:
            got = [_refund(ctx, r, lines) for r in receipts]
        except Exception as exc:  # a refund refused (past its window) is a figure too
            print(f"the loyal member's oldest sales: refund refused ({type(exc).__name__}: {exc})")
            continue
        print(
            f"{how} refund of the loyal member's old sales ({len(got)}): wall"
            f" {', '.join(f'{w * 1000:.1f}' for w, _ in got)} ms;"
            f" CPU {', '.join(f'{c * 1000:.1f}' for _, c in got)} ms; load {_load()}"
        )
    engine.dispose()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=1_000_000)
    ap.add_argument("--entries", type=int, default=20_000_000)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--no-verify", action="store_true")
    ap.add_argument(
        "--verify-seconds", type=float, help="stop verify after this long (its peak so far)"
    )
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="fd-big-"))
    path = args.db or folder / "big.db"
    try:
        if not path.exists():
            made = build(path, args.members, args.entries)
            print(
                f"built: {made['entries']:,} entries, {made['tickets']:,} tickets,"
                f" {args.members:,} members in {made['seconds']:.0f} s"
            )
        with sqlite3.connect(path) as raw:
            members = raw.execute("SELECT count(*) FROM member").fetchone()[0]
            entries = raw.execute("SELECT max(seq) FROM ledger_entry").fetchone()[0]
            # big_store's member 0, the first written, is the one with 5,000 past sales.
            loyal = raw.execute("SELECT member_id FROM member ORDER BY rowid LIMIT 1").fetchone()[0]
        size = path.stat().st_size / 2**30
        print(f"store: {members:,} members, {entries:,} entries, {size:.1f} GiB")
        # Cards of members with money on them, spread over the store (most members of a heavy
        # tail have topped up once and spent it, or never came back).
        with sqlite3.connect(path) as raw:
            cards = [
                r[0]
                for r in raw.execute(
                    "SELECT card_no FROM card JOIN account USING (member_id)"
                    " WHERE principal + bonus >= 5000 AND abs(random()) % 50 = 0 LIMIT 20000"
                )
            ]
        scans = explain(path, cards, entries, with_verify=False)
        print(f"query plans: {scans} statements scan a table that grows with the store")
        refunds(path, cards, loyal)
        if not args.no_verify:
            r = measure(path, args.verify_seconds)
            done = "stopped after" if r["problems"] < 0 else "done in"
            print(
                f"verify on {entries:,} entries: peak RSS {r['peak_mib']:.0f} MiB,"
                f" {done} {r['wall_s']:.0f} s, {r['problems']:.0f} problems; load {_load()}"
            )
    finally:
        if not args.keep and args.db is None:
            for p in folder.iterdir():
                p.unlink()
            folder.rmdir()


if __name__ == "__main__":
    main()
