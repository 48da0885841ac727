"""Ways to drive the till's dialogs in tests without exec(): open them non-modally and click."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from frontdesk.domain.approvals import ApprovalBinding
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import PricedTicket
from frontdesk.services.till_port import (
    ApprovalAction,
    Committed,
    MemberView,
    SaleResult,
    Shift,
    StaffSession,
    TicketDraft,
    TillBackend,
)
from frontdesk.ui.approval import ApprovalDialog
from frontdesk.ui.login import LoginDialog, OpenShiftDialog
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.tender import TenderDialog
from frontdesk.ui.till_window import TillWindow
from tests.ui.real_store import CASHIER_NO, CASHIER_PIN, MANAGER_NO, MANAGER_PIN, MEMBER_PIN


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


def open_shift(qtbot: QtBot, backend: TillBackend, session: StaffSession) -> Shift:
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
        binding: ApprovalBinding | None = None,
    ) -> str | None:
        self.asked.append((action, subject, amount))
        dialog = ApprovalDialog(backend, action, subject, amount, binding=binding)
        self.qtbot.addWidget(dialog)
        self.qtbot.keyClicks(dialog.ui.manager_no_edit, self.manager_no)
        self.qtbot.keyClicks(dialog.ui.pin_edit, self.pin)
        dialog.ui.approve_button.click()
        return dialog.approval_id


TenderAsk = Callable[..., Committed[SaleResult] | None]


def paying(qtbot: QtBot, pay: Callable[[TenderDialog], None], *, shown: bool = False) -> TenderAsk:
    """Stands in for TenderDialog.ask: a real tender dialog, where `pay` does the cashier's part.

    With ``shown`` the dialog is on screen, so Enter reaches its default button.
    """

    def ask(
        backend: TillBackend,
        draft: TicketDraft,
        priced: PricedTicket,
        member: MemberView | None,
        parent: object = None,
    ) -> Committed[SaleResult] | None:
        dialog = TenderDialog(backend, draft, priced, member)
        qtbot.addWidget(dialog)
        if shown:
            dialog.show()
            qtbot.waitExposed(dialog)
        pay(dialog)
        return dialog.result_

    return ask


def cash(qtbot: QtBot, amount: str = "100") -> TenderAsk:
    """The cashier types a cash amount and confirms."""

    def pay(dialog: TenderDialog) -> None:
        qtbot.keyClicks(dialog.ui.amount_edit, amount)
        dialog.ui.confirm_button.click()

    return paying(qtbot, pay)


def stored_value_and_cash(qtbot: QtBot, stored: str, cash: str) -> TenderAsk:
    """The member pays `stored` from stored value with the PIN on the pad, the rest in cash."""

    def pay(dialog: TenderDialog) -> None:
        qtbot.keyClicks(dialog.ui.amount_edit, stored)
        dialog.ui.stored_value_button.click()
        for digit in MEMBER_PIN:
            getattr(dialog.ui, f"pin_{digit}_button").click()
        qtbot.keyClicks(dialog.ui.amount_edit, cash)
        dialog.ui.cash_button.click()
        with qtbot.waitSignal(dialog.checked_out):
            dialog.ui.confirm_button.click()

    return paying(qtbot, pay)
