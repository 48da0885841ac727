"""A look at the receipt as the printer prints it, and 重打小票 of any receipt by its number."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain import errors
from frontdesk.ui.function_keys import FunctionKeys
from frontdesk.ui.i18n import error_text
from frontdesk.ui.receipt_paper import ReceiptPaperView
from frontdesk.ui.scanning import mark_scan_field

# Queue a 重印 of this receipt number and return the reprint's lines; refusals are DomainErrors.
Reprint = Callable[[str], Sequence[str]]


class PrinterEvents(QObject):
    """Printer faults reported from the print thread, delivered on the GUI thread.

    It has no parent on purpose: the print queue keeps calling it after a till window closes.

    Signals:
        faulted(object): the printer failed: its `PrinterFault`, said in the window's language.
        recovered(): the printer printed again.
        delivered(str, object): a receipt number and its `Delivery` (printed, or only sent).
    """

    faulted = Signal(object)
    recovered = Signal()
    delivered = Signal(str, object)


class ReceiptPreviewDialog(QDialog):
    """Shows the plain text lines the backend rendered; nothing is recomputed here.

    With a ``reprint`` callback a receipt number field and 重打小票 print any past receipt again.
    """

    def __init__(
        self,
        lines: Sequence[str],
        parent: QWidget | None = None,
        reprint: Reprint | None = None,
        receipt_no: str = "",
    ) -> None:
        super().__init__(parent)
        self._reprint = reprint
        self.text_view = ReceiptPaperView(self)  # in printer cells: the columns line up
        self.text_view.set_lines(lines)
        self.receipt_no_caption = QLabel(self)
        self.receipt_no_edit = QLineEdit(receipt_no, self)
        self.receipt_no_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        mark_scan_field(self.receipt_no_edit)  # the receipt's own barcode, scanned to reprint it
        self.reprint_button = QPushButton(self)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        reprint_row = QHBoxLayout()
        reprint_row.addWidget(self.receipt_no_caption)
        reprint_row.addWidget(self.receipt_no_edit, 1)
        reprint_row.addWidget(self.reprint_button)
        for widget in (self.receipt_no_caption, self.receipt_no_edit, self.reprint_button):
            widget.setVisible(reprint is not None)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.keys = FunctionKeys(self)
        self.keys.bind(self.reprint_button, "F2")
        self.reprint_button.clicked.connect(self._on_reprint_clicked)
        self.receipt_no_edit.returnPressed.connect(self._on_reprint_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_view)
        layout.addLayout(reprint_row)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self.result_label.hide()
        # Enter in the number field reprints; a dialog's default button would reprint twice.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        room = self.screen().availableGeometry()  # the whole dialog on a 1024×768 screen
        self.resize(max(640, self.text_view.sizeHint().width() + 40), min(720, room.height() - 48))
        self._retranslate()

    @classmethod
    def ask(
        cls,
        lines: Sequence[str],
        parent: QWidget | None = None,
        reprint: Reprint | None = None,
        receipt_no: str = "",
    ) -> None:
        cls(lines, parent, reprint, receipt_no).exec()

    def text(self) -> str:
        return self.text_view.text()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The shortcut needs an active window; a key a field passes up works without one.
        if not self.keys.press(event):
            super().keyPressEvent(event)

    @Slot()
    def _on_reprint_clicked(self) -> None:
        if self._reprint is None:
            return
        receipt_no = self.receipt_no_edit.text().strip()
        try:
            lines = self._reprint(receipt_no)
        except errors.DomainError as err:
            self.result_label.setStyleSheet("font-weight: bold; color: #b00020;")
            self.result_label.setText(error_text(err))
        else:
            self.text_view.set_lines(lines)
            self.result_label.setStyleSheet("font-weight: bold; color: #1b5e20;")
            self.result_label.setText(
                self.tr("Receipt {receipt_no} sent to the printer again (reprint)").format(
                    receipt_no=receipt_no
                )
            )
        self.result_label.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Receipt preview"))
        self.receipt_no_caption.setText(self.tr("Receipt number"))
        self.keys.label(self.reprint_button, self.tr("Reprint receipt"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText("Esc " + self.tr("Close"))
