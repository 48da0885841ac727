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
from tests.integration.core_fixtures import make_till

# The child: sells in a loop, printing each committed receipt number after the commit returned.
CHILD = r"""
import sys
from frontdesk.domain.money import Fen
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.services import checkout
from frontdesk.services.context import TillContext, new_id
from tests.builders import PROGRAM, FixedClock, at
from tests.integration.core_fixtures import RICE, WATER

engine = open_database(sys.argv[1])
ctx = TillContext(SqlUnitOfWorkFactory(engine), FixedClock(at(2026, 3, 10)), PROGRAM)
card = sys.argv[2]
items = [checkout.SaleItem(RICE), checkout.SaleItem(WATER, 2), checkout.SaleItem(WATER)]
while True:
    r = checkout.checkout(
        ctx, txn_id=new_id(), cashier="1001", card_no=card, items=items,
        payments=[
            checkout.Payment("stored_value", Fen.of("1.00")),
            checkout.Payment("cash", Fen.of("100.00")),
        ],
        pin="135790",
    )
    print(r.ticket.receipt_no, flush=True)
"""

KILLS = int(os.environ.get("FRONTDESK_CRASH_KILLS", "100"))


@pytest.mark.slow
def test_sigkill_during_checkouts_never_leaves_half_a_sale(tmp_path: Path) -> None:
    from frontdesk.domain.money import Fen
    from frontdesk.services import accounts

    till = make_till(tmp_path / "till.db")
    reg = till.member()
    # A named card holds at most the program's balance cap, so each sale spends ￥1 of stored
    # value: thousands of sales before the card runs dry, whatever the kills allow.
    accounts.topup(till.ctx, actor="8001", member_id=reg.member.member_id, amount=Fen.of("4000.00"))
    till.engine.dispose()
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path.cwd()), str(Path.cwd() / "src")])}
    rng = random.Random(20261123)
    confirmed: set[str] = set()

    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(script), str(till.path), reg.card_no],
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
