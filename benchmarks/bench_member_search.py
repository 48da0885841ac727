"""A member search at the counter on sealed personal fields, against the plaintext LIKE it replaced.

    .venv/bin/python -m benchmarks.bench_member_search [--members 20000] [--searches 200]

The store's members are seeded with sealed rows (benchmarks/sealed_members.py); each search is
what the counter's search box runs (`uow.members.search`): part of a name opens every name, a
phone and its last four digits are one keyed-hash lookup. The floor is the plaintext query
it replaced: the same names and phones in a plaintext table, searched by LIKE with the same order.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

from tests.builders import FixedClock

from benchmarks.sealed_members import seal_members
from frontdesk.config import load_program
from frontdesk.domain.member_search import read_member_query
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.services import staff
from frontdesk.services.context import TillContext

NOW = "2026-03-10T10:00:00+08:00"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英"


def _people(n: int, rng: random.Random) -> list[tuple[str, str, str]]:
    names = [
        rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2)))) for _ in range(n)
    ]
    return [(f"m{i:08d}", names[i], f"13{i:09d}") for i in range(n)]


def build(path: Path, people: list[tuple[str, str, str]]) -> None:
    engine = open_database(path, create=True)
    ctx = TillContext(
        SqlUnitOfWorkFactory(engine), FixedClock(datetime.fromisoformat(NOW)), load_program()
    )
    staff.init_till(ctx, store_no=1, till_no=1, store_name="基准店", admin_no="9001",
                    admin_name="管理员", admin_pin="9001")  # fmt: skip
    engine.dispose()
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("BEGIN")
    raw.executemany(
        "INSERT INTO member (member_id, consent_terms_at, recruiter, store, created_at,"
        " pin_failures, pin_locked, updated_at) VALUES (?, ?, '9001', '001', ?, 0, 0, ?)",
        [(m, NOW, NOW, NOW) for m, _, _ in people],
    )
    seal_members(raw, people, NOW)
    # The floor: the columns `member` had until 0014, searched as the repository did.
    raw.execute("CREATE TABLE plain (member_id TEXT PRIMARY KEY, phone TEXT UNIQUE, name TEXT,"
                " created_at TEXT)")  # fmt: skip
    raw.executemany("INSERT INTO plain VALUES (?, ?, ?, ?)", [(m, p, n, NOW) for m, n, p in people])
    raw.execute("COMMIT")
    raw.close()


_FLOOR = {
    "name": "SELECT * FROM plain WHERE name LIKE ? ORDER BY name, created_at LIMIT 50",
    "tail": "SELECT * FROM plain WHERE phone LIKE ? ORDER BY name, created_at LIMIT 50",
    "phone": "SELECT * FROM plain WHERE phone = ? ORDER BY name, created_at LIMIT 50",
}


def _pattern(kind: str, text: str) -> str:
    return {"name": f"%{text}%", "tail": f"%{text}", "phone": text}[kind]


def _ms(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1e3, ordered[int(len(ordered) * 0.99) - 1] * 1e3


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=20_000)
    ap.add_argument("--searches", type=int, default=200)
    args = ap.parse_args()
    rng = random.Random(10)
    people = _people(args.members, rng)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "till.db"
        t0 = time.perf_counter()
        build(path, people)
        print(f"store: {args.members:,} members sealed in {time.perf_counter() - t0:.1f} s")
        engine = open_database(path)
        ctx = TillContext(
            SqlUnitOfWorkFactory(engine), FixedClock(datetime.fromisoformat(NOW)), load_program()
        )
        floor_db = sqlite3.connect(path)
        picks = [rng.choice(people) for _ in range(args.searches)]
        typed = {
            "name": [n[-1] if len(n) > 2 else n for _, n, _ in picks],  # one or two characters
            "tail": [p[-4:] for _, _, p in picks],
            "phone": [p for _, _, p in picks],
        }
        for kind, texts in typed.items():
            sealed, floor, cpu, hits = [], [], [], 0
            for text in texts:
                query = read_member_query(text)
                c0, w0 = time.process_time(), time.perf_counter()
                with ctx.uow(write=False) as uow:
                    found = uow.members.search(query)
                sealed.append(time.perf_counter() - w0)
                cpu.append(time.process_time() - c0)
                w0 = time.perf_counter()
                plain = floor_db.execute(_FLOOR[kind], (_pattern(kind, text),)).fetchall()
                floor.append(time.perf_counter() - w0)
                assert [m.name for m in found] == [r[2] for r in plain], text
                hits += len(found)
            (s50, s99), (f50, f99) = _ms(sealed), _ms(floor)
            print(
                f"{kind:5}: sealed p50 {s50:7.2f} ms p99 {s99:7.2f} ms (CPU {statistics.mean(cpu) * 1e3:.2f} ms)"
                f" | LIKE floor p50 {f50:6.2f} ms p99 {f99:6.2f} ms | {hits / len(texts):.1f} found"
            )
        floor_db.close()
        engine.dispose()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
