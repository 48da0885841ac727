"""`sync --recover`: a till refused for its chain stops stored value, then takes its books back."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from sqlalchemy import Engine

from frontdesk.cli.main import main
from frontdesk.domain.money import Fen
from frontdesk.persistence.verify import verify
from frontdesk.services import accounts
from frontdesk.services.sync_recovery import ChainRefusedHere
from tests.integration.sync.conftest import ADMIN, Till, hq_rows
from tests.integration.sync.test_two_stores import pay_stored, register_with_money, sell_cash

LOGIN = ["--staff", ADMIN[0], "--pin", ADMIN[1]]
APPROVAL = ["--manager", ADMIN[0], "--manager-pin", ADMIN[1]]


def _balance(till: Till, member_id: str) -> int:
    with till.ctx.uow(write=False) as uow:
        account = uow.accounts.get(member_id)
    assert account is not None
    return account.principal.value + account.bonus.value


def _backup(till: Till) -> sqlite3.Connection:
    copy = sqlite3.connect(":memory:")
    with till.engine.connect() as conn:
        conn.connection.driver_connection.backup(copy)  # type: ignore[union-attr]
    return copy


def _restore(till: Till, copy: sqlite3.Connection) -> None:
    with till.engine.connect() as conn:
        copy.backup(conn.connection.driver_connection)  # type: ignore[arg-type]


def _run(till: Till, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--db", str(till.path), *args])
    out, err = capsys.readouterr()
    return code, out + err


def test_a_till_restored_from_an_old_backup_is_refused_stops_stored_value_and_recovers(
    make_till: Callable[..., Till], hq_admin: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    till = make_till(1, 61)
    member_id, card_no = register_with_money(till, "13800000161")
    assert till.sync().ok
    backup = _backup(till)
    accounts.topup(till.ctx, actor=ADMIN[0], member_id=member_id, amount=Fen.of("200.00"))
    pay_stored(till, card_no, "20.00")
    sell_cash(till, card_no, 1)
    assert till.sync().ok
    synced_balance = _balance(till, member_id)
    _restore(till, backup)

    # The old backup is a whole chain, so only head office can tell; it refuses, and says how.
    assert verify(till.engine) == []
    code, said = _run(till, capsys, *LOGIN, "sync")
    assert code == 2
    assert "frontdesk sync --recover" in said
    with pytest.raises(ChainRefusedHere) as stopped:
        pay_stored(till, card_no, "2.00")
    assert "frontdesk sync --recover" in stopped.value.message
    assert "frontdesk sync --recover" in stopped.value.message_en

    code, said = _run(till, capsys, *LOGIN, "sync", "--recover")
    assert code == 2
    assert "店长批准" in said
    code, said = _run(till, capsys, *LOGIN, *APPROVAL, "sync", "--recover")
    assert code == 0, said
    assert "已从总部恢复本机账本" in said

    assert verify(till.engine) == []
    assert _balance(till, member_id) == synced_balance
    assert till.sync().ok
    pay_stored(till, card_no, "2.00")
    assert till.sync().ok
    held = hq_rows(hq_admin, "SELECT count(*) FROM ledger_entry WHERE till_id = :t", t=till.till_id)
    with till.engine.connect() as conn:
        local = conn.exec_driver_sql("SELECT count(*) FROM ledger_entry").scalar()
    assert held == [(local,)]
    recovered = hq_rows(
        hq_admin,
        "SELECT approver FROM audit_log WHERE till_id = :t AND action = 'sync_recover'",
        t=till.till_id,
    )
    assert recovered == [(ADMIN[0],)]


def test_records_head_office_never_received_are_set_aside_not_lost(
    make_till: Callable[..., Till], hq_admin: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    till = make_till(1, 62)
    member_id, _ = register_with_money(till, "13800000162")
    assert till.sync().ok
    backup = _backup(till)
    accounts.topup(till.ctx, actor=ADMIN[0], member_id=member_id, amount=Fen.of("10.00"))
    assert till.sync().ok
    _restore(till, backup)
    # A top-up after the restore takes numbers head office already holds for other entries.
    accounts.topup(till.ctx, actor=ADMIN[0], member_id=member_id, amount=Fen.of("30.00"))
    assert not till.sync().ok

    code, said = _run(till, capsys, *LOGIN, *APPROVAL, "sync", "--recover")
    assert code == 0, said
    with sqlite3.connect(till.path) as raw:
        kinds = [k for (k,) in raw.execute("SELECT kind FROM set_aside ORDER BY aside_id")]
    assert "ledger_entry" in kinds
    assert "ticket" in kinds
    assert verify(till.engine) == []
    assert till.sync().ok


def test_a_return_made_after_the_backup_comes_back_with_the_books(
    make_till: Callable[..., Till], capsys: pytest.CaptureFixture[str]
) -> None:
    """The 退卡 record, sealed account and ID number too, from head office's copy (h0013/h0017)."""
    from frontdesk.domain.approvals import ApprovalAction, ApprovalBinding
    from frontdesk.domain.card_return import BankPayout
    from frontdesk.services import membership, staff, staff_admin

    till = make_till(1, 63)
    staff_admin.add_staff(
        till.ctx, actor=ADMIN[0], staff_no="8001", name="店长", role="manager", pin="8001"
    )
    _, card_no = register_with_money(till, "13800000163", "300.00")
    assert till.sync().ok
    backup = _backup(till)
    approval = staff.approve(
        till.ctx, ApprovalBinding(ApprovalAction.CARD_RETURN, card_no, 30000),
        manager_no="8001", pin="8001", operator=ADMIN[0],
    )  # fmt: skip
    bank = BankPayout.read(
        account="6222 0212 3456 7890 123", holder="张三", bank="工商银行",
        id_number="11010519491231002X",
    )  # fmt: skip
    done = membership.return_card(
        till.ctx, actor=ADMIN[0], card_no=card_no, approval_id=approval, bank=bank
    )
    assert till.sync().ok
    with till.engine.connect() as conn:
        sent = conn.exec_driver_sql("SELECT * FROM card_return").fetchall()
    _restore(till, backup)
    with till.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM card_return").scalar() == 0

    code, said = _run(till, capsys, *LOGIN, *APPROVAL, "sync", "--recover")

    assert code == 0, said
    with till.engine.connect() as conn:
        back = conn.exec_driver_sql("SELECT * FROM card_return").fetchall()
    assert back == sent
    with till.ctx.uow(write=False) as uow:
        record = uow.card_returns.get(done.ticket.ticket_id)
    assert record is not None
    assert record.payout == "bank_transfer"
    assert record.account_masked == "6222 **** 0123"
