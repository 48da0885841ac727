"""Online authorisation round trip and checkout with its print job, each against its floor.

Run from the repository root, with a head-office server up (scripts/hq-postgres start):
    FRONTDESK_HQ_TEST_URL=postgresql://… .venv/bin/python -m benchmarks.bench_online_hold \
        [--holds 500] [--members 2000] [--entries 20000] [--runs 300]
1. A hold asked through `PostgresAuthoriser` (its own thread, pooled connection, pre-ping,
   `fd_hold` under the member's lock, committed) against the floor: a one-row INSERT committed
   on a bare psycopg connection to the same loopback server (a hold is a durable write too);
   a bare `SELECT 1` round trip is printed beside it.
2. A stored-value + cash checkout through the real services with the receipt's print job
   written in the sale's transaction, against bench_core's bare-sqlite3 floor doing the same
   writes (without a job) on the same store.
It creates a throw-away database, prints figures, drops it. It asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path

import psycopg
from sqlalchemy import text
from sqlalchemy.engine import make_url
from tests.builders import FixedClock

from benchmarks.bench_core import CODES, NOW, floor_checkout, seed
from frontdesk.config import load_program
from frontdesk.domain.authorisation import HoldAnswer, HoldRequest
from frontdesk.domain.money import Fen
from frontdesk.domain.program import PinPolicy
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.services import checkout, receipt_making, shifts
from frontdesk.services.context import TillContext, new_id
from frontdesk.sync.hq_engine import make_hq_engine
from frontdesk.sync.hq_setup import init_head_office
from frontdesk.sync.postgres_authoriser import PostgresAuthoriser


def holds(server_url: str, n: int) -> None:
    name = f"fdbench_{uuid.uuid4().hex[:8]}"
    server = make_hq_engine(server_url)
    with server.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin = make_hq_engine(make_url(server_url).set(database=name))
    try:
        creds = init_head_office(admin, store_no="001", till_id="001-01", store_name="基准")
        # Head office holds only what it has seen (h0018): each member's balance as the
        # entries' arrival leaves it in member_balance, large enough for every hold here.
        with admin.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO member_balance (member_id, bucket, lot_year, amount, arrival)"
                    " SELECT 'm' || lpad(i::text, 4, '0'), 'principal', 0, 1000000000, 0"
                    " FROM generate_series(0, 49) AS i"
                )
            )
        authoriser = PostgresAuthoriser(creds.url, timeout=3.0)
        wall = []
        for i in range(n + 20):
            member = f"m{i % 50:04d}"  # 50 members: holds pile up, so the sums are not empty
            request = HoldRequest(new_id(), member, Fen(100), 0, Fen(0))
            t0 = time.perf_counter()
            answer = authoriser.hold(request).answer
            if i >= 20:  # the first ones warm the pool and the plans
                wall.append(time.perf_counter() - t0)
            assert answer is HoldAnswer.APPROVED, answer
        authoriser.dispose()
        raw = creds.url().render_as_string(hide_password=False).replace("+psycopg", "")
        with admin.begin() as conn:
            conn.execute(text("CREATE TABLE bench_floor (id bigserial PRIMARY KEY, v text)"))
            conn.execute(text(f'GRANT INSERT ON bench_floor TO "{creds.role}"'))
            conn.execute(text(f'GRANT USAGE ON SEQUENCE bench_floor_id_seq TO "{creds.role}"'))
        trip, floor = [], []
        with psycopg.connect(raw, autocommit=True) as pg:
            for i in range(n + 20):
                t0 = time.perf_counter()
                pg.execute("SELECT 1").fetchone()
                t1 = time.perf_counter()
                pg.execute("INSERT INTO bench_floor (v) VALUES (%s)", (new_id(),))
                if i >= 20:
                    trip.append(t1 - t0)
                    floor.append(time.perf_counter() - t1)
        with admin.connect() as conn:
            held = conn.execute(text("SELECT count(*) FROM balance_hold")).scalar_one()
    finally:
        admin.dispose()
        with server.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            roles = conn.execute(
                text(
                    "SELECT rolname FROM pg_roles WHERE rolname LIKE :p ORDER BY length(rolname) DESC"
                ),
                {"p": f"{name}\\_%"},
            ).scalars()
            for role in list(roles):
                conn.exec_driver_sql(f'DROP ROLE "{role}"')
        server.dispose()
    h50, h99 = _p(wall)
    f50, f99 = _p(floor)
    print(f"holds stored at head office: {held}")
    _line("online hold (fd_hold, loopback)", wall)
    _line("network floor (SELECT 1, bare psycopg)", trip)
    _line("floor (one-row INSERT, committed, bare psycopg)", floor)
    print(f"ratio hold/floor: p50 {h50 / f50:.2f}×  p99 {h99 / f99:.2f}×")


def figures(label: str, wall: list[float], cpu: list[float]) -> tuple[float, float]:
    """Prints CPU and wall p50 (and wall p99); returns (CPU p50, wall p50) in ms."""
    c50, w50 = statistics.median(cpu) * 1000, statistics.median(wall) * 1000
    print(f"{label}: CPU p50 {c50:.3f} ms  wall p50 {w50:.3f} ms  p99 {_p(wall)[1]:.3f} ms")
    return c50, w50


def _p(times: list[float]) -> tuple[float, float]:
    s = sorted(times)
    return s[len(s) // 2] * 1000, s[min(len(s) - 1, int(len(s) * 0.99))] * 1000


def _line(label: str, times: list[float]) -> None:
    p50, p99 = _p(times)
    print(f"{label}: p50 {p50:.3f} ms  p99 {p99:.3f} ms  ({len(times)} runs)")


def checkout_with_job(members: int, entries: int, runs: int) -> None:
    path = Path(tempfile.mkdtemp(prefix="frontdesk-bench-")) / "store.db"
    cards = seed(path, members, entries)
    engine = open_database(path)
    program = replace(
        load_program(), pin_policy=PinPolicy.ABOVE_AMOUNT, pin_above_amount=Fen(10**12)
    )
    ctx = TillContext(SqlUnitOfWorkFactory(engine), FixedClock(NOW), program)
    shifts.open_shift(ctx, cashier="9001", opening_float=Fen(0))
    items = [checkout.SaleItem(c) for c in CODES]
    pays = [checkout.Payment("stored_value", Fen(1000)), checkout.Payment("cash", Fen(10_000))]
    wall, cpu = [], []
    for i in range(runs + 20):
        c0, w0 = time.thread_time(), time.perf_counter()
        checkout.checkout(
            ctx,
            txn_id=new_id(),
            cashier="9001",
            card_no=cards[i % len(cards)],
            items=items,
            payments=pays,
            receipt=receipt_making.sale_in,
        )
        if i >= 20:
            cpu.append(time.thread_time() - c0)
            wall.append(time.perf_counter() - w0)
    with engine.connect() as conn:
        jobs = conn.exec_driver_sql("SELECT count(*) FROM print_job").scalar_one()
    engine.dispose()
    c50, w50 = figures("checkout + print job in its transaction", wall, cpu)
    member_ids = [f"m{i % members:08d}" for i in range(runs)]
    floor_wall = floor_checkout(path, member_ids, runs)
    floor_cpu = floor_checkout(path, member_ids, runs, clock=time.thread_time)
    f50, fw50 = figures("floor (same writes, bare sqlite3, no job)", floor_wall, floor_cpu)
    print(f"print jobs written: {jobs} for {runs + 20} sales")
    print(f"ratio checkout+job/floor: CPU p50 {c50 / f50:.2f}×  wall p50 {w50 / fw50:.2f}×")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--holds", type=int, default=500)
    ap.add_argument("--members", type=int, default=2000)
    ap.add_argument("--entries", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=300)
    args = ap.parse_args()
    holds(os.environ["FRONTDESK_HQ_TEST_URL"], args.holds)
    checkout_with_job(args.members, args.entries, args.runs)


if __name__ == "__main__":
    main()
