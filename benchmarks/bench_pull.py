"""Sale latency at the counter while a large pull is applied: a sale must never wait on sync.

Run from the repository root:
    .venv/bin/python -m benchmarks.bench_pull [--members 1000000] [--entries 1000000]
The till store is bench_core's seed (cached in the temporary directory). What a first pull
after a long offline stretch brings is applied by the real SqliteSyncStore in a background
thread with its own engine, as the till window's sync thread does: every member's profile (the
member stream, in pages of 5,000 as sync_now pulls them), head office's balance totals for every
member, and chain-wide tickets for one member in a hundred (--tier-every). Meanwhile the main thread sells through
the real services, one 3-line sale every 50 ms on a fixed schedule, and counts any that fail. Prints the pull's
time and its longest write transaction, and the sales' wall and CPU p50, p99 and max. It
asserts nothing.
"""

from __future__ import annotations

import argparse
import base64
import gc
import random
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event
from tests.builders import FixedClock, hq_member_row

from benchmarks.bench_core import CODES, NOW, cached_store
from frontdesk.config import load_program
from frontdesk.domain.money import Fen
from frontdesk.domain.program import PinPolicy
from frontdesk.persistence import engine as engine_module
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.member_keys import new_key, seal_with
from frontdesk.persistence.member_personal import FIELDS
from frontdesk.persistence.sync_store import SqliteSyncStore
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.services import checkout, shifts, staff_admin
from frontdesk.services.context import TillContext, new_id
from frontdesk.services.sync_port import BalanceSnapshot, RowBatch, TierSnapshot

PAGE = 5_000
TS = NOW.isoformat()


def member_pages(members: int, sealed: bool = True) -> Iterator[RowBatch]:
    """Head office's member rows as the member stream pages them (profiles changed elsewhere).

    Sealed as head office holds them since h0023, each with the key the pull brings beside it
    (--plain: the rows in the clear, as head office held them before).
    """
    for start in range(0, members, PAGE):
        rows: list[dict[str, Any]] = [
            hq_member_row(f"m{i:08d}", f"1{3 + i % 7}{i:09d}", TS, i + 1)
            for i in range(start, min(start + PAGE, members))
        ]
        if sealed:
            rows = [_sealed(r) for r in rows]
        yield RowBatch(rows, start + len(rows))


def _sealed(row: dict[str, Any]) -> dict[str, Any]:
    key, member_id = new_key(), str(row["member_id"])
    fields = {f: seal_with(key, member_id, f, str(row[f])) for f in FIELDS if row[f] is not None}
    return row | fields | {"key": base64.b64encode(key).decode()}


def balances(members: int, till_seq: int) -> BalanceSnapshot:
    totals: list[dict[str, Any]] = []
    for i in range(members):
        mid = f"m{i:08d}"
        for bucket, amount in (("principal", 10**9 - i), ("bonus", 10**8), ("points", 10**6)):
            totals.append({"member_id": mid, "bucket": bucket, "lot_year": None, "amount": amount})
        totals.append({"member_id": mid, "bucket": "lot", "lot_year": 2026, "amount": 10**6})
    return BalanceSnapshot(till_seq, totals, [], 1)


def tier_events(members: int, every: int) -> TierSnapshot:
    events = [
        {
            "member_id": f"m{i:08d}",
            "ticket_id": new_id(),
            "created_at": TS,
            "total": 5_000,
            "points_earned": 50,
            "refund_of": None,
        }
        for i in range(0, members, every)
    ]
    return TierSnapshot(events, [], 1)


def full_collections() -> list[float]:
    """The pauses of the garbage collector's full (generation 2) passes from now on."""
    pauses: list[float] = []
    began = [0.0]

    def timed(stage: str, info: dict[str, int]) -> None:
        if info["generation"] == 2:
            if stage == "start":
                began[0] = time.perf_counter()
            else:
                pauses.append(time.perf_counter() - began[0])

    gc.callbacks.append(timed)
    return pauses


def longest_transaction(engine: Engine) -> list[float]:
    """The write transactions the pull's engine held, each from BEGIN to COMMIT (seconds)."""
    held: list[float] = []
    begun: dict[int, float] = {}

    def begin(conn: Any) -> None:
        begun[id(conn)] = time.perf_counter()

    def commit(conn: Any) -> None:
        held.append(time.perf_counter() - begun.pop(id(conn), time.perf_counter()))

    event.listen(engine, "begin", begin)
    event.listen(engine, "commit", commit)
    return held


class SaleWaits:
    """Where each sale's time went: BEGIN IMMEDIATE (waiting for the pull's lock in SQLite's
    busy handler) and COMMIT (the WAL write, fsync and any checkpoint it runs)."""

    def __init__(self) -> None:
        self.begin: list[float] = []
        self.commit: list[float] = []
        self._plain_begin = engine_module._on_begin

    def install(self) -> None:
        def timed_begin(conn: Any) -> None:
            w0 = time.perf_counter()
            self._plain_begin(conn)
            if threading.current_thread() is threading.main_thread():
                self.begin.append(time.perf_counter() - w0)

        engine_module._on_begin = timed_begin  # before the counter's engine is made
        plain_commit = Connection.commit

        def timed_commit(conn: Connection) -> None:
            w0 = time.perf_counter()
            plain_commit(conn)
            if threading.current_thread() is threading.main_thread():
                self.commit.append(time.perf_counter() - w0)

        Connection.commit = timed_commit  # type: ignore[method-assign,assignment]

    def show(self, wall: list[float], in_phase: list[str]) -> None:
        for name, xs in (("waiting for the lock (BEGIN)", self.begin), ("COMMIT", self.commit)):
            s = sorted(xs)
            if s:
                print(
                    f"  {name}: p50 {statistics.median(s) * 1000:.1f} ms  p99"
                    f" {s[int(len(s) * 0.99)] * 1000:.1f} ms  max {s[-1] * 1000:.1f} ms"
                )
        slow = [i for i, w in enumerate(wall) if w > 0.2]
        for i in slow[:10]:
            b = self.begin[i] if i < len(self.begin) else float("nan")
            c = self.commit[i] if i < len(self.commit) else float("nan")
            print(
                f"  slow sale {i} ({in_phase[i]}): {wall[i] * 1000:.0f} ms,"
                f" BEGIN {b * 1000:.0f} ms, COMMIT {c * 1000:.0f} ms"
            )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=1_000_000)
    ap.add_argument("--entries", type=int, default=1_000_000)
    ap.add_argument("--every", type=float, default=0.05, help="seconds between two sales")
    ap.add_argument("--plain", action="store_true", help="member rows in the clear (before h0023)")
    ap.add_argument("--tier-every", type=int, default=100, help="one member in N has new tickets")
    args = ap.parse_args()
    t0 = time.perf_counter()
    path, cards = cached_store(args.members, args.entries, Path(tempfile.mkdtemp(prefix="fd-")))
    print(
        f"store: {args.members:,} members, {args.entries:,} entries ({time.perf_counter() - t0:.0f} s)"
    )
    program = replace(
        load_program(), pin_policy=PinPolicy.ABOVE_AMOUNT, pin_above_amount=Fen(10**12)
    )
    waits = SaleWaits()
    waits.install()
    engine = open_database(path)
    ctx = TillContext(SqlUnitOfWorkFactory(engine), FixedClock(NOW), program)
    staff_admin.add_staff(
        ctx, actor="9001", staff_no="1001", name="收银", role="cashier", pin="1001"
    )
    shifts.open_shift(ctx, cashier="1001", opening_float=Fen(0))
    sync_engine = open_database(path)
    held = longest_transaction(sync_engine)
    store = SqliteSyncStore(sync_engine, program)
    t0 = time.perf_counter()
    snapshot, tiers = (
        balances(args.members, args.entries),
        tier_events(args.members, args.tier_every),
    )
    print(f"pull built in memory: {len(snapshot.totals):,} totals, {len(tiers.events):,} tickets"
          f" ({time.perf_counter() - t0:.0f} s)")  # fmt: skip
    # Built (and sealed, as head office holds them) before the clock starts: not the till's work.
    pages = list(member_pages(args.members, not args.plain))
    # The bench holds all 1M sealed pages at once (the product pulls 5,000 at a time): moved out
    # of the collector's reach, so its full passes measure the till's objects, not the bench's.
    gc.collect()
    gc.freeze()
    phases: dict[str, float] = {}
    phase = ["before"]
    done = threading.Event()

    def pull() -> None:
        for name, work in (
            (
                "member",
                lambda: [store.apply("member", page) for page in pages],
            ),
            ("balance", lambda: store.apply_balances(snapshot)),
            ("tier", lambda: store.apply_tiers(tiers, NOW)),
        ):
            w0 = time.perf_counter()
            phase[0] = name
            work()
            phases[name] = time.perf_counter() - w0
        done.set()

    items = [checkout.SaleItem(c) for c in CODES]
    pays = [checkout.Payment("stored_value", Fen(1000)), checkout.Payment("cash", Fen(10_000))]
    rng = random.Random(5)
    wall: list[float] = []
    cpu: list[float] = []
    failures: list[str] = []
    in_phase: list[str] = []
    late: list[float] = []  # how long after its turn each sale began: the queue at the counter
    # A till that has sold before the pull arrives: its statements are compiled, its caches
    # warm. The first sale of a process is not what the pull costs.
    w0 = time.perf_counter()
    checkout.checkout(
        ctx, txn_id=new_id(), cashier="1001", card_no=cards[0], items=items, payments=pays
    )
    print(f"first sale of the process, before the pull: {(time.perf_counter() - w0) * 1000:.0f} ms")
    waits.begin.clear()
    waits.commit.clear()
    pauses = full_collections()
    started = time.perf_counter()
    threading.Thread(target=pull, name="sync", daemon=True).start()
    due = started
    while not done.is_set():
        # Sales come on a fixed schedule, as customers do: one that waited pushes the next ones
        # back, and that wait is counted (a loop that sleeps after each sale would hide it).
        due += args.every
        time.sleep(max(0.0, due - time.perf_counter()))
        card = cards[rng.randrange(len(cards))]
        c0, w0 = time.thread_time(), time.perf_counter()
        late.append(w0 - due)
        try:
            checkout.checkout(
                ctx, txn_id=new_id(), cashier="1001", card_no=card, items=items, payments=pays
            )
        except Exception as exc:  # a failed sale is the figure this benchmark looks for
            failures.append(f"{type(exc).__name__}: {exc}")
        cpu.append(time.thread_time() - c0)
        wall.append(time.perf_counter() - w0)
        in_phase.append(phase[0])
    total = time.perf_counter() - started
    w = sorted(wall)
    print(
        f"pull applied in {total:.0f} s ("
        + ", ".join(f"{k} {v:.0f} s" for k, v in phases.items())
        + f"), {len(held):,} write transactions, longest {max(held) * 1000:.0f} ms,"
        f" p99 {sorted(held)[int(len(held) * 0.99)] * 1000:.0f} ms"
    )
    print(
        f"{len(w):,} sales during the pull: wall p50 {statistics.median(w) * 1000:.1f} ms"
        f"  p99 {w[int(len(w) * 0.99)] * 1000:.1f} ms  max {w[-1] * 1000:.1f} ms;"
        f" CPU p50 {statistics.median(cpu) * 1000:.1f} ms;"
        f" over 200 ms: {sum(x > 0.2 for x in w)}; failed: {len(failures)}"
    )
    lag = sorted(late)
    print(
        f"  a sale's start after its turn: p50 {statistics.median(lag) * 1000:.1f} ms"
        f"  p99 {lag[int(len(lag) * 0.99)] * 1000:.1f} ms  max {lag[-1] * 1000:.1f} ms;"
        f" a customer's whole wait (start delay + sale) max"
        f" {max(a + b for a, b in zip(late, wall, strict=True)) * 1000:.1f} ms"
        f" (in the {in_phase[late.index(lag[-1])]} phase)"
    )
    for f in failures[:5]:
        print("  ", f)
    gc.callbacks.clear()
    if pauses:
        print(f"  full garbage collections during the pull: {len(pauses)},"
              f" longest {max(pauses) * 1000:.0f} ms")  # fmt: skip
    waits.show(wall, in_phase)


if __name__ == "__main__":
    main()
