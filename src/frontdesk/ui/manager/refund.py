"""退货 by line: the receipt's lines, what was refunded, what this refund moves; then approve."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain import errors, messages
from frontdesk.domain.ledger import Bucket
from frontdesk.domain.money import Fen
from frontdesk.services.till_port import ApprovalAction, RefundPreview, TillBackend
from frontdesk.ui.committed import Request
from frontdesk.ui.i18n import Translations, error_text
from frontdesk.ui.manager.common import ManagerPage, column_title, show, show_done

ModelIndex = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class RefundLinesModel(QAbstractTableModel):
    """The sale's lines: sold, refunded before, left, and the quantity picked for this refund."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.preview: RefundPreview | None = None
        self.wanted: dict[int, int] = {}

    def set_preview(self, preview: RefundPreview | None) -> None:
        self.beginResetModel()
        self.preview = preview
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.preview is None else len(self.preview.lines)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if self.preview is None or not index.isValid():
            return None
        if not 0 <= index.row() < len(self.preview.lines):
            return None
        line = self.preview.lines[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() != 1:
            return _RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        picked = self.wanted.get(line.line_no, 0)
        values = (
            str(line.line_no),
            line.name,
            str(line.sold),
            str(line.refunded) if line.refunded else "",
            str(line.left),
            str(picked) if picked else "",
            str(line.net),
        )
        return values[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        titles = (
            self.tr("No."),
            self.tr("Item"),
            self.tr("Sold"),
            self.tr("Refunded"),
            self.tr("Left"),
            self.tr("Refund now"),
            self.tr("Paid"),
        )
        return column_title(titles, section, orientation, role)


class RefundPage(ManagerPage):
    """退货: the receipt's lines, picked by keys; what will move is shown; F2 approves.

    Space takes all of a line (or none), + and − one more or less, F3 every line; F2 with
    nothing picked refunds everything left, the manager approving the amount shown.

    Signals:
        receipt_issued(object): the refund's Receipt.
        preview_changed(): the lines or the plan on screen changed.
    """

    receipt_issued = Signal(object)
    preview_changed = Signal()

    def __init__(self, backend: TillBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._request = Request()  # the request's transaction id until its result is shown
        self._backend = backend
        form = QFormLayout()
        self.receipt_caption, self.receipt_edit = QLabel(self), QLineEdit(self)
        self.receipt_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        form.addRow(self.receipt_caption, self.receipt_edit)
        self.model = RefundLinesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # names get the width
        self.table.installEventFilter(self)
        self.plan_label = QLabel(self)
        self.plan_label.setWordWrap(True)
        self.plan_label.setStyleSheet("font-size: 15pt;")
        self.all_button = QPushButton(self)
        self.refund_button = QPushButton(self)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.receipt_view = QPlainTextEdit(self)
        self.receipt_view.setReadOnly(True)
        self.receipt_view.setMaximumHeight(160)
        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint_label, 1)
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.refund_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.plan_label)
        layout.addLayout(buttons)
        layout.addWidget(self.result_label)
        layout.addWidget(self.receipt_view)
        self.keys.bind(self.refund_button, "F2")
        self.keys.bind(self.all_button, "F3")
        self.refund_button.clicked.connect(self._on_refund_clicked)
        self.all_button.clicked.connect(self.pick_all)
        self.receipt_edit.returnPressed.connect(self.load)
        self._retranslate()

    def _retranslate(self) -> None:
        self.receipt_caption.setText(self.tr("Receipt number"))
        self.keys.label(self.refund_button, self.tr("Approve and refund"))
        self.keys.label(self.all_button, self.tr("All lines"))
        self.hint_label.setText(self.tr("↑↓ line   Space all of it / none   + − one more / less"))
        self._show_plan()

    # -- picking ------------------------------------------------------------------------------

    @Slot()
    def load(self) -> None:
        """Show the receipt's lines, nothing picked yet; the cursor goes to the first line."""
        self.model.wanted = {}
        self.receipt_view.clear()
        self.result_label.clear()
        if not self._preview():
            self.model.set_preview(None)
            self._show_plan()
            return
        self.table.setFocus()
        self.table.selectRow(0)

    def _preview(self) -> bool:
        try:
            preview = self._backend.refund_preview(self.receipt_edit.text(), self.model.wanted)
        except errors.DomainError as err:
            show(self.result_label, error_text(err), error=True)
            self.preview_changed.emit()
            return False
        row = self.table.currentIndex().row()
        self.model.set_preview(preview)
        if row >= 0:
            self.table.selectRow(row)
        self._show_plan()
        self.preview_changed.emit()
        return True

    def set_quantity(self, row: int, quantity: int) -> None:
        preview = self.model.preview
        if preview is None or not 0 <= row < len(preview.lines):
            return
        line = preview.lines[row]
        before = dict(self.model.wanted)
        self.model.wanted[line.line_no] = max(0, min(line.left, quantity))
        if not self._preview():
            self.model.wanted = before

    @Slot()
    def pick_all(self) -> None:
        preview = self.model.preview
        if preview is None:
            return
        self.model.wanted = {ln.line_no: ln.left for ln in preview.lines if ln.left}
        self._preview()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and self._table_key(event)
        ):
            return True
        return super().eventFilter(watched, event)

    def _table_key(self, event: QKeyEvent) -> bool:
        preview, row = self.model.preview, self.table.currentIndex().row()
        if preview is None or not 0 <= row < len(preview.lines):
            return False
        line = preview.lines[row]
        picked = self.model.wanted.get(line.line_no, 0)
        key = Qt.Key(event.key())
        if key == Qt.Key.Key_Space:
            self.set_quantity(row, 0 if picked else line.left)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.set_quantity(row, picked + 1)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.set_quantity(row, picked - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_refund_clicked()
        else:
            return self.keys.press(event)
        return True

    # -- the plan -----------------------------------------------------------------------------

    def _show_plan(self) -> None:
        self.plan_label.setText(self.plan_text())

    def plan_text(self) -> str:
        """What the picked lines move: money by tender, stored-value buckets, points."""
        preview = self.model.preview
        if preview is None:
            return self.tr("Scan or type the receipt number and press Enter")
        head = self.tr("Receipt {receipt_no} of {at}, total {total}").format(
            receipt_no=preview.receipt_no,
            at=f"{preview.sold_at:%Y-%m-%d %H:%M}",
            total=preview.total,
        )
        if preview.member_name:
            head += self.tr(", member {name}").format(name=preview.member_name)
        plan = preview.plan
        if plan is None:
            return head + "\n" + self.tr("Pick the lines to refund")
        lang = Translations.current()
        tenders = "  ".join(
            f"{messages.label(t.kind, lang, 'TenderKind')} {-t.amount}" for t in plan.tenders
        )
        parts = [
            head,
            self.tr("Refund {amount}: {tenders}").format(amount=plan.amount, tenders=tenders),
        ]
        buckets = {Bucket.PRINCIPAL: Fen(0), Bucket.BONUS: Fen(0)}
        for move in plan.moves:
            if move.bucket in buckets:
                buckets[move.bucket] += Fen(move.amount)
        reversed_points, restored_points = plan.points_reversed, plan.points_restored
        if any(v.value for v in buckets.values()):
            parts.append(
                self.tr("Back to stored value: principal {principal}, bonus {bonus}").format(
                    principal=buckets[Bucket.PRINCIPAL], bonus=buckets[Bucket.BONUS]
                )
            )
        if reversed_points or restored_points:
            parts.append(
                self.tr(
                    "Points: {reversed} earned taken back, {restored} redeemed given back"
                ).format(reversed=f"{reversed_points:,}", restored=f"{restored_points:,}")
            )
        return "\n".join(parts)

    # -- refunding ----------------------------------------------------------------------------

    @Slot()
    def _on_refund_clicked(self) -> None:
        receipt_no = self.receipt_edit.text().strip()
        if self.model.preview is None or self.model.preview.receipt_no != receipt_no:
            self.load()
        if self.model.preview is not None and self.model.preview.plan is None:
            self.pick_all()
        preview = self.model.preview
        if preview is None or preview.plan is None:
            if preview is not None:
                show(self.result_label, self.tr("Pick the lines to refund"), error=True)
            return
        wanted = dict(preview.plan.wanted)
        txn_id = self._request.txn_id((receipt_no, tuple(sorted(wanted.items()))))
        result = self.approved(
            ApprovalAction.REFUND,
            receipt_no,
            lambda approval: self._backend.refund(receipt_no, approval, txn_id, wanted),
        )
        if result is None:
            return
        self._request.done()
        self.receipt_view.setPlainText("\n".join(result.receipt_lines))
        self.model.wanted = {}
        self._preview()
        show_done(
            self.result_label,
            self.tr("Refunded {amount} for {receipt_no}").format(
                amount=result.done.amount, receipt_no=result.done.original.receipt_no
            ),
            result.receipt_failed,
        )
        self.receipt_issued.emit(result.receipt)
