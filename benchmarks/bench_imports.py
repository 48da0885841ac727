"""Data in: a 50,000-product file and a 10,000-member file imported through the real commands.

The product file at a standalone till (`frontdesk product import`) and, when
FRONTDESK_HQ_TEST_URL names a PostgreSQL server, at head office (`frontdesk hq products import`,
into a database of its own, dropped afterwards); the member file with its opening balances
(`frontdesk member import`, an admin with a manager's approval). CSV and Excel both. Each
figure is wall time, with the process's CPU time beside it (the machine may be shared) and the
target it is held to.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import tempfile
import time
import uuid
from pathlib import Path

from openpyxl import Workbook

from frontdesk.cli import main
from frontdesk.demo import ean13
from frontdesk.domain.cards import make_card_number
from frontdesk.logfiles import stop_logging

PRODUCTS, MEMBERS = 50_000, 10_000
# The member import's target: well under 30 s for 10,000 (205 s before it wrote one
# executemany per table). The product imports have none set; their figures are printed.
MEMBER_TARGET_S = 30.0
PRODUCT_HEADING = ["条码", "名称", "售价", "参与会员折扣", "会员价", "类别", "单位"]
MEMBER_HEADING = ["手机号", "姓名", "生日", "卡号", "本金", "赠金", "积分", "等级"]


def _products() -> list[list[str]]:
    return [[ean13(f"694{i:09d}"), f"商品{i}", f"{(100 + i % 9000) / 100:.2f}",
             "否" if i % 10 == 0 else "是", f"{(90 + i % 9000) / 100:.2f}", f"类别{i % 40}",
             "瓶"] for i in range(PRODUCTS)]  # fmt: skip


def _members() -> list[list[str]]:
    return [[f"158{i:08d}", f"会员{i}", "1990-05-01" if i % 2 else "",
             make_card_number(900, 1, i, 0) if i % 3 == 0 else f"OLD{i:06d}",
             f"{i % 700}.{i % 100:02d}", f"{i % 50}.00", str(i % 3000), ""]
            for i in range(MEMBERS)]  # fmt: skip


def _write(path: Path, heading: list[str], rows: list[list[str]]) -> Path:
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f).writerows([heading, *rows])
    else:
        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        for row in [heading, *rows]:
            sheet.append(row)
        book.save(path)
    return path


def _timed(*args: str) -> float:
    return _measured(*args)[0]


def _measured(*args: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of one command."""
    start, cpu = time.perf_counter(), time.process_time()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = main(list(args))
    stop_logging()
    assert code == 0, args
    return time.perf_counter() - start, time.process_time() - cpu


def _line(what: str, wall: float, cpu: float, target: float | None = None) -> str:
    said = f"{what}: {wall:.1f} s wall, {cpu:.1f} s CPU (CPU/wall {cpu / wall:.2f})"
    if target is not None:
        said += f"; target < {target:.0f} s: {'ok' if wall < target else 'OVER'}"
    return said


def _fresh_till(folder: Path, name: str) -> Path:
    db = folder / f"{name}.db"
    _timed("--db", str(db), "demo")
    return db


def main_bench() -> None:
    folder = Path(tempfile.mkdtemp(prefix="frontdesk-bench-imports-"))
    manager = ("--staff", "8001", "--pin", "8001")
    admin = ("--staff", "9001", "--pin", "9001", "--manager", "8001", "--manager-pin", "8001")
    products, members = _products(), _members()
    hq = os.environ.get("FRONTDESK_HQ_TEST_URL")
    for suffix in (".csv", ".xlsx"):
        file = _write(folder / f"products{suffix}", PRODUCT_HEADING, products)
        db = _fresh_till(folder, f"till-products{suffix[1:]}")
        wall, cpu = _measured("--db", str(db), *manager, "product", "import", str(file))
        what = f"{PRODUCTS:,} products ({suffix[1:]}) at a till"
        print(_line(what, wall, cpu), flush=True)
        if hq:
            wall, cpu = _hq_import(hq, db, file)
            what = f"{PRODUCTS:,} products ({suffix[1:]}) at head office"
            print(_line(what, wall, cpu), flush=True)
        file = _write(folder / f"members{suffix}", MEMBER_HEADING, members)
        db = _fresh_till(folder, f"till-members{suffix[1:]}")
        wall, cpu = _measured("--db", str(db), *admin, "member", "import", str(file))
        what = f"{MEMBERS:,} members with balances ({suffix[1:]})"
        print(_line(what, wall, cpu, MEMBER_TARGET_S), flush=True)


def _hq_import(server_url: str, db: Path, file: Path) -> tuple[float, float]:
    from sqlalchemy.engine import make_url

    from frontdesk.sync.hq_engine import make_hq_engine, migrate_hq

    name = f"fdbench_{uuid.uuid4().hex[:10]}"
    server = make_hq_engine(server_url)
    with server.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = make_url(server_url).set(database=name)
    try:
        admin = make_hq_engine(url)
        migrate_hq(admin)
        admin.dispose()
        return _measured("--db", str(db), "hq", "products", "import", str(file),
                      "--hq-url", url.render_as_string(hide_password=False))  # fmt: skip
    finally:
        with server.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.dispose()


if __name__ == "__main__":
    main_bench()
