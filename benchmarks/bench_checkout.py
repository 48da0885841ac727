"""Checkout CPU against the bare-sqlite3 floor doing the same writes, and against history length.

Run from the repository root:
    .venv/bin/python -m benchmarks.bench_checkout [--members 20000] [--entries 200000] [--runs 400]
The seeded store (bench_core: members with cards, accounts, points lots and a sealed ledger) is
built once per size under the temporary directory and copied for each run. The same 3-line
stored value + cash member sale goes through the real services and through bench_core's floor,
in blocks of 25 sales each in turn, so the machine's noise falls on both alike; between them a
member with 5,000 past tickets and one with none, alternately; then whole refunds. Checkpoints are controlled: neither
side checkpoints on its own, and the WAL is checkpointed every 25 sales outside the timings, so
no sale pays for another's pages. CPU is this thread's CPU time; wall p50, mean and p99 are
printed beside it. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from tests.builders import FixedClock

from benchmarks.bench_core import CODES, NOW, cached_store, floor_connection, floor_sale
from benchmarks.bench_tiers import add_history, store_tier
from frontdesk.config import load_program
from frontdesk.domain.approvals import ApprovalAction, ApprovalBinding
from frontdesk.domain.money import Fen
from frontdesk.domain.program import PinPolicy
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.services import checkout, shifts, staff, staff_admin
from frontdesk.services.context import TillContext, new_id

CHECKPOINT_EVERY = 25
LOYAL = 5_000


class Samples:
    def __init__(self, label: str) -> None:
        self.label, self.cpu, self.wall = label, list[float](), list[float]()

    def time(self, fn: Callable[[], object]) -> None:
        c0, w0 = time.thread_time(), time.perf_counter()
        fn()
        self.cpu.append(time.thread_time() - c0)
        self.wall.append(time.perf_counter() - w0)

    def cpu50(self) -> float:
        return statistics.median(self.cpu) * 1000

    def wall50(self) -> float:
        return statistics.median(self.wall) * 1000

    def show(self) -> None:
        w = sorted(self.wall)
        p99 = w[min(len(w) - 1, int(len(w) * 0.99))] * 1000
        print(
            f"{self.label}: CPU p50 {self.cpu50():.3f} ms  mean {statistics.fmean(self.cpu) * 1000:.3f}"
            f" ms | wall p50 {self.wall50():.3f} ms  mean {statistics.fmean(self.wall) * 1000:.3f} ms"
            f"  p99 {p99:.3f} ms  ({len(w)} runs)"
        )


def ratio(label: str, a: Samples, b: Samples) -> None:
    print(
        f"{label}: CPU p50 {a.cpu50() / b.cpu50():.2f}×  "
        f"CPU mean {statistics.fmean(a.cpu) / statistics.fmean(b.cpu):.2f}×  "
        f"wall p50 {a.wall50() / b.wall50():.2f}×"
    )


def _no_autocheckpoint(engine: Engine) -> None:
    def off(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA wal_autocheckpoint=0")

    engine.dispose()
    event.listen(engine, "connect", off)


def _kinds(statements: list[str]) -> str:
    kinds = Counter(s.lstrip().split(None, 1)[0].upper() for s in statements)
    writes = kinds["INSERT"] + kinds["UPDATE"]
    other = len(statements) - kinds["SELECT"] - writes
    return f"{len(statements)} ({kinds['SELECT']} reads, {writes} row writes, {other} other)"


def _count_statements(
    engine: Engine, sale: Callable[[], object], floor: Callable[[Callable[[str], object]], object]
) -> None:
    """Counted by SQLite itself (its trace hook: every row of an executemany, BEGIN and COMMIT),
    whichever way a statement was sent."""
    app: list[str] = []

    def trace(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.set_trace_callback(app.append)

    engine.dispose()
    event.listen(engine, "connect", trace)
    sale()
    event.remove(engine, "connect", trace)
    engine.dispose()
    floors: list[str] = []
    floor(floors.append)
    print(f"statements per checkout: {_kinds(app)}; the floor: {_kinds(floors)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=20_000)
    ap.add_argument("--entries", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=400)
    ap.add_argument("--refunds", type=int, default=20)
    args = ap.parse_args()
    t0 = time.perf_counter()
    path, cards = cached_store(args.members, args.entries, Path(tempfile.mkdtemp(prefix="fd-")))
    # Member 1 gets 5,000 past tickets (one a day or so, some refunded); member 2 has none.
    add_history(path, "m00000001", LOYAL)
    print(
        f"store: {args.members:,} members, {args.entries:,} ledger entries, a member with"
        f" {LOYAL:,} past tickets; ready in {time.perf_counter() - t0:.1f} s"
    )
    engine = open_database(path)
    _no_autocheckpoint(engine)
    # The PIN's slow hash runs before the transaction on purpose; it is left out here.
    program = replace(
        load_program(), pin_policy=PinPolicy.ABOVE_AMOUNT, pin_above_amount=Fen(10**12)
    )
    ctx = TillContext(SqlUnitOfWorkFactory(engine), FixedClock(NOW), program)
    store_tier(ctx, "m00000001")
    staff_admin.add_staff(
        ctx, actor="9001", staff_no="1001", name="收银", role="cashier", pin="1001"
    )
    shifts.open_shift(ctx, cashier="1001", opening_float=Fen(0))
    items = [checkout.SaleItem(c) for c in CODES]
    pays = [checkout.Payment("stored_value", Fen(1000)), checkout.Payment("cash", Fen(10_000))]
    rng = random.Random(7)
    picks = [rng.randrange(2, len(cards)) for _ in range(args.runs)]
    receipts: list[str] = []

    def sale(card: str) -> None:
        receipts.append(
            checkout.checkout(
                ctx, txn_id=new_id(), cashier="1001", card_no=card, items=items, payments=pays
            ).ticket.receipt_no
        )

    raw = floor_connection(path)
    raw.execute("PRAGMA wal_autocheckpoint=0")

    def checkpoint() -> None:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    for i in picks[:20]:  # warm the statement cache and the pages
        sale(cards[i])
        floor_sale(raw, f"m{i:08d}")

    def traced_floor(trace: Callable[[str], object]) -> None:
        raw.set_trace_callback(trace)
        floor_sale(raw, f"m{picks[0]:08d}")
        raw.set_trace_callback(None)

    _count_statements(engine, lambda: sale(cards[picks[0]]), traced_floor)
    for i in picks[:10]:  # the pool's connection was made again: its pages warmed again
        sale(cards[i])
    app = Samples("checkout (3 lines, stored value + cash)")
    floor = Samples("floor (same writes, bare sqlite3, same pragmas)")
    loyal = Samples(f"checkout, member with {LOYAL:,} past tickets")
    fresh = Samples("checkout, member with 0 past tickets")
    # Blocks of sales, each side in turn: interleaving single sales would make each side's
    # connection find the other's commit and reload its page cache on every sale.
    for start in range(0, len(picks), CHECKPOINT_EVERY):
        block = picks[start : start + CHECKPOINT_EVERY]
        checkpoint()
        for i in block:
            app.time(partial(sale, cards[i]))
        checkpoint()
        for i in block:
            floor.time(partial(floor_sale, raw, f"m{i:08d}"))
        checkpoint()
        for _ in block[::2]:
            loyal.time(partial(sale, cards[0]))
            fresh.time(partial(sale, cards[1]))
    for s in (app, floor, loyal, fresh):
        s.show()
    ratio("ratio checkout/floor", app, floor)
    ratio(f"ratio {LOYAL:,} past tickets / 0", loyal, fresh)
    checkpoint()
    # Refunds of random members' sales, then of the loyal member's: a refund re-works the tier.
    members_sales = receipts[21 : 21 + min(args.refunds, CHECKPOINT_EVERY)]  # the first block's
    loyal_sales = receipts[-2 * args.refunds :: 2]
    for label, chosen in (
        (f"whole refund at {args.entries:,} entries", members_sales),
        (f"whole refund, member with {LOYAL:,} past tickets", loyal_sales),
    ):
        refunds = Samples(label)
        for receipt in chosen:
            amount = checkout.refund_amount(ctx, receipt_no=receipt, lines=None)
            approval = staff.approve(
                ctx,
                ApprovalBinding(ApprovalAction.REFUND, receipt, amount),
                manager_no="9001",
                pin="9001",
            )
            refunds.time(
                partial(
                    checkout.refund,
                    ctx,
                    txn_id=new_id(),
                    cashier="1001",
                    receipt_no=receipt,
                    lines=None,
                    approval_id=approval,
                )
            )
        refunds.show()
    raw.close()
    engine.dispose()


if __name__ == "__main__":
    main()
