"""Checkout CPU and statements against the bare-sqlite3 floor doing the same writes.

Run from the repository root:
    .venv/bin/python -m benchmarks.bench_checkout [--members 20000] [--entries 200000] [--runs 400]
Builds a store (bench_core's seed: members with cards, accounts, points lots and a sealed
ledger), then times the same 3-line stored value + cash member sale through the real services
and through bench_core's floor, then whole refunds of some of them. CPU is this thread's CPU time (a WAL checkpoint's disk wait does
not count); wall, mean and p99 are printed beside it. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import event
from tests.builders import FixedClock

from benchmarks.bench_core import CODES, NOW, floor_checkout, seed
from frontdesk.config import load_program
from frontdesk.domain.money import Fen
from frontdesk.domain.program import PinPolicy
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.services import checkout, shifts, staff
from frontdesk.services.context import TillContext, new_id


def figures(label: str, wall: list[float], cpu: list[float]) -> tuple[float, float]:
    w = sorted(wall)
    p99 = w[min(len(w) - 1, int(len(w) * 0.99))] * 1000
    cpu50, wall50 = statistics.median(cpu) * 1000, statistics.median(wall) * 1000
    print(
        f"{label}: CPU p50 {cpu50:.3f} ms  wall p50 {wall50:.3f} ms  "
        f"mean {statistics.fmean(wall) * 1000:.3f} ms  p99 {p99:.3f} ms  ({len(wall)} runs)"
    )
    return cpu50, wall50


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=20_000)
    ap.add_argument("--entries", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=400)
    ap.add_argument("--refunds", type=int, default=20)
    args = ap.parse_args()
    path = Path(tempfile.mkdtemp(prefix="frontdesk-bench-")) / "store.db"
    t0 = time.perf_counter()
    cards = seed(path, args.members, args.entries)
    print(
        f"store: {args.members:,} members, {args.entries:,} ledger entries, "
        f"built in {time.perf_counter() - t0:.1f} s"
    )
    engine = open_database(path)
    # The PIN's slow hash runs before the transaction on purpose; it is left out here.
    program = replace(
        load_program(), pin_policy=PinPolicy.ABOVE_AMOUNT, pin_above_amount=Fen(10**12)
    )
    ctx = TillContext(SqlUnitOfWorkFactory(engine), FixedClock(NOW), program)
    shifts.open_shift(ctx, cashier="9001", opening_float=Fen(0))
    items = [checkout.SaleItem(c) for c in CODES]
    pays = [checkout.Payment("stored_value", Fen(1000)), checkout.Payment("cash", Fen(10_000))]
    rng = random.Random(7)
    picks = [cards[rng.randrange(len(cards))] for _ in range(args.runs)]

    statements: list[str] = []

    def count(_c: Any, _cur: Any, stmt: str, *_rest: Any) -> None:
        statements.append(stmt.lstrip().split(None, 1)[0].upper())

    def sale(card: str) -> str:
        return checkout.checkout(
            ctx, txn_id=new_id(), cashier="9001", card_no=card, items=items, payments=pays
        ).ticket.receipt_no

    for card in picks[:20]:  # warm the statement cache and the pages
        sale(card)
    event.listen(engine, "before_cursor_execute", count)
    sale(picks[0])
    event.remove(engine, "before_cursor_execute", count)
    kinds = Counter(statements)
    print(
        f"statements per checkout: {len(statements)} "
        f"({kinds['SELECT']} reads, {kinds['INSERT'] + kinds['UPDATE']} writes, "
        f"{len(statements) - kinds['SELECT'] - kinds['INSERT'] - kinds['UPDATE']} other)"
    )
    wall, cpu, receipts = [], [], []
    for card in picks:
        c0, w0 = time.thread_time(), time.perf_counter()
        receipts.append(sale(card))
        cpu.append(time.thread_time() - c0)
        wall.append(time.perf_counter() - w0)
    c50, w50 = figures("checkout (3 lines, stored value + cash)", wall, cpu)
    refund_wall, refund_cpu = [], []
    for receipt in receipts[: args.refunds]:
        amount = checkout.refund_amount(ctx, receipt_no=receipt, lines=None)
        approval = staff.approve(
            ctx, action="refund", subject=receipt, amount=amount, manager_no="9001", pin="9001"
        )
        c0, w0 = time.thread_time(), time.perf_counter()
        checkout.refund(
            ctx,
            txn_id=new_id(),
            cashier="9001",
            receipt_no=receipt,
            lines=None,
            approval_id=approval,
        )
        refund_cpu.append(time.thread_time() - c0)
        refund_wall.append(time.perf_counter() - w0)
    figures(f"whole refund at {args.entries:,} entries", refund_wall, refund_cpu)
    engine.dispose()
    member_ids = [f"m{rng.randrange(args.members):08d}" for _ in range(args.runs)]
    floor_wall = floor_checkout(path, member_ids, args.runs)
    floor_cpu = floor_checkout(path, member_ids, args.runs, clock=time.thread_time)
    f50, fw50 = figures("floor (same writes, bare sqlite3, same pragmas)", floor_wall, floor_cpu)
    print(f"ratio checkout/floor: CPU p50 {c50 / f50:.2f}×  wall p50 {w50 / fw50:.2f}×")


if __name__ == "__main__":
    main()
