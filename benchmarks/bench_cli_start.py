"""How long `frontdesk` takes to start, beside python itself, in one run.

Run from the repository root: .venv/bin/python -m benchmarks.bench_cli_start [--runs 15]
Each figure is a fresh process (as a person runs the command), the runs of every command
interleaved so the machine's load falls on all alike: python doing nothing (the floor for
--help and --version); `frontdesk --help` and `--version`; a card lookup (`member show --card`,
with the cashier's PIN) on bench_core's seeded store; the same lookup by python + sqlite3 (the
join the till runs); and the PIN's hash alone (slow on purpose), to say what the lookup costs
beside it. CPU time of each process (user + system) and wall time; medians and ratios. Asserts
nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from tests.builders import FixedClock

from benchmarks.bench_core import NOW, cached_store
from frontdesk.config import load_program
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.pin_pepper import PinPepper
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.services import staff_admin
from frontdesk.services.context import TillContext

_SQLITE_LOOKUP = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
row = c.execute(
    "SELECT * FROM card JOIN member USING (member_id) JOIN account USING (member_id)"
    " WHERE card.card_no = ?", (sys.argv[2],)).fetchone()
lots = c.execute("SELECT lot_year, points FROM points_lot WHERE member_id = ?", (row[1],)).fetchall()
print(row[3], lots)
"""


# Bytecode is written as an installed program has it (a run with PYTHONDONTWRITEBYTECODE would
# compile every module on every start).
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _time(cmd: list[str]) -> tuple[float, float]:
    """(wall, CPU) of one fresh process: on a shared machine the wall time measures the queue."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=_ENV)
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{cmd[3:]} failed: {done.stderr[-400:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return took, cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    path, cards = cached_store(20_000, 200_000, Path(tempfile.mkdtemp(prefix="fd-")))
    engine = open_database(path)
    ctx = TillContext(SqlUnitOfWorkFactory(engine), FixedClock(NOW), replace(load_program()))
    staff_admin.add_staff(
        ctx, actor="9001", staff_no="1001", name="收银", role="cashier", pin="1001"
    )
    with engine.connect() as conn:
        pepper = PinPepper(engine).get(conn)
    engine.dispose()
    py = sys.executable
    fd = [py, "-c", "import sys; from frontdesk.cli import main; sys.exit(main())"]
    card = cards[4_321]
    commands = {
        "python -c pass": [py, "-c", "pass"],
        "frontdesk --help": [*fd, "--help"],
        "frontdesk --version": [*fd, "--version"],
        "python + sqlite3 lookup": [py, "-c", _SQLITE_LOOKUP, str(path), card],
        "frontdesk member show --card": [
            *fd, "--db", str(path), "--staff", "1001", "--pin", "1001", "member", "show", "--card", card,
        ],
        "the PIN's slow hash alone": [py, "-c", f"from frontdesk.domain.stored_value import hash_pin; hash_pin('1001', {pepper!r})"],
    }  # fmt: skip
    env_note = os.environ.get("PYTHONPATH", "")
    for cmd in commands.values():  # bytecode written, pages cached
        _time(cmd)
    wall: dict[str, list[float]] = {k: [] for k in commands}
    cpu: dict[str, list[float]] = {k: [] for k in commands}
    for _ in range(args.runs):
        for name, cmd in commands.items():
            w, c = _time(cmd)
            wall[name].append(w)
            cpu[name].append(c)
    med = {k: statistics.median(v) for k, v in cpu.items()}
    print(
        f"{args.runs} runs each, interleaved, load {os.getloadavg()[0]:.1f} (PYTHONPATH={env_note or '-'})"
    )
    for name, m in med.items():
        w = statistics.median(wall[name])
        print(
            f"  {name:32s} CPU p50 {m * 1000:7.1f} ms   wall p50 {w * 1000:7.1f} ms  min {min(wall[name]) * 1000:7.1f} ms"
        )
    floor = med["python -c pass"]
    print(
        f"--help: CPU {med['frontdesk --help'] / floor:.2f}x python alone, "
        f"+{(med['frontdesk --help'] - floor) * 1000:.0f} ms"
    )
    look, raw = med["frontdesk member show --card"], med["python + sqlite3 lookup"]
    pin = med["the PIN's slow hash alone"] - floor
    print(
        f"lookup: CPU {look / raw:.2f}x python + sqlite3; without the PIN's hash (slow on purpose,"
        f" {pin * 1000:.0f} ms): {(look - pin) / raw:.2f}x, +{(look - pin - raw) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
