"""交班: the shift's reconciliation and its report."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain import errors
from frontdesk.domain.money import Fen
from frontdesk.domain.tendering import asks_first
from frontdesk.services.till_port import Committed, ShiftReport, TillBackend
from frontdesk.ui.function_keys import KeyedPage
from frontdesk.ui.i18n import error_text
from frontdesk.ui.manager.common import show
from frontdesk.ui.prompts import ConfirmDialog


class ShiftClosePage(KeyedPage):
    """交班: count the drawer, see over/short against what the till expected.

    Signals:
        shift_closed(object): the closed shift's Committed[ShiftReport].
        receipt_issued(object): the shift report's Receipt (交班报表).
    """

    shift_closed = Signal(object)
    receipt_issued = Signal(object)

    def __init__(self, backend: TillBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        form = QFormLayout()
        self.counted_caption, self.counted_edit = QLabel(self), QLineEdit(self)
        form.addRow(self.counted_caption, self.counted_edit)
        self.close_button = QPushButton(self)
        figures = QGridLayout()
        self.expected_caption, self.expected_value = QLabel(self), QLabel(self)
        self.counted_value_caption, self.counted_value = QLabel(self), QLabel(self)
        self.over_short_caption, self.over_short_value = QLabel(self), QLabel(self)
        for row, (caption, value) in enumerate(
            (
                (self.expected_caption, self.expected_value),
                (self.counted_value_caption, self.counted_value),
                (self.over_short_caption, self.over_short_value),
            )
        ):
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setStyleSheet("font-size: 20pt; font-weight: bold;")
            figures.addWidget(caption, row, 0)
            figures.addWidget(value, row, 1)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.report_view = QPlainTextEdit(self)
        self.report_view.setReadOnly(True)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(figures)
        layout.addWidget(self.result_label)
        layout.addWidget(self.report_view, 1)
        self.keys.bind(self.close_button, "F2")
        self.close_button.clicked.connect(self._on_close_clicked)
        self.counted_edit.returnPressed.connect(self._on_close_clicked)
        self._retranslate()

    def _retranslate(self) -> None:
        self.counted_caption.setText(self.tr("Counted cash (yuan)"))
        self.keys.label(self.close_button, self.tr("Close shift"))
        self.expected_caption.setText(self.tr("Expected in the drawer"))
        self.counted_value_caption.setText(self.tr("Counted"))
        self.over_short_caption.setText(self.tr("Over (+) / short (−)"))

    @Slot()
    def _on_close_clicked(self) -> None:
        text = self.counted_edit.text().strip()
        try:
            counted = Fen.of(text)
        except ValueError:
            show(self.result_label, error_text(errors.InvalidAmount(amount=text)), error=True)
            return
        if not self._over_short_confirmed(counted):
            return
        try:
            report = self._backend.close_shift(counted)
        except errors.DomainError as err:
            show(self.result_label, error_text(err), error=True)
            return
        self.render_report(report)
        self.receipt_issued.emit(report.receipt)
        self.shift_closed.emit(report)

    def _over_short_confirmed(self, counted: Fen) -> bool:
        """An over/short past the program's limit is read back before the shift closes."""
        try:
            expected = self._backend.shift_report_so_far().done.expected_cash
        except errors.DomainError:
            return True  # no shift to close: close_shift says so
        over = counted - expected
        if not asks_first(over, self._backend.counter_rules().confirm_over_short_above):
            return True
        question = self.tr(
            "Expected {expected}, counted {counted}: {over_short} {amount}. Close the shift?"
        ).format(
            expected=expected,
            counted=counted,
            over_short=self.tr("over") if over.value > 0 else self.tr("short"),
            amount=Fen(abs(over.value)),
        )
        return ConfirmDialog.ask(self, self.tr("Close shift"), question, default_yes=False)

    def render_report(self, closed: Committed[ShiftReport]) -> None:
        report = closed.done
        self.expected_value.setText(str(report.expected_cash))
        self.counted_value.setText(str(report.counted_cash))
        over = report.over_short
        self.over_short_value.setText(("+" if over.value > 0 else "") + str(over))
        colour = "#1b5e20" if over.value == 0 else "#b00020"
        self.over_short_value.setStyleSheet(f"font-size: 20pt; font-weight: bold; color: {colour};")
        self.report_view.setPlainText("\n".join(closed.receipt_lines))
        show(self.result_label, self.tr("Shift closed"))
