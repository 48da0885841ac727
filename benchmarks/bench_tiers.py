"""A loyal member's tier: tier_status and a real checkout with 0, 1,000 and 5,000 past tickets.

Run from the repository root: .venv/bin/python -m benchmarks.bench_tiers [--runs 30]
Each history size gets its own small store; the member's past tickets are written with bulk SQL
(one a day going back, a refund now and then), then real checkouts are measured through the
services. CPU time (process_time) and wall time, p50 and mean. It asserts nothing about time.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from tests.builders import PROGRAM, FixedClock, at
from tests.integration.core_fixtures import RICE, WATER, make_till

from frontdesk.domain.money import Fen
from frontdesk.domain.tiers import TierEvent, tier_status
from frontdesk.services import checkout, membership
from frontdesk.services.context import TillContext, new_id

NOW = at(2026, 11, 20)
SIZES = (0, 1_000, 5_000)


def history(n: int, seed: int = 11) -> list[TierEvent]:
    """A member who shops about daily: ￥20–￥120 a ticket, one in 25 refunded in full."""
    rng = random.Random(seed)
    events: list[TierEvent] = []
    for i in range(n):
        when = NOW - timedelta(hours=20 * (n - i), minutes=rng.randrange(60))
        spend = rng.randrange(2_000, 12_000)
        tid = f"past{i:05d}"
        events.append(TierEvent(when, tid, Fen(spend), spend // 100))
        if i % 25 == 7:
            events.append(
                TierEvent(
                    when + timedelta(hours=1), f"back{i:05d}", Fen(-spend), -(spend // 100), tid
                )
            )
    return events


def add_history(path: Path, member_id: str, n: int) -> None:
    """`n` past tickets of one member, written with bulk SQL, and the tier they give stored."""
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("BEGIN")
    raw.executemany(
        "INSERT INTO ticket (ticket_id, receipt_no, till_id, kind, member_id, created_at, cashier,"
        " refund_of, gross, discount_tier, discount_birthday, redemption, redeemed_points, total,"
        " points_earned, points_multiplier, birthday_benefit, offline)"
        " VALUES (?,?,'001-01',?,?,?,'1001',?,?,0,0,0,0,?,?,1,0,0)",
        [
            (
                f"{member_id}-{e.ticket_id}",
                f"H{member_id}-{e.ticket_id}",
                "sale" if e.refund_of is None else "refund",
                member_id,
                e.at.isoformat(),
                None if e.refund_of is None else f"{member_id}-{e.refund_of}",
                e.spend.value,
                e.spend.value,
                e.points,
            )
            for e in history(n)
        ],
    )
    raw.execute("COMMIT")
    raw.execute("ANALYZE")
    raw.close()


def _store(folder: Path, n: int) -> tuple[TillContext, str]:
    till = make_till(folder / f"tiers-{n}.db", FixedClock(NOW))
    ctx = till.ctx
    reg = till.member()
    add_history(till.path, reg.member.member_id, n)
    store_tier(ctx, reg.member.member_id)
    return ctx, reg.card_no


def store_tier(ctx: TillContext, member_id: str) -> None:
    """The account holds what the rules say, as after a real ticket."""
    with ctx.uow() as uow:
        status = tier_status(uow.tickets.tier_events(member_id), NOW, ctx.program)
        uow.accounts.set_tier(member_id, status.code, status.since, status.held_until)
        uow.commit()


def _timed(fn: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    cpu, wall = [], []
    for _ in range(runs):
        c0, w0 = time.process_time(), time.perf_counter()
        fn()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return cpu, wall


def _ms(samples: list[float]) -> str:
    return (
        f"p50 {statistics.median(samples) * 1000:8.2f} ms"
        f"  mean {statistics.fmean(samples) * 1000:8.2f} ms"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    args = ap.parse_args()
    program = PROGRAM
    folder = Path(tempfile.mkdtemp(prefix="frontdesk-bench-tiers-"))
    items = [checkout.SaleItem(WATER), checkout.SaleItem(RICE, 2)]
    pays = [checkout.Payment("cash", Fen(20_000))]
    stores = {}
    for n in args.sizes:
        events = history(n)

        def replay(ev: list[TierEvent] = events) -> None:
            tier_status(ev, NOW, program)

        cpu, _ = _timed(replay, args.runs)
        print(f"tier_status, {n:>5} past tickets ({len(events)} events): CPU {_ms(cpu)}")
        stores[n] = _store(folder, n)
        membership.lookup_card(stores[n][0], stores[n][1], "1001")  # warm the caches once
    # Sales go round the stores one at a time, so the machine's noise falls on every size alike.
    cpu_of: dict[int, list[float]] = {n: [] for n in stores}
    wall_of: dict[int, list[float]] = {n: [] for n in stores}
    for _ in range(args.runs):
        for n, (ctx, card) in stores.items():

            def sale(ctx: TillContext = ctx, card: str = card) -> None:
                checkout.checkout(
                    ctx, txn_id=new_id(), cashier="1001", card_no=card, items=items, payments=pays
                )

            cpu, wall = _timed(sale, 1)
            cpu_of[n] += cpu
            wall_of[n] += wall
    base = statistics.median(cpu_of[args.sizes[0]])
    for n in stores:
        print(
            f"checkout,    {n:>5} past tickets: CPU {_ms(cpu_of[n])}   wall {_ms(wall_of[n])}"
            f"   CPU p50 vs {args.sizes[0]} tickets {statistics.median(cpu_of[n]) / base:5.2f}×"
        )


if __name__ == "__main__":
    main()
