"""Pushing a till's ledger to head office, against a bare psycopg COPY of the same rows (the floor).

Run from the repository root, with a head-office server up (scripts/hq-postgres start):
    FRONTDESK_HQ_TEST_URL=postgresql://… .venv/bin/python -m benchmarks.bench_sync [--entries 100000]
It creates a throw-away database, prints figures, and drops the database. It asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import tempfile
import time
import uuid
from pathlib import Path

import psycopg
from sqlalchemy import text
from sqlalchemy.engine import make_url

from frontdesk.config import SystemClock, load_program
from frontdesk.domain.ledger import GENESIS_HASH, Bucket, EntryDraft, EntryKind, LedgerEntry, seal
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.sync_store import SqliteSyncStore
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.services import staff
from frontdesk.services.context import TillContext
from frontdesk.services.sync_port import sync_now
from frontdesk.sync.hq_engine import make_hq_engine
from frontdesk.sync.hq_setup import init_head_office
from frontdesk.sync.postgres_head_office import LEDGER_COLUMNS, PostgresHeadOffice


def build_till(path: Path, entries: int) -> list[LedgerEntry]:
    engine = open_database(path, create=True)
    ctx = TillContext(SqlUnitOfWorkFactory(engine), SystemClock(), load_program())
    staff.init_till(
        ctx,
        store_no=1,
        till_no=1,
        store_name="基准门店",
        admin_no="9001",
        admin_name="管理员",
        admin_pin="9001",
    )
    engine.dispose()
    now = SystemClock().now().isoformat()
    sealed: list[LedgerEntry] = []
    prev = GENESIS_HASH
    for seq in range(1, entries + 1):
        txn = str(uuid.uuid4())
        draft = EntryDraft(
            str(uuid.uuid4()), txn, EntryKind.TOPUP, f"m{seq % 1000}", Bucket.PRINCIPAL, 100, "9001"
        )
        e = seal(draft, till_id="001-01", seq=seq, created_at=now, prev_hash=prev)
        sealed.append(e)
        prev = e.hash
    # Bulk SQL, not the ledger service: this measures the push, not the till's own writes.
    con = sqlite3.connect(path)
    marks = ", ".join("?" for _ in LEDGER_COLUMNS)
    with con:
        con.executemany(
            f"INSERT INTO ledger_entry ({', '.join(LEDGER_COLUMNS)}) VALUES ({marks})",
            [tuple(getattr(e, c) for c in LEDGER_COLUMNS) for e in sealed],
        )
    con.close()
    return sealed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=5000)
    args = parser.parse_args()
    server_url = os.environ["FRONTDESK_HQ_TEST_URL"]
    name = f"fdbench_{uuid.uuid4().hex[:8]}"
    server = make_hq_engine(server_url)
    with server.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin = make_hq_engine(make_url(server_url).set(database=name))
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "till.db"
            sealed = build_till(path, args.entries)
            creds = init_head_office(admin, store_no="001", till_id="001-01", store_name="基准")

            till = open_database(path)
            hq = make_hq_engine(creds.url())
            store = SqliteSyncStore(till, load_program())
            started = time.perf_counter()
            report = sync_now(
                store, PostgresHeadOffice(hq), SystemClock(), batch=args.batch, pull_too=False
            )
            push_s = time.perf_counter() - started
            hq.dispose()
            till.dispose()
            assert report.ok, report.text

            with admin.begin() as conn:
                stored = conn.execute(text("SELECT count(*) FROM ledger_entry")).scalar_one()
                conn.execute(text("TRUNCATE ledger_entry"))
            rows = [tuple(getattr(e, c) for c in LEDGER_COLUMNS) for e in sealed]
            raw_url = make_url(server_url).set(database=name)
            with psycopg.connect(raw_url.render_as_string(hide_password=False)) as pg:
                started = time.perf_counter()
                with (
                    pg.cursor() as cur,
                    cur.copy(f"COPY ledger_entry ({', '.join(LEDGER_COLUMNS)}) FROM STDIN") as cp,
                ):
                    for r in rows:
                        cp.write_row(r)
                pg.commit()
                copy_s = time.perf_counter() - started
    finally:
        admin.dispose()
        with server.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            for role in (
                conn.execute(
                    text(
                        "SELECT rolname FROM pg_roles WHERE rolname LIKE :p ORDER BY length(rolname) DESC"
                    ),
                    {"p": f"{name}\\_%"},
                )
                .scalars()
                .all()
            ):
                conn.exec_driver_sql(f'DROP ROLE "{role}"')
        server.dispose()

    n = args.entries
    print(f"entries pushed:        {stored:,} (batch {args.batch:,})")
    print(f"sync push:             {push_s:7.2f} s  {n / push_s:10,.0f} entries/s")
    print(f"bare COPY (the floor): {copy_s:7.2f} s  {n / copy_s:10,.0f} entries/s")
    print(f"push / floor:          {100 * copy_s / push_s:6.1f} %  (target ≥ 25 %)")


if __name__ == "__main__":
    main()
