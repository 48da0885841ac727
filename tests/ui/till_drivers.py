"""Ways to answer the till window's own questions in tests: the real dialog, answered by a key."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from frontdesk.domain.program import Program
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.printing_setup import receipt_text
from frontdesk.services.context import TillContext
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.ui.prompts import ConfirmDialog
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.till_window import TillWindow
from tests.builders import PROGRAM, FixedClock
from tests.ui.real_store import TODAY, RealStore

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


def scan(qtbot: QtBot, hub: ScanHub, window: TillWindow, code: str) -> None:
    """A scan from the scanner, waited for until the ticket was repriced."""
    with qtbot.waitSignal(window.ticket_changed):
        hub.deliver(code)


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
