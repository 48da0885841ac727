"""SIGKILL checkouts at random: every committed sale has exactly one print job, and it prints."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from frontdesk.domain.receipt import Receipt
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.print_jobs import SqlitePrintJobStore
from frontdesk.persistence.verify import verify
from frontdesk.services.printing import PrintQueue
from tests.integration.kill_loops import kill_loop_till

# The forker imports the till once, then forks one checkout loop per line on stdin (a fresh
# Python per kill would make 200 kills take minutes). A loop prints each committed receipt
# number after its commit returned; the forker says "pid N" when it forked and "reaped" when
# the loop died.
FORKER = r"""
import os, sys
from tests.integration.kill_loops import sell_forever

for _ in sys.stdin:
    pid = os.fork()
    if pid == 0:
        try:
            sell_forever(sys.argv[1], sys.argv[2], lines=2, with_receipt=True)
        finally:
            os._exit(1)
    os.write(1, f"pid {pid}\n".encode())
    os.waitpid(pid, 0)
    os.write(1, b"reaped\n")
"""

KILLS = int(os.environ.get("FRONTDESK_OUTBOX_KILLS", "200"))


class _Paper:
    def __init__(self) -> None:
        self.printed: list[str] = []

    def print(self, receipt: Receipt) -> None:
        self.printed.append(receipt.header.receipt_no)


@pytest.mark.slow
def test_every_committed_sale_has_exactly_one_print_job_whatever_the_kill(
    tmp_path: Path,
) -> None:
    till, card_no, env = kill_loop_till(tmp_path / "till.db")
    script = tmp_path / "forker.py"
    script.write_text(FORKER, encoding="utf-8")
    rng = random.Random(20261201)
    confirmed: set[str] = set()
    forker = subprocess.Popen(
        [sys.executable, str(script), str(till.path), card_no],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert forker.stdin is not None
    assert forker.stdout is not None
    try:
        for _ in range(KILLS):
            forker.stdin.write("go\n")
            forker.stdin.flush()
            line = forker.stdout.readline()
            assert line.startswith("pid "), line
            loop = int(line.split()[1])
            first = forker.stdout.readline().strip()  # the loop has committed at least once
            assert first.startswith("R"), first
            confirmed.add(first)
            time.sleep(rng.uniform(0, 0.03))
            os.kill(loop, signal.SIGKILL)
            while (line := forker.stdout.readline().strip()) != "reaped":
                assert line, "the forker died"
                confirmed.add(line)
    finally:
        forker.stdin.close()  # the forker's loop ends with its input
        forker.wait(timeout=30)
        forker.stdout.close()

    engine = open_database(till.path)
    try:
        assert verify(engine) == []
        with engine.connect() as conn:
            sales = {
                r[0]
                for r in conn.execute(text("SELECT receipt_no FROM ticket WHERE kind = 'sale'"))
            }
            jobs = [r[0] for r in conn.execute(text("SELECT job_id FROM print_job"))]
        queue = PrintQueue(paper := _Paper(), SqlitePrintJobStore(engine))
        queue.flush()
    finally:
        engine.dispose()
    assert confirmed <= sales, "a sale reported committed is missing"
    assert len(sales) >= KILLS
    assert sorted(jobs) == sorted(sales), "a committed sale without its job, or a job without it"
    assert sorted(paper.printed) == sorted(sales), "the worker prints each pending job once"
