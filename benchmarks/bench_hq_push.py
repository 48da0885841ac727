"""A full till-day pushed to head office, against a plain COPY of the same rows (the floor).

Run from the repository root, with a head-office server up (scripts/hq-postgres start):
    FRONTDESK_HQ_TEST_URL=postgresql://… .venv/bin/python -m benchmarks.bench_hq_push
        [--runs 3] [--registered 10000] [--concurrent 16]
A till-day as the domain seals it: 5,400 ledger entries, 2,300 tickets with three lines and one
or two tenders each, 2,300 audit rows, every chain linked and hashed as a till links them. Each
till pushes through PostgresHeadOffice as its own login (COPY into the staging tables, then head
office's checking functions), in the sync's batches of 5,000. The floor: the same rows COPYed
straight into the same tables by the administrator, triggers and indexes included. Then the
same with `--registered` idle tills on the books, and `--concurrent` tills of different stores
pushing at once against one of them alone. It prints p50 and mean and asserts nothing.
"""

from __future__ import annotations

import argparse
import collections
import multiprocessing as mp
import os
import statistics
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any

import psycopg
from sqlalchemy import text
from sqlalchemy.engine import make_url

from frontdesk.domain.ledger import GENESIS_HASH, Bucket, EntryDraft, EntryKind, seal
from frontdesk.domain.record_chain import GENESIS, audit_hash, ticket_hash
from frontdesk.services.sync_port import RowBatch
from frontdesk.sync.chain import values_of
from frontdesk.sync.hq_engine import make_hq_engine
from frontdesk.sync.hq_setup import init_head_office
from frontdesk.sync.postgres_head_office import LEDGER_COLUMNS, PostgresHeadOffice

try:
    from frontdesk.sync.hq_migrations.versions.h0016_manual_prices import STAGES
except ImportError:  # a frontdesk from before the lines' 改价 columns (a "before" figure)
    from frontdesk.sync.hq_migrations.versions.h0013_card_return import STAGES

ENTRIES, TICKETS, BATCH = 5_400, 2_300, 5_000
DAY = "2026-11-20"
_COLUMNS = {name: columns.split(", ") for name, (_, columns) in STAGES.items()}


@dataclass
class TillDay:
    till_id: str
    ledger: list[Any]
    tickets: list[dict[str, Any]]  # {"ticket": row, "lines": [...], "tenders": [...]}
    audit: list[dict[str, Any]]


def till_day(till_id: str) -> TillDay:
    """One till's day of business, sealed into its three chains."""
    tickets: list[dict[str, Any]] = []
    prev = GENESIS
    for i in range(1, TICKETS + 1):
        at = f"{DAY}T{8 + i * 12 // TICKETS:02d}:{i % 60:02d}:00+08:00"
        member = f"m{(i * 7919) % 100_000}" if i % 5 else None
        ticket: dict[str, Any] = {
            "ticket_id": str(uuid.uuid4()), "till_rowid": i, "receipt_no": f"{till_id}-{i:06d}",
            "shift_id": "s1", "kind": "sale", "member_id": member, "card_no": None,
            "created_at": at, "cashier": "1001", "approver": None, "refund_of": None,
            "gross": 3000, "discount_tier": 60 if member else 0, "discount_birthday": 0,
            "redemption": 0, "redeemed_points": 0, "total": 2940 if member else 3000,
            "points_earned": 29 if member else 0, "points_multiplier": 1,
            "birthday_benefit": False, "tier": "silver" if member else None,
            "upgraded_to": None, "offline": False, "note": None,
        }  # fmt: skip
        lines = [
            {
                "ticket_id": ticket["ticket_id"],
                "line_no": n,
                "barcode": f"690000000{n:04d}",
                "name": "商品",
                "unit_price": 1000,
                "quantity": 1,
                "gross": 1000,
                "member_discount": 20 if member else 0,
                "redemption": 0,
                "net": 980 if member else 1000,
                "refund_of_line": None,
                "list_price": None,
                "line_discount": None,
                "ticket_discount": None,
            }
            for n in (1, 2, 3)
        ]
        paid = [("stored_value", 2000), ("cash", ticket["total"] - 2000)] if member else []
        tenders = [
            {
                "ticket_id": ticket["ticket_id"],
                "idx": n,
                "kind": kind,
                "amount": amount,
                "change": 0,
                "reference": None,
            }
            for n, (kind, amount) in enumerate(paid or [("cash", 3000)])
        ]
        ticket["seq"], ticket["prev_hash"] = i, prev
        ticket["hash"] = prev = ticket_hash(till_id, i, ticket, lines, tenders, prev)
        tickets.append({"ticket": ticket, "lines": lines, "tenders": tenders})
    ledger, link = [], GENESIS_HASH
    for seq in range(1, ENTRIES + 1):
        t: dict[str, Any] = tickets[(seq * 3) % TICKETS]["ticket"]
        options: list[tuple[EntryKind, Bucket, int]] = [
            (EntryKind.SPEND, Bucket.PRINCIPAL, -1500),
            (EntryKind.SPEND, Bucket.BONUS, -500),
            (EntryKind.EARN, Bucket.POINTS, 29),
        ]
        kind, bucket, amount = options[seq % 3]
        draft = EntryDraft(
            str(uuid.uuid4()), t["ticket_id"], kind, t["member_id"] or "m1", bucket, amount,
            "1001", ticket_id=t["ticket_id"],
            lot_year=2026 if bucket is Bucket.POINTS else None,
        )  # fmt: skip
        e = seal(draft, till_id=till_id, seq=seq, created_at=t["created_at"], prev_hash=link)
        link = e.hash
        ledger.append(e)
    audit, prev = [], GENESIS
    for seq in range(1, TICKETS + 1):
        row: dict[str, Any] = {
            "seq": seq, "audit_id": str(uuid.uuid4()), "at": f"{DAY}T12:00:00+08:00",
            "actor": "1001", "approver": None, "action": "sale", "subject": f"R{seq}",
            "amount": 2940, "outcome": "ok", "detail": "",
        }  # fmt: skip
        row["prev_hash"] = prev
        row["hash"] = prev = audit_hash(till_id, seq, row, prev)
        audit.append(row)
    return TillDay(till_id, ledger, tickets, audit)


def _backend_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a server process on this machine, from /proc."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def push(url: str, day: TillDay) -> float:
    """The till's push as sync_now makes it, in its batches; seconds."""
    return push_costs(url, day)[0]


def push_costs(url: str, day: TillDay) -> tuple[float, float, float]:
    """The push's wall seconds, the till's CPU and its head-office backend's CPU."""
    engine = make_hq_engine(url)
    hq = PostgresHeadOffice(engine)
    try:
        # The engine's pool holds one connection, so the push runs on this backend.
        with engine.connect() as conn:
            pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
        server0, client0 = _backend_cpu(pid), time.process_time()
        started = time.perf_counter()
        for i in range(0, len(day.ledger), BATCH):
            hq.push_ledger(day.till_id, day.ledger[i : i + BATCH])
        for i in range(0, len(day.tickets), BATCH):
            rows = day.tickets[i : i + BATCH]
            hq.push_rows(day.till_id, "ticket", RowBatch(rows, rows[-1]["ticket"]["till_rowid"]))
        for i in range(0, len(day.audit), BATCH):
            rows = day.audit[i : i + BATCH]
            hq.push_rows(day.till_id, "audit", RowBatch(rows, rows[-1]["seq"]))
        wall = time.perf_counter() - started
        return wall, time.process_time() - client0, _backend_cpu(pid) - server0
    finally:
        engine.dispose()


def plain_copy(raw_url: str, day: TillDay) -> float:
    """The floor: the same rows COPYed into the same tables, one transaction."""
    me = day.till_id
    tables = [
        ("ledger_entry", list(LEDGER_COLUMNS), [values_of(e) for e in day.ledger]),
        ("ticket", ["till_id", *_COLUMNS["ticket"]],
         [(me, *(r["ticket"][c] for c in _COLUMNS["ticket"])) for r in day.tickets]),
        ("ticket_line", ["till_id", *_COLUMNS["line"]],
         [(me, *(x[c] for c in _COLUMNS["line"])) for r in day.tickets for x in r["lines"]]),
        ("tender", ["till_id", *_COLUMNS["tender"]],
         [(me, *(x[c] for c in _COLUMNS["tender"])) for r in day.tickets for x in r["tenders"]]),
        ("audit_log", ["till_id", *_COLUMNS["audit"]],
         [(me, *(r[c] for c in _COLUMNS["audit"])) for r in day.audit]),
    ]  # fmt: skip
    with psycopg.connect(raw_url) as pg:
        started = time.perf_counter()
        with pg.cursor() as cur:
            for table, columns, rows in tables:
                with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as cp:
                    for row in rows:
                        cp.write_row(row)
        pg.commit()
        return time.perf_counter() - started


def _child(url: str, till_id: str, start: Any, out: Any) -> None:
    day = till_day(till_id)
    start.wait()
    out.put(push(url, day))


def _copy_child(raw_url: str, till_id: str, start: Any, out: Any) -> None:
    day = till_day(till_id)
    start.wait()
    out.put(plain_copy(raw_url, day))


class WaitSampler:
    """What the database's busy backends wait on, sampled every 20 ms while pushes run: where
    16 pushes' time goes when it is not CPU (a lock, the WAL, I/O)."""

    def __init__(self, raw_url: str) -> None:
        self.url = raw_url
        self.seen: collections.Counter[str] = collections.Counter()
        self.doing: collections.Counter[str] = collections.Counter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        with psycopg.connect(self.url, autocommit=True) as conn:
            while not self._stop.wait(0.02):
                for kind, event, query in conn.execute(
                    "SELECT coalesce(wait_event_type, 'CPU'), coalesce(wait_event, '-'),"
                    " left(regexp_replace(query, '\\s+', ' ', 'g'), 60)"
                    " FROM pg_stat_activity WHERE datname = current_database()"
                    " AND state = 'active' AND pid <> pg_backend_pid()"
                ):
                    self.seen[f"{kind}:{event}"] += 1
                    self.doing[str(query)] += 1

    def __enter__(self) -> WaitSampler:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def show(self) -> None:
        total = sum(self.seen.values()) or 1
        top = ", ".join(f"{k} {n * 100 // total} %" for k, n in self.seen.most_common(6))
        print(f"  busy head-office backends, sampled every 20 ms: {top}")
        for query, n in self.doing.most_common(4):
            print(f"    {n * 100 // total:3d} % in: {query}")


def _at_once(target: Any, urls: list[str], tills: list[str]) -> tuple[float, list[float]]:
    """Every till's work started together in its own process: (wall of all, each one's)."""
    ctx = mp.get_context("spawn")
    start, out = ctx.Barrier(len(tills) + 1), ctx.Queue()
    children = [
        ctx.Process(target=target, args=(url, till, start, out))
        for url, till in zip(urls, tills, strict=True)
    ]
    for c in children:
        c.start()
    start.wait()
    began = time.perf_counter()
    each = [out.get() for _ in children]
    together = time.perf_counter() - began
    for c in children:
        c.join()
    return together, each


def _tills(admin: Any, first: int, count: int) -> list[tuple[str, str]]:
    """Stores first… with one till each and its login: (till id, login URL)."""
    made = []
    for n in range(first, first + count):
        store = f"{n:05d}"
        creds = init_head_office(admin, store_no=store, till_id=f"{store}-01", store_name="基准")
        made.append((f"{store}-01", creds.url().render_as_string(hide_password=False)))
    return made


def _line(label: str, runs: list[float], floor: list[float]) -> None:
    p50, f50 = statistics.median(runs), statistics.median(floor)
    print(
        f"{label}: push p50 {p50:.2f} s mean {statistics.mean(runs):.2f} s | COPY p50 {f50:.2f} s"
        f" mean {statistics.mean(floor):.2f} s | COPY/push {100 * f50 / p50:.0f} % (p50)"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--registered", type=int, default=10_000)
    ap.add_argument("--concurrent", type=int, default=16)
    args = ap.parse_args()
    server_url = os.environ["FRONTDESK_HQ_TEST_URL"]
    name = f"fdbench_{uuid.uuid4().hex[:8]}"
    server = make_hq_engine(server_url)
    with server.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    db_url = make_url(server_url).set(database=name)
    raw = db_url.render_as_string(hide_password=False)
    admin = make_hq_engine(db_url)
    try:
        tills = _tills(admin, 1, 2 * args.runs)
        print(f"load at start: {os.getloadavg()[0]:.2f} (1 min)")
        print(f"a till-day: {ENTRIES:,} ledger entries, {TICKETS:,} tickets (3 lines, 1-2 tenders),"
              f" {TICKETS:,} audit rows; batches of {BATCH:,}")  # fmt: skip
        pushed, copied = [], []
        for run in range(args.runs):
            (mine, url), (other, _) = tills[2 * run], tills[2 * run + 1]
            pushed.append(push(url, till_day(mine)))
            copied.append(plain_copy(raw, till_day(other)))
        _line("1 till registered per run", pushed, copied)
        idle = {"a": 50_000, "b": 50_000 + args.registered - 1}
        with admin.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO store (store_no, name) SELECT lpad(i::text, 5, '0'), '闲置'"
                    " FROM generate_series(:a, :b) i"
                ),
                idle,
            )
            conn.execute(
                text("INSERT INTO till (till_id, store_no, role_name)"
                     " SELECT lpad(i::text, 5, '0') || '-01', lpad(i::text, 5, '0'), 'idle_' || i"
                     " FROM generate_series(:a, :b) i"),
                idle,
            )  # fmt: skip
            conn.execute(text("ANALYZE"))
        tills = _tills(admin, 100, 2 * args.runs + args.concurrent + 1)
        pushed, copied = [], []
        for run in range(args.runs):
            (mine, url), (other, _) = tills[2 * run], tills[2 * run + 1]
            pushed.append(push(url, till_day(mine)))
            copied.append(plain_copy(raw, till_day(other)))
        _line(f"{args.registered:,} more tills registered", pushed, copied)
        alone_id, alone_url = tills[2 * args.runs]
        alone, client_cpu, server_cpu = push_costs(alone_url, till_day(alone_id))
        crowd = tills[2 * args.runs + 1 :]
        with WaitSampler(raw) as waits:
            together, each = _at_once(_child, [u for _, u in crowd], [t for t, _ in crowd])
        cores = os.cpu_count() or 1
        # What the machine allows: n pushes need n times one push's CPU, spread over the cores.
        bound = max(1.0, args.concurrent * (client_cpu + server_cpu) / cores / alone)
        print(
            f"{args.concurrent} tills pushing at once: all done in {together:.2f} s vs one alone"
            f" {alone:.2f} s = {together / alone:.1f}x (target < 4x); each p50"
            f" {statistics.median(each):.2f} s, mean {statistics.mean(each):.2f} s"
        )
        print(
            f"  one push's CPU: till {client_cpu:.2f} s + head office {server_cpu:.2f} s;"
            f" on {cores} cores {args.concurrent} of them cannot take under {bound:.1f}x one"
        )
        waits.show()
        floor_ids = [f"{n:05d}-01" for n in range(90_000, 90_000 + args.concurrent + 1)]
        with admin.begin() as conn:
            for till in floor_ids:
                store = till[:5]
                conn.execute(
                    text("INSERT INTO store (store_no, name) VALUES (:s, '基准')"), {"s": store}
                )
                conn.execute(text("INSERT INTO till (till_id, store_no, role_name)"
                                  " VALUES (:t, :s, :r)"),
                             {"t": till, "s": store, "r": f"floor_{store}"})  # fmt: skip
        copy_alone = plain_copy(raw, till_day(floor_ids[0]))
        copies, _ = _at_once(_copy_child, [raw] * args.concurrent, floor_ids[1:])
        print(
            f"  the floor: {args.concurrent} plain COPYs at once {copies:.2f} s vs one alone"
            f" {copy_alone:.2f} s = {copies / copy_alone:.1f}x"
        )
        print(f"load at end: {os.getloadavg()[0]:.2f} (1 min)")
    finally:
        admin.dispose()
        with server.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            roles = conn.execute(
                text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"
                     " ORDER BY length(rolname) DESC"),
                {"p": f"{name}\\_%"},
            ).scalars().all()  # fmt: skip
            for role in roles:
                conn.exec_driver_sql(f'DROP ROLE "{role}"')
        server.dispose()


if __name__ == "__main__":
    main()
