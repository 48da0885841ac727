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
