"""Ways to drive the till's dialogs in tests without exec(): open them non-modally and click."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from frontdesk.domain.money import Fen
from frontdesk.services.till_port import ApprovalAction, ShiftView, StaffSession, TillBackend
from frontdesk.ui.approval import ApprovalDialog
from frontdesk.ui.login import LoginDialog, OpenShiftDialog
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.till_window import TillWindow
from tests.ui.real_store import CASHIER_NO, CASHIER_PIN, MANAGER_NO, MANAGER_PIN


def log_in(
    qtbot: QtBot, backend: TillBackend, staff_no: str = CASHIER_NO, pin: str = CASHIER_PIN
) -> StaffSession:
    dialog = LoginDialog(backend)
    qtbot.addWidget(dialog)
    dialog.show()  # Enter reaches the default button only on a visible dialog
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.ui.staff_no_edit, staff_no)
    qtbot.keyClicks(dialog.ui.pin_edit, pin)
    with qtbot.waitSignal(dialog.logged_in):
        qtbot.keyClick(dialog.ui.pin_edit, Qt.Key.Key_Return)
    assert dialog.session is not None
    return dialog.session


def open_shift(qtbot: QtBot, backend: TillBackend, session: StaffSession) -> ShiftView:
    dialog = OpenShiftDialog(backend, session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.ui.float_edit, "500.00")
    with qtbot.waitSignal(dialog.shift_opened):
        qtbot.keyClick(dialog.ui.float_edit, Qt.Key.Key_Return)
    assert dialog.shift is not None
    return dialog.shift


def till_window(
    qtbot: QtBot,
    backend: TillBackend,
    hub: ScanHub,
    staff_no: str = CASHIER_NO,
    pin: str = CASHIER_PIN,
) -> TillWindow:
    session = log_in(qtbot, backend, staff_no, pin)
    shift = open_shift(qtbot, backend, session)
    window = TillWindow(backend, hub, session, shift)
    qtbot.addWidget(window)
    return window


class ManagerAtHand:
    """Stands in for ApprovalDialog.ask: a manager who types their own number and PIN."""

    def __init__(self, qtbot: QtBot, pin: str = MANAGER_PIN, manager_no: str = MANAGER_NO) -> None:
        self.qtbot = qtbot
        self.pin = pin
        self.manager_no = manager_no
        self.asked: list[tuple[ApprovalAction, str, Fen | None]] = []

    def __call__(
        self,
        parent: object,
        backend: TillBackend,
        action: ApprovalAction,
        subject: str,
        amount: Fen | None,
    ) -> str | None:
        self.asked.append((action, subject, amount))
        dialog = ApprovalDialog(backend, action, subject, amount)
        self.qtbot.addWidget(dialog)
        self.qtbot.keyClicks(dialog.ui.manager_no_edit, self.manager_no)
        self.qtbot.keyClicks(dialog.ui.pin_edit, self.pin)
        dialog.ui.approve_button.click()
        return dialog.approval_id
