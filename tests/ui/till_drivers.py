"""Ways to answer the till window's own questions in tests: the real dialog, answered by a key."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

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


def restarted(real_store: RealStore) -> ServicesTillBackend:
    """The till started again: a new process's backend on the same database file."""
    engine = open_database(real_store.engine_path)
    ctx = TillContext(SqlUnitOfWorkFactory(engine), FixedClock(TODAY), PROGRAM)
    return ServicesTillBackend(ctx, receipt_text=receipt_text)


def scan(qtbot: QtBot, hub: ScanHub, window: TillWindow, code: str) -> None:
    """A scan from the scanner, waited for until the ticket was repriced."""
    with qtbot.waitSignal(window.ticket_changed):
        hub.deliver(code)


def type_code(qtbot: QtBot, window: TillWindow, code: str) -> None:
    """A code typed by hand into the scan field, then Enter."""
    qtbot.keyClicks(window.ui.scan_edit, code)
    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_Return)
