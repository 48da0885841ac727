"""A large pull is applied in short transactions, and the counter sells while it runs."""

from __future__ import annotations

import threading
import time
from typing import Any

from sqlalchemy import event, text

from frontdesk.domain.messages import Notice, render
from frontdesk.domain.money import Fen
from frontdesk.persistence.engine import open_database, writers_waiting
from frontdesk.persistence.repositories import SqlMembers
from frontdesk.persistence.sync_store import SqliteSyncStore
from frontdesk.services import checkout
from frontdesk.services.context import new_id
from frontdesk.services.sync_port import BalanceSnapshot, RowBatch
from tests.builders import hq_member_row
from tests.integration.core_fixtures import WATER, Till

TS = "2026-03-01T10:00:00+08:00"


def _member(i: int, phone: str | None = None) -> dict[str, Any]:
    return hq_member_row(f"hq-{i:06d}", phone or f"139{i:08d}", TS, i + 1)


def _count(till: Till, sql: str) -> int:
    with till.engine.connect() as conn:
        return int(conn.execute(text(sql)).scalar_one())


def test_a_large_pull_commits_in_many_short_transactions_while_sales_go_through(
    till: Till,
) -> None:
    sync_engine = open_database(till.path)
    commits: list[float] = []
    event.listen(sync_engine, "commit", lambda _conn: commits.append(time.perf_counter()))
    store = SqliteSyncStore(sync_engine, till.ctx.program)
    members = [_member(i) for i in range(2_000)]
    totals = [
        {"member_id": m["member_id"], "bucket": bucket, "lot_year": None, "amount": 500}
        for m in members
        for bucket in ("principal", "bonus", "points")
    ]
    problems: list[Notice] = []

    def pull() -> None:
        problems.extend(store.apply("member", RowBatch(members, len(members))))
        problems.extend(store.apply_balances(BalanceSnapshot(0, totals, [], 1)))

    worker = threading.Thread(target=pull)
    worker.start()
    waits = []
    while worker.is_alive():
        started = time.perf_counter()
        checkout.checkout(
            till.ctx,
            txn_id=new_id(),
            cashier="1001",
            card_no=None,
            items=[checkout.SaleItem(WATER)],
            payments=[checkout.Payment("cash", Fen.of("2.00"))],
        )
        waits.append(time.perf_counter() - started)
        time.sleep(0.05)  # a busy counter, not a loop holding the lock back to back
    worker.join()
    sync_engine.dispose()

    assert problems == []
    assert len(commits) > 10  # never one transaction for the whole pull
    assert waits  # the counter sold while the pull ran
    assert max(waits) < 2.0, max(waits)  # none waited for the pull to finish
    assert _count(till, "SELECT count(*) FROM member WHERE member_id LIKE 'hq-%'") == 2_000
    assert _count(till, "SELECT sum(principal + bonus) FROM account") == 2_000 * 1_000


def test_a_phone_freed_earlier_in_the_pull_may_be_taken_later_but_not_before(till: Till) -> None:
    store = SqliteSyncStore(till.engine, till.ctx.program)
    store.apply("member", RowBatch([_member(1, "13900000001")], 1))

    moved = store.apply(
        "member",
        RowBatch([_member(1, "13900000002"), _member(2, "13900000001")], 2),  # freed, then taken
    )
    taken = store.apply(
        "member",
        RowBatch([_member(3, "13900000003"), _member(1, "13900000003")], 2),  # taken first
    )

    assert moved == []
    assert taken == [Notice("sync_phone_taken", {"member_id": "hq-000001", "holder": "hq-000003"})]
    assert render(taken[0]) == "会员 hq-000001 的手机号与本机会员 hq-000003 重复，未导入"
    with till.engine.connect() as conn:  # the phone is sealed: found by its keyed hash
        assert SqlMembers(conn).by_phone("13900000002") is not None


def test_a_sale_waiting_for_the_lock_is_seen_by_the_pull_and_background_work_is_not(
    till: Till,
) -> None:
    """The pull lets a waiting sale in first: it can see one waiting in SQLite's busy handler."""
    holder = open_database(till.path)
    seen: list[int] = []
    with holder.connect().execution_options(write=True, background=True) as conn:
        conn.begin()
        assert writers_waiting() == 0  # the pull's own transaction is not the counter's
        sale = threading.Thread(
            target=checkout.checkout,
            kwargs={
                "ctx": till.ctx,
                "txn_id": new_id(),
                "cashier": "1001",
                "card_no": None,
                "items": [checkout.SaleItem(WATER)],
                "payments": [checkout.Payment("cash", Fen.of("2.00"))],
            },
        )
        sale.start()
        deadline = time.perf_counter() + 5
        while not writers_waiting() and time.perf_counter() < deadline:
            time.sleep(0.005)
        seen.append(writers_waiting())
        conn.commit()
    sale.join()
    holder.dispose()
    assert seen == [1]
    assert writers_waiting() == 0
    assert _count(till, "SELECT count(*) FROM ticket") == 1
