"""退货: a whole receipt refunded with a manager's approval."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.services.till_port import ApprovalAction, TillBackend
from frontdesk.ui.committed import Request
from frontdesk.ui.manager.common import ManagerPage, show_done


class RefundPage(ManagerPage):
    """Refund a whole receipt by its number, with a manager's approval of its amount.

    Signals:
        receipt_issued(object): the refund's Receipt.
    """

    receipt_issued = Signal(object)

    def __init__(self, backend: TillBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._request = Request()  # the request's transaction id until its result is shown
        self._backend = backend
        form = QFormLayout()
        self.receipt_caption, self.receipt_edit = QLabel(self), QLineEdit(self)
        form.addRow(self.receipt_caption, self.receipt_edit)
        self.refund_button = QPushButton(self)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.receipt_view = QPlainTextEdit(self)
        self.receipt_view.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.refund_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.result_label)
        layout.addWidget(self.receipt_view, 1)
        self.keys.bind(self.refund_button, "F2")
        self.refund_button.clicked.connect(self._on_refund_clicked)
        self.receipt_edit.returnPressed.connect(self._on_refund_clicked)
        self._retranslate()

    def _retranslate(self) -> None:
        self.receipt_caption.setText(self.tr("Receipt number"))
        self.keys.label(self.refund_button, self.tr("Refund the receipt"))

    @Slot()
    def _on_refund_clicked(self) -> None:
        receipt_no = self.receipt_edit.text().strip()
        txn_id = self._request.txn_id(receipt_no)
        result = self.approved(
            ApprovalAction.REFUND,
            receipt_no,
            lambda approval: self._backend.refund(receipt_no, approval, txn_id),
        )
        if result is not None:
            self._request.done()
            show_done(
                self.result_label,
                self.tr("Refunded {amount} for {receipt_no}").format(
                    amount=result.amount, receipt_no=result.receipt_no
                ),
                result.receipt_failed,
            )
            self.receipt_view.setPlainText("\n".join(result.receipt_lines))
            self.receipt_issued.emit(result.receipt)
