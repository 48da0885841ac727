"""The product search over the till (Ctrl+F): type a name, pinyin or barcode, pick with the keys."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain.pricing import Product
from frontdesk.services.till_port import TillBackend


class ProductSearchDialog(QDialog):
    """Typing filters the list, Up/Down choose, Enter takes the product, Esc closes.

    Signals:
        results_changed(): the list was filled again for the text typed.
    """

    results_changed = Signal()

    def __init__(self, backend: TillBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self.chosen: Product | None = None
        self._found: Sequence[Product] = ()
        self.setWindowTitle(self.tr("Find a product"))
        self.setMinimumSize(560, 420)
        self.query_edit = QLineEdit(self)
        # Unlike the scan field, this one is typed by a person: Chinese input methods work here.
        self.query_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.query_edit.setPlaceholderText(self.tr("Name, pinyin initials (dm), pinyin or barcode"))
        self.results = QListWidget(self)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the text field
        self.hint_label = QLabel(self)
        self.hint_label.setText(self.tr("↑↓ choose   Enter add to the ticket   Esc close"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.query_edit)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint_label)
        self.query_edit.textChanged.connect(self._on_text_changed)
        self.query_edit.returnPressed.connect(self._take)
        backend.reload_product_search()

    @classmethod
    def ask(cls, backend: TillBackend, parent: QWidget | None = None) -> Product | None:
        dialog = cls(backend, parent)
        return dialog.chosen if dialog.exec() else None

    @Slot(str)
    def _on_text_changed(self, text: str) -> None:
        self._found = self._backend.search_products(text) if text.strip() else ()
        self.results.clear()
        for p in self._found:
            item = QListWidgetItem(f"{p.name}    {p.unit_price}    {p.barcode}")
            self.results.addItem(item)
        if self._found:
            self.results.setCurrentRow(0)
        elif text.strip():
            self.results.addItem(self.tr("No product found"))
        self.results_changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The text field passes Up and Down up to here; they move through the results.
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
        if step is not None and self._found:
            row = max(0, min(len(self._found) - 1, self.results.currentRow() + step))
            self.results.setCurrentRow(row)
            return
        super().keyPressEvent(event)

    @Slot()
    def _take(self) -> None:
        row = self.results.currentRow()
        if 0 <= row < len(self._found):
            self.chosen = self._found[row]
            self.accept()
