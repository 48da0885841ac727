"""A till's chain must still hold head office's acknowledged head at every sync."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace

from sqlalchemy import Engine, text

from frontdesk.domain.ledger import LedgerEntry
from frontdesk.domain.money import Fen
from frontdesk.persistence.repositories import entry_of
from frontdesk.services import accounts
from frontdesk.sync.hq_report import build_report
from tests.integration.sync.conftest import ADMIN, Till, hq_rows
from tests.integration.sync.test_two_stores import register_with_money


def _topups(till: Till, member_id: str, n: int) -> None:
    for _ in range(n):
        accounts.topup(till.ctx, actor=ADMIN[0], member_id=member_id, amount=Fen.of("100.00"))


def _synced_till(make_till: Callable[..., Till], till_no: int, phone: str) -> tuple[Till, str]:
    till = make_till(1, till_no)
    member_id, _ = register_with_money(till, phone)
    _topups(till, member_id, 3)
    assert till.sync().ok
    return till, member_id


def _behind_the_triggers(till: Till, *statements: str) -> None:
    with till.engine.begin() as conn:
        for trigger in ("ledger_entry_no_update", "ledger_entry_no_delete"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        for s in statements:
            conn.exec_driver_sql(s)


def _assert_refused(till: Till, hq_admin: Engine, code: str) -> None:
    report = till.sync()
    assert not report.ok
    assert "拒收" in report.message
    assert "总部已确认" in report.message
    assert "联系总部" in report.message
    assert "acknowledged" in report.message_en
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in report.message_en.replace(till.till_id, ""))
    codes = hq_rows(
        hq_admin,
        "SELECT code FROM sync_problem WHERE till_id = :t AND kind = 'head'",
        t=till.till_id,
    )
    assert (code,) in codes
    assert till.till_id in build_report(hq_admin).text


def test_deleting_the_last_entries_after_they_reached_head_office_is_refused(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    till, member_id = _synced_till(make_till, 41, "13800000041")
    count = "SELECT count(*) FROM ledger_entry WHERE till_id = :t"
    stored = hq_rows(hq_admin, count, t=till.till_id)

    _behind_the_triggers(
        till, "DELETE FROM ledger_entry WHERE seq > (SELECT max(seq) - 2 FROM ledger_entry)"
    )
    _assert_refused(till, hq_admin, "head_missing")
    _topups(till, member_id, 3)  # the till reuses the deleted numbers: still refused
    _assert_refused(till, hq_admin, "head_mismatch")

    assert hq_rows(hq_admin, count, t=till.till_id) == stored


def test_a_chain_re_sealed_after_an_amount_edit_is_refused(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    till, _ = _synced_till(make_till, 42, "13800000042")
    with till.engine.connect() as conn:
        chain = [entry_of(r) for r in conn.execute(text("SELECT * FROM ledger_entry ORDER BY seq"))]
    # +￥500 on the second entry, and every hash from there on made to fit again.
    resealed: list[LedgerEntry] = []
    prev = chain[0].hash
    for e in chain[1:]:
        amount = e.amount + 50_000 if e.seq == chain[1].seq else e.amount
        fixed = replace(e, amount=amount, prev_hash=prev)
        fixed = replace(fixed, hash=fixed.computed_hash())
        resealed.append(fixed)
        prev = fixed.hash
    updates = [
        f"UPDATE ledger_entry SET amount = {e.amount}, prev_hash = '{e.prev_hash}', "
        f"hash = '{e.hash}' WHERE seq = {e.seq}"
        for e in resealed
    ]
    _behind_the_triggers(till, *updates)

    _assert_refused(till, hq_admin, "head_mismatch")
    assert hq_rows(
        hq_admin,
        "SELECT amount FROM ledger_entry WHERE till_id = :t AND seq = :s",
        t=till.till_id,
        s=chain[1].seq,
    ) == [(chain[1].amount,)]


def test_a_till_restored_from_an_old_backup_is_refused(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    till, member_id = _synced_till(make_till, 43, "13800000043")
    backup = sqlite3.connect(":memory:")
    with till.engine.connect() as conn:
        conn.connection.driver_connection.backup(backup)  # type: ignore[union-attr]
    _topups(till, member_id, 2)
    assert till.sync().ok

    with till.engine.connect() as conn:
        backup.backup(conn.connection.driver_connection)  # type: ignore[arg-type]
    _assert_refused(till, hq_admin, "head_missing")
