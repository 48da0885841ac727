"""The manager area's staff page, by keys alone, on the real store: the services decide."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from frontdesk.domain import errors
from frontdesk.services import staff
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.ui.manager import ManagerDialog
from frontdesk.ui.manager.staff import StaffPage
from tests.ui.drivers import log_in, open_shift
from tests.ui.real_store import CASHIER_NO, CASHIER_PIN, MANAGER_NO, MANAGER_PIN, RealStore


@pytest.fixture
def page(qtbot: QtBot, backend: ServicesTillBackend) -> tuple[ManagerDialog, StaffPage]:
    open_shift(qtbot, backend, log_in(qtbot, backend))
    dialog = ManagerDialog(backend)
    qtbot.addWidget(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert dialog.stack.currentWidget() is dialog.staff_page
    return dialog, dialog.staff_page


def _sign_in(qtbot: QtBot, p: StaffPage, staff_no: str, pin: str) -> None:
    p.operator_edit.clear()
    qtbot.keyClicks(p.operator_edit, staff_no)
    qtbot.keyClicks(p.operator_pin_edit, pin)
    qtbot.keyClick(p.operator_pin_edit, Qt.Key.Key_Return)


def _press(qtbot: QtBot, p: StaffPage, key: Qt.Key) -> str:
    qtbot.keyClick(p.staff_no_edit, key)
    return p.result_label.text()


def _target(qtbot: QtBot, p: StaffPage, staff_no: str) -> None:
    p.staff_no_edit.clear()
    qtbot.keyClicks(p.staff_no_edit, staff_no)


def _listed(p: StaffPage) -> list[str]:
    return [p.staff_list.item(i).text() for i in range(p.staff_list.count())]


@pytest.mark.usefixtures("zh")
def test_a_cashier_is_refused_a_manager_unlocks_a_cashier_and_an_admin_adds_staff(
    qtbot: QtBot, page: tuple[ManagerDialog, StaffPage], real_store: RealStore
) -> None:
    _, p = page
    assert "先登录" in _press(qtbot, p, Qt.Key.Key_F5)

    # A cashier may not even list the staff, let alone add a manager.
    _sign_in(qtbot, p, CASHIER_NO, CASHIER_PIN)
    assert "店长" in p.result_label.text()
    _target(qtbot, p, "6666")
    p.name_edit.insert("影子")  # Chinese arrives through the IME, not keys
    p.role_combo.setCurrentIndex(1)
    qtbot.keyClicks(p.pin_edit, "6666")
    said = _press(qtbot, p, Qt.Key.Key_F2)
    assert "管理员" in said
    with pytest.raises(errors.DomainError):
        staff.login(real_store.till.ctx, "6666", "6666")

    # Five wrong PINs lock the cashier; the manager unlocks them from the page.
    for _ in range(5):
        with pytest.raises(errors.DomainError):
            staff.login(real_store.till.ctx, CASHIER_NO, "0000")
    _sign_in(qtbot, p, MANAGER_NO, MANAGER_PIN)
    assert any(line.startswith(CASHIER_NO) and "已锁定" in line for line in _listed(p))
    _target(qtbot, p, CASHIER_NO)
    assert "已解锁" in _press(qtbot, p, Qt.Key.Key_F6)
    assert staff.login(real_store.till.ctx, CASHIER_NO, CASHIER_PIN).staff_no == CASHIER_NO
    # …and may not raise their own role.
    _target(qtbot, p, MANAGER_NO)
    p.role_combo.setCurrentIndex(2)
    assert "角色" in _press(qtbot, p, Qt.Key.Key_F8)
    assert staff.login(real_store.till.ctx, MANAGER_NO, MANAGER_PIN).role == "manager"

    # The admin adds a cashier, disables and enables them, and resets their PIN.
    _sign_in(qtbot, p, "9001", "9001")
    _target(qtbot, p, "1002")
    p.name_edit.clear()
    p.name_edit.insert("周收银")  # Chinese arrives through the IME, not keys
    p.role_combo.setCurrentIndex(0)
    p.pin_edit.clear()
    qtbot.keyClicks(p.pin_edit, "2468")
    assert "已添加" in _press(qtbot, p, Qt.Key.Key_F2)
    assert any("周收银" in line for line in _listed(p))
    assert "已停用" in _press(qtbot, p, Qt.Key.Key_F3)
    with pytest.raises(errors.DomainError):
        staff.login(real_store.till.ctx, "1002", "2468")
    assert "已启用" in _press(qtbot, p, Qt.Key.Key_F4)
    qtbot.keyClicks(p.pin_edit, "1357")
    assert "密码已重置" in _press(qtbot, p, Qt.Key.Key_F7)
    assert staff.login(real_store.till.ctx, "1002", "1357").staff_no == "1002"
