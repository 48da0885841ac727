"""SIGKILL sales and top-ups at random: each is wholly there or wholly absent, with one print job.

The one kill loop of the till: every committed sale and top-up has exactly its lines, tenders,
ledger entries and one print job (which the worker prints once), no ledger entry is left
without its ticket, and the ledger's sequence numbers have no hole.
"""

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

# The forker imports the till once, then forks one loop of alternating sales and top-ups per
# line on stdin, starting with the operation the line names (a fresh Python per kill would make
# 200 kills take minutes). A loop prints each committed receipt number after its commit
# returned; the forker says "pid N" when it forked and "reaped" when the loop died.
FORKER = r"""
import os, sys
from tests.integration.kill_loops import loop_context, operate, run_forever

path, card, member = sys.argv[1:4]
engine, ctx = loop_context(path)
# One sale and one top-up before the first fork: each loop starts with SQLAlchemy's statement
# cache filled, so a loop's first commit comes in milliseconds instead of a cold compile.
for warm in (None, member):
    operate(ctx, card, 2, True, warm)
for line in sys.stdin:
    pid = os.fork()
    if pid == 0:
        try:
            engine.dispose(close=False)  # the parent's connections stay the parent's
            run_forever(
                ctx,
                card,
                lines=2,
                with_receipt=True,
                topups_for=member,
                topup_first=line.strip() == "topup",
            )
        finally:
            os._exit(1)
    os.write(1, f"pid {pid}\n".encode())
    os.waitpid(pid, 0)
    os.write(1, b"reaped\n")
"""

KILLS = int(os.environ.get("FRONTDESK_OUTBOX_KILLS", "200"))
BUDGET_S = 60.0  # a slow test's share of CI; the kills, not the set-up, are what it times


class _Paper:
    def __init__(self) -> None:
        self.printed: list[str] = []

    def print(self, receipt: Receipt) -> None:
        self.printed.append(receipt.header.receipt_no)


@pytest.mark.slow
def test_every_sale_and_top_up_is_whole_with_one_print_job_whatever_the_kill(
    tmp_path: Path,
) -> None:
    # ￥2,000 on the card: the loops' ￥1 sales and ￥1 top-ups keep it far from zero and the cap.
    till, card_no, env, member_id = kill_loop_till(tmp_path / "till.db", balance="2000.00")
    script = tmp_path / "forker.py"
    script.write_text(FORKER, encoding="utf-8")
    rng = random.Random(20261201)
    confirmed: set[str] = set()
    forker = subprocess.Popen(
        [sys.executable, str(script), str(till.path), card_no, member_id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert forker.stdin is not None
    assert forker.stdout is not None
    started = time.monotonic()
    try:
        for kill in range(KILLS):
            forker.stdin.write("topup\n" if kill % 2 else "sale\n")
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
    killing = time.monotonic() - started

    engine = open_database(till.path)
    try:
        assert verify(engine) == []
        with engine.connect() as conn:
            committed = conn.execute(
                text("SELECT receipt_no, kind FROM ticket WHERE kind IN ('sale', 'topup')")
            ).all()
            # The first top-up, the card's ￥2,000, was made before the loop without a receipt.
            loaded = conn.execute(text("SELECT min(rowid) FROM ticket WHERE kind = 'topup'"))
            first_topup = conn.execute(
                text("SELECT receipt_no FROM ticket WHERE rowid = :r"), {"r": loaded.scalar()}
            ).scalar()
            jobs = [r[0] for r in conn.execute(text("SELECT job_id FROM print_job"))]
            seqs = [r[0] for r in conn.execute(text("SELECT seq FROM ledger_entry ORDER BY seq"))]
            # A sale: its 2 lines, 2 tenders and its entries; a top-up: its tender and entries.
            partial = conn.execute(
                text(
                    "SELECT count(*) FROM ticket t WHERE t.kind IN ('sale', 'topup') AND ("
                    " (SELECT count(*) FROM ticket_line l WHERE l.ticket_id = t.ticket_id)"
                    "   != CASE t.kind WHEN 'sale' THEN 2 ELSE 0 END"
                    " OR (SELECT count(*) FROM tender d WHERE d.ticket_id = t.ticket_id)"
                    "   != CASE t.kind WHEN 'sale' THEN 2 ELSE 1 END"
                    " OR (SELECT count(*) FROM ledger_entry e WHERE e.ticket_id = t.ticket_id) = 0)"
                )
            ).scalar()
            orphans = conn.execute(
                text(
                    "SELECT count(*) FROM ledger_entry e WHERE e.ticket_id IS NOT NULL"
                    " AND e.ticket_id NOT IN (SELECT ticket_id FROM ticket)"
                )
            ).scalar()
        queue = PrintQueue(paper := _Paper(), SqlitePrintJobStore(engine))
        queue.flush()
    finally:
        engine.dispose()
    looped = {no for no, _kind in committed if no != first_topup}
    kinds = [kind for no, kind in committed if no != first_topup]
    figures = (
        f"{KILLS} kills in {killing:.1f} s: {kinds.count('sale')} sales and "
        f"{kinds.count('topup')} top-ups committed"
    )
    assert confirmed <= looped, "an operation reported committed is missing"
    assert seqs == list(range(1, len(seqs) + 1)), "a sequence number was skipped"
    assert partial == 0, "half a sale or half a top-up"
    assert orphans == 0
    assert len(looped) >= KILLS
    assert kinds.count("topup") >= KILLS // 2, figures  # every other loop starts with one
    assert kinds.count("sale") >= KILLS // 2, figures
    assert sorted(jobs) == sorted(looped), "a committed one without its job, or a job without it"
    assert sorted(paper.printed) == sorted(looped), "the worker prints each pending job once"
    assert killing < BUDGET_S, figures
