"""`hq kpi` and `hq report` on a large chain: time and the client's peak memory.

Run from the repository root, with a head-office server up (scripts/hq-postgres start):
    FRONTDESK_HQ_TEST_URL=postgresql://… .venv/bin/python -m benchmarks.bench_hq_kpi
        [--members 1000000] [--tickets 10000000] [--old]
It creates a throw-away database, migrates it, fills members, tickets (sales over 400 days, a
refund now and then, a guest in five; inserted a million at a time, so the summaries are kept
by their arrival and folded after each as a push keeps them), each member's top-up and a stored-value spend in the
ledger, in SQL (generate_series, no row passes through Python). It times chain_kpis (the
window's first move from the fill's day to TODAY, then warm), build_report (its first fold of
every member's liability, warm, and after a till-day arrived), and with --old the
statement `hq kpi` ran over every ticket before the summaries (the figure they replaced), and
prints the client's peak resident memory. Then it drops the database. It asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time
import uuid
from datetime import date, timedelta

from sqlalchemy import text
from sqlalchemy.engine import make_url

from frontdesk.sync.hq_engine import make_hq_engine, migrate_hq
from frontdesk.sync.hq_kpi import chain_kpis, kpi_text
from frontdesk.sync.hq_report import build_report

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
    "ALTER TABLE ledger_entry DISABLE TRIGGER USER",  # the hash chain is not what is timed
    """INSERT INTO ledger_entry (till_id, seq, entry_uuid, txn_uuid, created_at, kind, member_id,
                                 bucket, amount, actor, ticket_id, offline, prev_hash, hash)
       SELECT '001-01', i, 'e' || i, 'x' || i,
              to_char(date '2026-11-20' - (i % 400), 'YYYY-MM-DD') || 'T09:00:00+08:00',
              CASE WHEN i % 2 = 0 THEN 'topup' ELSE 'spend' END,
              'm' || (1 + (i / 2) % :members), 'principal',
              CASE WHEN i % 2 = 0 THEN 10000 ELSE -(1000 + i % 5000) END,
              '1001', NULL, false, '', ''
         FROM generate_series(1, :entries) i""",
    "ALTER TABLE ledger_entry ENABLE TRIGGER USER",
]
# A till-day arriving after the report: 5,400 principal moves of 2,700 members, today.
_DAY_AFTER = [
    "ALTER TABLE ledger_entry DISABLE TRIGGER USER",
    """INSERT INTO ledger_entry (till_id, seq, entry_uuid, txn_uuid, created_at, kind, member_id,
                                 bucket, amount, actor, ticket_id, offline, prev_hash, hash)
       SELECT '001-01', :entries + i, 'e' || (:entries + i), 'x' || (:entries + i),
              '2026-11-20T15:00:00+08:00', CASE WHEN i % 2 = 0 THEN 'topup' ELSE 'spend' END,
              'm' || (1 + ((i / 2)::bigint * 7919) % :members), 'principal',
              CASE WHEN i % 2 = 0 THEN 5000 ELSE -(500 + i % 3000) END,
              '1001', NULL, false, '', ''
         FROM generate_series(1, 5400) i""",
    "ALTER TABLE ledger_entry ENABLE TRIGGER USER",
]
_TICKETS = [
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
         FROM generate_series(:first, :last) i""",
]
_BALANCES = [
    """INSERT INTO member_balance (member_id, bucket, lot_year, amount, arrival)
       SELECT 'm' || i, b, 0, 1000 + i % 500, i
         FROM generate_series(1, :members) i, unnest(ARRAY['principal', 'bonus', 'points']) b""",
    "ANALYZE",
]

# What `hq kpi` ran before head office kept summaries (h0014): one pass over every ticket.
_OLD_KPI = """
WITH known AS (
    SELECT member_id, left(created_at, 10)::date AS reg FROM member
     WHERE left(created_at, 10)::date <= :today
), t AS (
    SELECT member_id, left(created_at, 10)::date AS day, total, kind = 'refund' AS refund
      FROM ticket WHERE kind IN ('sale', 'refund') AND left(created_at, 10)::date <= :today
), buyer AS (
    SELECT member_id,
           max(day) FILTER (WHERE NOT refund) AS last_buy,
           count(*) FILTER (WHERE NOT refund AND day > :period) AS buys,
           bool_or(NOT refund AND day > :before AND day <= :period) AS active_before,
           sum(total) FILTER (WHERE day > :year) AS spend
      FROM t WHERE member_id IS NOT NULL GROUP BY member_id
), member_row AS (
    SELECT k.member_id, k.reg, coalesce(b.spend, 0) AS spend,
           (:today - coalesce(b.last_buy, k.reg)) AS idle
      FROM known k LEFT JOIN buyer b USING (member_id)
), ranked AS (
    SELECT spend, row_number() OVER (ORDER BY spend DESC) AS place FROM member_row
), sums AS (
    SELECT count(*) AS members,
           count(*) FILTER (WHERE reg > :period) AS new_members,
           count(*) FILTER (WHERE idle <= :active_days) AS active,
           count(*) FILTER (WHERE idle > :active_days AND idle <= :cooling_days) AS cooling,
           count(*) FILTER (WHERE idle > :cooling_days AND idle <= :at_risk_days) AS at_risk,
           count(*) FILTER (WHERE idle > :at_risk_days) AS dormant
      FROM member_row
)
SELECT s.*,
       (SELECT count(*) FROM buyer WHERE buys > 0) AS buyers,
       (SELECT count(*) FROM buyer WHERE buys >= 2) AS repeat_buyers,
       (SELECT count(*) FROM buyer WHERE active_before) AS active_before,
       (SELECT count(*) FROM buyer WHERE active_before AND buys > 0) AS retained,
       (SELECT spend FROM ranked WHERE place = (s.members * 20 + 50) / 100) AS top_from,
       (SELECT round(avg(total)) FROM t WHERE NOT refund AND day > :period
           AND member_id IS NOT NULL AND member_id <> '') AS member_avg,
       (SELECT round(avg(total)) FROM t WHERE NOT refund AND day > :period
           AND (member_id IS NULL OR member_id = '')) AS guest_avg
  FROM sums s
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=1_000_000)
    ap.add_argument("--tickets", type=int, default=10_000_000)
    ap.add_argument("--entries", type=int, default=2_000_000, help="principal ledger entries")
    ap.add_argument("--keep", action="store_true", help="keep the database (its name printed)")
    ap.add_argument("--old", action="store_true", help="also time the statement it replaced")
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
        sizes = {"members": args.members, "tickets": args.tickets, "entries": args.entries}
        with admin.begin() as conn:
            # The summaries' window as a head office that last ran `hq kpi` a week ago has it.
            conn.execute(text("UPDATE kpi_window SET ends = :d"), {"d": TODAY - timedelta(7)})
            for statement in _FILL:
                conn.execute(text(statement), sizes)
            folded = conn.execute(text("SELECT to_regclass('arrival_fold')")).scalar()
            if folded is not None:  # the filled ledger stays out of the balances, as before
                conn.execute(
                    text("UPDATE arrival_fold SET upto = (SELECT last_value FROM arrival_seq)")
                )
        step = 1_000_000
        for first in range(1, args.tickets + 1, step):
            with admin.begin() as conn:  # one arrival: its summaries moved by the insert
                last = min(first + step - 1, args.tickets)
                conn.execute(text(_TICKETS[0]), {**sizes, "first": first, "last": last})
            if folded is not None:  # and folded after it, as a push's are (h0021)
                with admin.begin() as conn:
                    conn.execute(text("SELECT fd_fold_arrivals()"))
        with admin.begin() as conn:
            for statement in _BALANCES:
                conn.execute(text(statement), sizes)
        print(
            f"head office: {args.members:,} members, {args.tickets:,} tickets,"
            f" {args.entries:,} ledger entries; filled in {time.perf_counter() - t0:.0f} s"
        )
        print(f"load at measurement: {os.getloadavg()[0]:.2f} (1 min)")
        before_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        walls = []
        for run in ("first (window moved 7 days)", "warm", "warm"):
            c0, w0 = time.perf_counter(), time.process_time()
            k = chain_kpis(admin, TODAY)
            wall, cpu = time.perf_counter() - c0, time.process_time() - w0
            walls.append(wall)
            print(f"hq kpi, {run}: {wall:.2f} s wall, {cpu:.3f} s client CPU")
        print(f"hq kpi p50 {statistics.median(walls):.2f} s, mean {statistics.mean(walls):.2f} s")
        for run in ("first (every member traced)", "warm (nothing arrived)", "a till-day later"):
            if run == "a till-day later":
                with admin.begin() as conn:
                    for statement in _DAY_AFTER:
                        conn.execute(text(statement), sizes)
            c0 = time.perf_counter()
            report = build_report(admin)
            print(
                f"hq report, {run}: {time.perf_counter() - c0:.2f} s wall ({len(report.invoice_days)}"
                f" invoice days, {len(report.liability)} liability days); load {os.getloadavg()[0]:.2f}"
            )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"client peak RSS {peak / 1024:.0f} MiB ({before_kib / 1024:.0f} MiB before)")
        if args.old:
            params = {
                "today": TODAY,
                "period": TODAY - timedelta(30),
                "before": TODAY - timedelta(60),
                "year": TODAY - timedelta(365),
                "active_days": 30,
                "cooling_days": 90,
                "at_risk_days": 180,
            }
            c0 = time.perf_counter()
            with admin.connect() as conn:
                old = conn.execute(text(_OLD_KPI), params).one()
            print(f"old hq kpi statement (every ticket): {time.perf_counter() - c0:.2f} s wall")
            print(f"  members {old.members:,} (new {k.members:,}), top from {old.top_from} fen"
                  f" (new {k.value_bands.top_from.value})")  # fmt: skip
        print(kpi_text(k))
    finally:
        admin.dispose()
        if args.keep:
            print(f"kept database {name}")
        else:
            with server.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
        server.dispose()


if __name__ == "__main__":
    main()
