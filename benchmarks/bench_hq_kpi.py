"""`hq kpi` on a large chain: time and the client's peak memory, the rows staying in PostgreSQL.

Run from the repository root, with a head-office server up (scripts/hq-postgres start):
    FRONTDESK_HQ_TEST_URL=postgresql://… .venv/bin/python -m benchmarks.bench_hq_kpi
        [--members 1000000] [--tickets 5000000]
It creates a throw-away database, migrates it, fills members, tickets (sales over 400 days, a
refund now and then, a guest in five) and every member's balances in SQL (generate_series, no
row passes through Python), times chain_kpis and prints the client's peak resident memory, then
drops the database. It asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import time
import uuid
from datetime import date

from sqlalchemy import text
from sqlalchemy.engine import make_url

from frontdesk.sync.hq_engine import make_hq_engine, migrate_hq
from frontdesk.sync.hq_kpi import chain_kpis, kpi_text

TODAY = date(2026, 11, 20)

_FILL = [
    "INSERT INTO store (store_no, name) VALUES ('001', '基准')",
    "INSERT INTO till (till_id, store_no, role_name) VALUES ('001-01', '001', 'bench_till')",
    """INSERT INTO member (member_id, phone, name, store, recruiter, created_at,
                           consent_terms_at, change_seq)
       SELECT 'm' || i, '1' || (3000000000 + i), '会员' || i, '001', '9001',
              to_char(date '2026-11-20' - (i % 900), 'YYYY-MM-DD') || 'T10:00:00+08:00',
              '2025-01-01T10:00:00+08:00', i
         FROM generate_series(1, :members) i""",
    """INSERT INTO ticket (ticket_id, till_id, till_rowid, receipt_no, kind, member_id,
                           created_at, cashier, refund_of, gross, discount_tier,
                           discount_birthday, redemption, redeemed_points, total, points_earned,
                           points_multiplier, birthday_benefit, offline)
       SELECT 't' || i, '001-01', i, 'R' || i,
              CASE WHEN i % 40 = 0 THEN 'refund' ELSE 'sale' END,
              CASE WHEN i % 5 = 0 THEN NULL ELSE 'm' || (1 + (i::bigint * 7919) % :members) END,
              to_char(date '2026-11-20' - (i % 400), 'YYYY-MM-DD') || 'T12:00:00+08:00',
              '1001', NULL, 5000, 0, 0, 0, 0,
              CASE WHEN i % 40 = 0 THEN -(1000 + i % 9000) ELSE 1000 + i % 9000 END,
              10, 1, false, false
         FROM generate_series(1, :tickets) i""",
    """INSERT INTO member_balance (member_id, bucket, lot_year, amount, arrival)
       SELECT 'm' || i, b, 0, 1000 + i % 500, i
         FROM generate_series(1, :members) i, unnest(ARRAY['principal', 'bonus', 'points']) b""",
    "ANALYZE",
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=1_000_000)
    ap.add_argument("--tickets", type=int, default=5_000_000)
    args = ap.parse_args()
    server_url = os.environ["FRONTDESK_HQ_TEST_URL"]
    name = f"fdbench_{uuid.uuid4().hex[:8]}"
    server = make_hq_engine(server_url)
    with server.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin = make_hq_engine(make_url(server_url).set(database=name))
    try:
        migrate_hq(admin)
        t0 = time.perf_counter()
        with admin.begin() as conn:
            for statement in _FILL:
                conn.execute(text(statement), {"members": args.members, "tickets": args.tickets})
        print(
            f"head office: {args.members:,} members, {args.tickets:,} tickets,"
            f" {3 * args.members:,} balance rows; filled in {time.perf_counter() - t0:.0f} s"
        )
        before_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        for _ in range(2):  # the second run with the server's cache warm
            c0, w0 = time.process_time(), time.perf_counter()
            k = chain_kpis(admin, TODAY)
            wall, cpu = time.perf_counter() - w0, time.process_time() - c0
            print(f"hq kpi: {wall:.2f} s wall, {cpu:.3f} s client CPU")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"client peak RSS {peak / 1024:.0f} MiB ({before_kib / 1024:.0f} MiB before)")
        print(kpi_text(k))
    finally:
        admin.dispose()
        with server.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
        server.dispose()


if __name__ == "__main__":
    main()
