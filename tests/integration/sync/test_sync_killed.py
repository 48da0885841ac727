from __future__ import annotations

import random
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from itertools import cycle

import pytest
from sqlalchemy import Engine, text

from frontdesk.domain.money import Fen
from frontdesk.persistence.verify import verify
from frontdesk.services import accounts, membership
from tests.integration.sync.conftest import ADMIN, Till, hq_rows

KILLS = 50


def _topups(till: Till, members: Iterator[str], n: int) -> None:
    for _ in range(n):
        accounts.topup(till.ctx, actor=ADMIN[0], member_id=next(members), amount=Fen.of("100.00"))


def _sync_process(till: Till) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "frontdesk.cli", "--db", str(till.path), "sync", "--batch", "25"]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.mark.slow
def test_sync_killed_at_random_points_stores_every_entry_exactly_once(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    till = make_till(3, 1)
    # Enough members, taken in turn, that none reaches the card balance cap (￥5,000).
    members = cycle(
        [
            membership.register(
                till.ctx,
                actor=ADMIN[0],
                phone=f"1390000{i:04d}",
                name=f"会员{i}",
                consent_terms=True,
            ).member.member_id
            for i in range(60)
        ]
    )
    _topups(till, members, 700)  # 1,400 entries waiting before the first run
    rng = random.Random(20260310)
    kills = runs = 0

    while kills < KILLS and runs < 4 * KILLS:
        runs += 1
        _topups(till, members, 15)  # the counter keeps selling between runs
        proc = _sync_process(till)
        time.sleep(rng.uniform(0.2, 1.3))
        if proc.poll() is None:
            proc.kill()
            kills += 1
        proc.wait()
    final = _sync_process(till)
    assert final.wait(timeout=120) == 0

    assert kills == KILLS
    with till.engine.connect() as conn:
        local = tuple(conn.execute(text("SELECT count(*), sum(amount) FROM ledger_entry")).one())
        tickets = conn.execute(text("SELECT count(*), sum(total) FROM ticket")).one()
    by_till = "FROM ledger_entry WHERE till_id = :t"
    assert hq_rows(hq_admin, f"SELECT count(*), sum(amount) {by_till}", t=till.till_id) == [local]
    assert hq_rows(
        hq_admin, f"SELECT count(DISTINCT entry_uuid), max(seq) {by_till}", t=till.till_id
    ) == [(local[0], local[0])]
    assert hq_rows(
        hq_admin, "SELECT count(*), sum(total) FROM ticket WHERE till_id = :t", t=till.till_id
    ) == [tuple(tickets)]
    assert verify(till.engine) == []
