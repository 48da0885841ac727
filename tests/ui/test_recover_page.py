"""从总部恢复 on the manager screens, against the real PostgreSQL: a till restored from an old
backup is refused by head office; the page says so in the till's words with the way back, asks a
manager, and runs the same recovery as `frontdesk sync --recover`."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from frontdesk.domain.money import Fen
from frontdesk.persistence.verify import verify
from frontdesk.printing_setup import receipt_text
from frontdesk.services import accounts
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.services.till_port import ApprovalAction
from frontdesk.sync_setup import books_recovery
from frontdesk.ui.approval import ApprovalDialog
from frontdesk.ui.manager import ManagerDialog
from tests.integration.sync.conftest import ADMIN, Till, hq_admin, hq_admin_url, make_till
from tests.integration.sync.test_two_stores import pay_stored, register_with_money
from tests.ui.drivers import ManagerAtHand, log_in

__all__ = ["hq_admin", "hq_admin_url", "make_till"]  # head office's fixtures, for the test here


def _copy(till: Till) -> sqlite3.Connection:
    copy = sqlite3.connect(":memory:")
    with till.engine.connect() as conn:
        conn.connection.driver_connection.backup(copy)  # type: ignore[union-attr]
    return copy


def _put_back(till: Till, copy: sqlite3.Connection) -> None:
    with till.engine.connect() as conn:
        copy.backup(conn.connection.driver_connection)  # type: ignore[arg-type]


def _balance(till: Till, member_id: str) -> int:
    with till.ctx.uow(write=False) as uow:
        account = uow.accounts.get(member_id)
    assert account is not None
    return account.principal.value + account.bonus.value


def test_the_page_recovers_a_refused_till_with_a_managers_approval(
    qtbot: QtBot,
    make_till: Callable[..., Till],
    hq_admin: Engine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    till = make_till(1, 71)
    member_id, card_no = register_with_money(till, "13800000171")
    assert till.sync().ok
    old = _copy(till)
    accounts.topup(till.ctx, actor=ADMIN[0], member_id=member_id, amount=Fen.of("200.00"))
    assert till.sync().ok
    synced = _balance(till, member_id)
    _put_back(till, old)  # an old backup restored: head office has more of this till's chain
    assert not till.sync().ok

    backend = ServicesTillBackend(
        till.ctx, receipt_text=receipt_text, recovery=books_recovery(till.engine)
    )
    log_in(qtbot, backend, *ADMIN)
    dialog = ManagerDialog(backend)
    qtbot.addWidget(dialog)
    dialog.show_page("recover")
    page = dialog.recover_page
    assert page is not None
    assert page.refusal_label.text().startswith("总部拒收了本机账本：")
    assert "店长批准" in page.how_label.text()
    assert "frontdesk sync --recover" in page.how_label.text()
    assert page.recover_button.isEnabled()

    declined: list[str] = []

    def decline(*_args: object, **_kw: object) -> None:
        declined.append("no")  # the manager pressed Esc

    monkeypatch.setattr(ApprovalDialog, "ask", decline)
    page.recover_button.click()  # no approval: nothing happens, the till stays refused
    assert declined == ["no"]
    assert backend.books_refused() is not None

    manager = ManagerAtHand(qtbot, pin=ADMIN[1], manager_no=ADMIN[0])
    monkeypatch.setattr(ApprovalDialog, "ask", manager)
    page.recover_button.click()

    assert manager.asked == [(ApprovalAction.SYNC_RECOVER, till.till_id, None)]
    assert page.result_label.text().startswith("已从总部恢复本机账本：")
    assert page.refusal_label.text() == "总部没有拒收本机账本，无需恢复"
    assert not page.recover_button.isEnabled()
    assert backend.books_refused() is None
    assert verify(till.engine) == []
    assert _balance(till, member_id) == synced
    assert not pay_stored(till, card_no, "2.00").ticket.offline  # stored value open again
    assert till.sync().ok


def test_a_till_without_head_office_has_no_recover_page(
    qtbot: QtBot, make_till: Callable[..., Till]
) -> None:
    till = make_till(1, 72, connect=False)
    backend = ServicesTillBackend(
        till.ctx, receipt_text=receipt_text, recovery=books_recovery(till.engine)
    )
    log_in(qtbot, backend, *ADMIN)
    dialog = ManagerDialog(backend)
    qtbot.addWidget(dialog)
    assert dialog.recover_page is None
    with pytest.raises(ValueError, match="not in tuple"):  # no such page without head office
        dialog.show_page("recover")
