"""A look at the receipt as the printer will print it, before or after it is printed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget


class ReceiptPreviewDialog(QDialog):
    """Shows the plain text lines the backend rendered; nothing is recomputed here."""

    def __init__(self, lines: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_view = QPlainTextEdit(self)
        self.text_view.setReadOnly(True)
        font = QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        font.setFamilies([self.font().family(), font.family()])
        font.setPointSize(self.font().pointSize())
        self.text_view.setFont(font)
        self.text_view.setPlainText("\n".join(lines))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_view)
        layout.addWidget(self.buttons)
        self.resize(520, 640)
        self._retranslate()

    @classmethod
    def ask(cls, lines: Sequence[str], parent: QWidget | None = None) -> None:
        cls(lines, parent).exec()

    def text(self) -> str:
        return self.text_view.toPlainText()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Receipt preview"))
