"""会员查询 (F1 at the till): a name, a phone, its last four digits or a card, chosen by keys."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain import errors
from frontdesk.services.till_port import MemberHit, TillBackend
from frontdesk.ui.function_keys import FunctionKeys
from frontdesk.ui.i18n import error_text
from frontdesk.ui.manager.common import ERROR, OK
from frontdesk.ui.manager.member_page import MemberPageDialog
from frontdesk.ui.till_panels import tier_text


def hit_line(hit: MemberHit) -> str:
    """One result: name, phone (masked for a cashier), tier, card, balance and points."""
    card = hit.card_no or QCoreApplication.translate("MemberSearch", "no active card")
    return (
        f"{hit.name}    {hit.phone}    {tier_text(hit.tier, hit.tier_name)}    {card}"
        f"    {hit.balance}    {hit.points:,}"
    )


class MemberSearchDialog(QDialog):
    """Enter searches what was typed; ↑↓ choose; Enter puts the member on the ticket; F2 the page.

    Signals:
        results_changed(): the list was filled again.
    """

    results_changed = Signal()

    def __init__(self, backend: TillBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self.chosen: MemberHit | None = None
        self._found: Sequence[MemberHit] = ()
        self._searched = ""
        self.setMinimumSize(720, 440)
        self.query_edit = QLineEdit(self)
        # Names are typed through a Chinese input method; a scanned card still arrives whole.
        self.query_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.results = QListWidget(self)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the text field
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.keys = FunctionKeys(self)
        self.page_button = QPushButton(self)
        self.keys.bind(self.page_button, "F2")
        self.page_button.clicked.connect(self.open_page)
        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint_label, 1)
        bottom.addWidget(self.page_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query_edit)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(bottom)
        self.query_edit.returnPressed.connect(self._on_return_pressed)
        self.page_button.setAutoDefault(False)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Find a member"))
        self.query_edit.setPlaceholderText(
            self.tr("Mobile number, its last 4 digits, card number or name")
        )
        self.keys.label(self.page_button, self.tr("Member page"))
        self.hint_label.setText(
            self.tr("Enter search   ↑↓ choose   Enter put on the ticket   Esc close")
        )

    @classmethod
    def ask(cls, backend: TillBackend, parent: QWidget | None = None) -> MemberHit | None:
        dialog = cls(backend, parent)
        return dialog.chosen if dialog.exec() else None

    def search(self, text: str) -> None:
        self._searched = text
        self.results.clear()
        try:
            self._found = self._backend.search_members(text)
        except errors.DomainError as err:
            self._found = ()
            self.status_label.setStyleSheet(ERROR)
            self.status_label.setText(error_text(err))
            self.results_changed.emit()
            return
        for hit in self._found:
            self.results.addItem(hit_line(hit))
        self.status_label.setStyleSheet(OK if self._found else ERROR)
        self.status_label.setText(
            self.tr("{count} found").format(count=len(self._found))
            if self._found
            else self.tr("No member found")
        )
        if self._found:
            self.results.setCurrentRow(0)
        self.results_changed.emit()

    def current(self) -> MemberHit | None:
        row = self.results.currentRow()
        return self._found[row] if 0 <= row < len(self._found) else None

    @Slot()
    def _on_return_pressed(self) -> None:
        text = self.query_edit.text()
        if text != self._searched or not self._found:
            self.search(text)
            return
        hit = self.current()
        if hit is not None and hit.card_no is None:
            self.status_label.setStyleSheet(ERROR)
            self.status_label.setText(
                self.tr("{name} has no active card: see the member page (F2)").format(name=hit.name)
            )
            return
        self.chosen = hit
        self.accept()

    @Slot()
    def open_page(self) -> None:
        hit = self.current()
        if hit is not None:
            MemberPageDialog.ask(self._backend, hit.member_id, self)
            self.query_edit.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The text field passes Up, Down and the function keys up to here.
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
        if step is not None and self._found:
            row = max(0, min(len(self._found) - 1, self.results.currentRow() + step))
            self.results.setCurrentRow(row)
            return
        if self.keys.press(event):
            return
        super().keyPressEvent(event)
