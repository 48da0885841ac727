"""The keystrokes of the till's tests, in one place: a cashier's and a manager's hands.

Dialogs are driven without exec() (opened non-modally, then keys and clicks); the window by the
scanner (`scan`, `show_member`), the keyboard (`type_code`, `type_keys`) and its buttons (`pay`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from frontdesk.domain.approvals import ApprovalBinding
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import PricedTicket
from frontdesk.domain.program import Program
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.printing_setup import receipt_text
from frontdesk.services.context import TillContext
from frontdesk.services.till_facade import ServicesTillBackend
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
from frontdesk.ui.manager import ManagerDialog
from frontdesk.ui.prompts import ConfirmDialog, PromptDialog
from frontdesk.ui.receipt import ReceiptPreviewDialog
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.tender import TenderDialog
from frontdesk.ui.till_window import TillWindow
from tests.builders import PROGRAM, FixedClock
from tests.ui.real_store import (
    CASHIER_NO,
    CASHIER_PIN,
    MANAGER_NO,
    MANAGER_PIN,
    MEMBER_PIN,
    TODAY,
    RealStore,
)


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


Ask = Callable[..., bool]
# A key press: a key, characters typed one by one, or a key with a modifier (Ctrl+J).
Key = Qt.Key | str | tuple[Qt.Key, Qt.KeyboardModifier]


def answering(qtbot: QtBot, key: Qt.Key, asked: list[str]) -> Ask:
    """Stands in for ConfirmDialog.ask: the question on screen, answered by `key` (Enter/Esc)."""

    def ask(parent: QWidget | None, title: str, text: str, default_yes: bool = True) -> bool:
        dialog = ConfirmDialog(parent, title, text, default_yes)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        asked.append(text)
        qtbot.keyClick(dialog, key)
        return dialog.answered_yes()

    return ask


def restarted(real_store: RealStore, program: Program = PROGRAM) -> ServicesTillBackend:
    """The till started again: a new process's backend on the same database file."""
    engine = open_database(real_store.engine_path)
    ctx = TillContext(SqlUnitOfWorkFactory(engine), FixedClock(TODAY), program)
    return ServicesTillBackend(ctx, receipt_text=receipt_text)


def scan(qtbot: QtBot, hub: ScanHub, window: TillWindow, *codes: str) -> None:
    """Scans from the scanner, each waited for until the ticket was repriced."""
    for code in codes:
        with qtbot.waitSignal(window.ticket_changed):
            hub.deliver(code)


def show_member(qtbot: QtBot, hub: ScanHub, window: TillWindow, card: str) -> None:
    """A member card scanned, waited for until the member panel shows its holder."""
    with qtbot.waitSignal(window.member_changed):
        hub.deliver(card)


def refused_card(qtbot: QtBot, hub: ScanHub, window: TillWindow, card: str) -> str:
    """A card the window refuses, scanned: what its red banner says."""
    with qtbot.waitSignal(window.card_refused) as refused:
        hub.deliver(card)
    [said] = refused.args
    assert isinstance(said, str)
    return said


def fill_registration(qtbot: QtBot, manager: ManagerDialog, phone: str, name: str) -> None:
    """会员注册 typed in on the manager screens (PIN 582046, terms accepted), not yet sent."""
    register = manager.register_page.ui
    qtbot.keyClicks(register.phone_edit, phone)
    register.name_edit.insert(name)  # Chinese arrives through the IME, not keys
    qtbot.keyClicks(register.pin_edit, "582046")
    qtbot.keyClicks(manager.register_page.pin_confirm_edit, "582046")
    register.consent_terms_check.setChecked(True)


def register_member(
    qtbot: QtBot, manager: ManagerDialog, phone: str = "13700001111", name: str = "王芳"
) -> MemberView:
    """会员注册 on the manager screens, sent: the member made."""
    fill_registration(qtbot, manager, phone, name)
    with qtbot.waitSignal(manager.register_page.member_registered) as registered:
        manager.register_page.ui.register_button.click()
    member = registered.args[0]
    assert isinstance(member, MemberView)
    return member


def ctrl(qtbot: QtBot, window: TillWindow, key: Qt.Key) -> None:
    """Ctrl+key in the scan field (Ctrl+G 挂单, Ctrl+Q 取单)."""
    qtbot.keyClick(window.ui.scan_edit, key, Qt.KeyboardModifier.ControlModifier)


def pay(qtbot: QtBot, window: TillWindow) -> Committed[SaleResult]:
    """The pay button, waited for until the sale completed: the committed sale."""
    with qtbot.waitSignal(window.sale_completed) as sale:
        window.ui.pay_button.click()
    result = sale.args[0]
    assert isinstance(result, Committed)
    assert isinstance(result.done, SaleResult)
    return result


def previews(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every receipt preview the window opens, as its text, instead of the dialog."""
    shown: list[str] = []
    monkeypatch.setattr(
        ReceiptPreviewDialog, "ask", lambda lines, *_: shown.append("\n".join(lines))
    )
    return shown


def squeezed(text: str) -> str:
    """Receipt text with the layout's padding folded to single spaces, line by line."""
    return "\n".join(" ".join(line.split()) for line in text.splitlines())


def answering_int(monkeypatch: pytest.MonkeyPatch, number: int) -> None:
    """Every number the window asks for (quantity, points blocks) is answered with ``number``."""
    monkeypatch.setattr(PromptDialog, "ask_int", lambda *args: number)


def type_code(qtbot: QtBot, window: TillWindow, code: str) -> None:
    """A code typed by hand into the scan field, then Enter."""
    qtbot.keyClicks(window.ui.scan_edit, code)
    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_Return)


class Typist:
    """A cashier at the real window: one key after another, into whatever has the focus.

    Each key goes to the focused field of the dialog on top (the payment screen, a question) or
    to the till's scan field. A key that opens a modal dialog does not return until it closes,
    so every next key is sent from a timer of its own, inside that dialog's event loop.
    """

    def __init__(self, window: TillWindow, keys: Sequence[Key]) -> None:
        self._window = window
        self._keys = list(keys)
        self.pressed = 0
        self.done = False

    def start(self) -> None:
        QTimer.singleShot(0, self._next)

    def _next(self) -> None:
        if not self._keys:
            self.done = True
            return
        key = self._keys.pop(0)
        QTimer.singleShot(5, self._next)  # before the key: it may open a dialog and wait
        modal = QApplication.activeModalWidget()
        target: QWidget = self._window.ui.scan_edit
        if modal is not None:
            focused: QWidget | None = modal.focusWidget()
            target = modal if focused is None else focused
        self.pressed += 1
        if isinstance(key, str):
            QTest.keyClicks(target, key)
        elif isinstance(key, tuple):
            QTest.keyClick(target, key[0], key[1])
        else:
            QTest.keyClick(target, key)


def type_keys(qtbot: QtBot, window: TillWindow, keys: Sequence[Key]) -> int:
    """Press `keys` at the real window and wait until they are all pressed; returns the count.

    A str counts one key per character (digits typed one by one).
    """
    typist = Typist(window, keys)
    typist.start()
    qtbot.waitUntil(lambda: typist.done and QApplication.activeModalWidget() is None)
    return sum(len(k) if isinstance(k, str) else 1 for k in keys)
