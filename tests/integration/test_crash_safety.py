"""SIGKILL a process that checks out in a loop; every sale is wholly there or wholly absent."""

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

from frontdesk.persistence.engine import open_database
from frontdesk.persistence.verify import verify
from tests.integration.kill_loops import kill_loop_till

# The child: sells in a loop, printing each committed receipt number after the commit returned.
CHILD = r"""
import sys
from tests.integration.kill_loops import sell_forever
sell_forever(sys.argv[1], sys.argv[2], lines=3, with_receipt=False)
"""

KILLS = int(os.environ.get("FRONTDESK_CRASH_KILLS", "100"))


@pytest.mark.slow
def test_sigkill_during_checkouts_never_leaves_half_a_sale(tmp_path: Path) -> None:
    till, card_no, env, _member = kill_loop_till(tmp_path / "till.db")
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    rng = random.Random(20261123)
    confirmed: set[str] = set()

    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(script), str(till.path), card_no],
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        assert child.stdout is not None
        first = child.stdout.readline()  # the child is up and has committed at least once
        assert first.strip(), "the checkout loop did not start"
        confirmed.add(first.strip())
        time.sleep(rng.uniform(0, 0.05))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        confirmed.update(line for line in rest.split() if line)
        child.wait()

    engine = open_database(till.path)
    try:
        assert verify(engine) == []
        with engine.connect() as conn:
            seqs = [r[0] for r in conn.execute(text("SELECT seq FROM ledger_entry ORDER BY seq"))]
            receipts = {
                r[0]
                for r in conn.execute(text("SELECT receipt_no FROM ticket WHERE kind = 'sale'"))
            }
            partial = conn.execute(
                text(
                    "SELECT count(*) FROM ticket t WHERE t.kind = 'sale' AND ("
                    " (SELECT count(*) FROM ticket_line l WHERE l.ticket_id = t.ticket_id) != 3"
                    " OR (SELECT count(*) FROM tender d WHERE d.ticket_id = t.ticket_id) != 2"
                    " OR (SELECT count(*) FROM ledger_entry e WHERE e.ticket_id = t.ticket_id) = 0)"
                )
            ).scalar()
            orphans = conn.execute(
                text(
                    "SELECT count(*) FROM ledger_entry e WHERE e.ticket_id IS NOT NULL"
                    " AND e.ticket_id NOT IN (SELECT ticket_id FROM ticket)"
                )
            ).scalar()
    finally:
        engine.dispose()
    assert seqs == list(range(1, len(seqs) + 1)), "a sequence number was skipped"
    assert confirmed <= receipts, "a sale reported committed is missing"
    assert partial == 0
    assert orphans == 0
    assert len(receipts) >= KILLS
