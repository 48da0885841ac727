"""The audit log page: who did what, approved by whom, in words and names, with filters."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain import errors, messages
from frontdesk.domain.money import Fen
from frontdesk.services.till_port import AuditFilter, AuditRow, TillBackend
from frontdesk.ui.function_keys import KeyedPage
from frontdesk.ui.i18n import Translations, error_text
from frontdesk.ui.manager.common import column_title, show

ModelIndex = QModelIndex | QPersistentModelIndex


def _lang() -> str:
    return "zh_CN" if Translations.current() == "zh_CN" else "en"


def action_text(code: str) -> str:
    """An action code as the person reads it (挂失, not card_report_lost)."""
    return messages.label(code, _lang(), "AuditAction")


_MONEY_KEYS = {"bonus", "bonus_forfeited", "expected_cash", "over_short"}  # integer fen


def _t(text: str) -> str:
    return QCoreApplication.translate("AuditLog", text)


def detail_words() -> dict[str, str]:
    """The detail keys the audit screen names; another key is shown as it is."""
    words = {
        "bonus": QT_TRANSLATE_NOOP("AuditLog", "bonus"),
        "bonus_forfeited": QT_TRANSLATE_NOOP("AuditLog", "bonus forfeited"),
        "card_no": QT_TRANSLATE_NOOP("AuditLog", "card"),
        "expected_cash": QT_TRANSLATE_NOOP("AuditLog", "expected cash"),
        "for": QT_TRANSLATE_NOOP("AuditLog", "for"),
        "from": QT_TRANSLATE_NOOP("AuditLog", "from"),
        "lines": QT_TRANSLATE_NOOP("AuditLog", "lines"),
        "marketing_consent": QT_TRANSLATE_NOOP("AuditLog", "marketing consent"),
        "member_id": QT_TRANSLATE_NOOP("AuditLog", "member"),
        "new_card": QT_TRANSLATE_NOOP("AuditLog", "new card"),
        "operator": QT_TRANSLATE_NOOP("AuditLog", "operator"),
        "over_short": QT_TRANSLATE_NOOP("AuditLog", "over/short"),
        "points": QT_TRANSLATE_NOOP("AuditLog", "points"),
        "reason": QT_TRANSLATE_NOOP("AuditLog", "reason"),
        "receipt_no": QT_TRANSLATE_NOOP("AuditLog", "receipt"),
        "refund_receipt": QT_TRANSLATE_NOOP("AuditLog", "refund receipt"),
        "state": QT_TRANSLATE_NOOP("AuditLog", "state"),
        "tier": QT_TRANSLATE_NOOP("AuditLog", "tier"),
        "to": QT_TRANSLATE_NOOP("AuditLog", "to"),
        "waived": QT_TRANSLATE_NOOP("AuditLog", "waived"),
    }
    return {k: _t(str(v)) for k, v in words.items()}


def audit_detail(row: AuditRow, refused: str) -> str:
    """A row's amount, outcome (when not ok) and details, as one line to read."""
    parts = [str(Fen(row.amount))] if row.amount else []
    if row.outcome and row.outcome != "ok":
        parts.append(refused)
    words = detail_words()
    for key, value in row.detail.items():
        if value is False:
            continue  # "offline: no" says nothing a manager looks for
        if value is True:
            value = QCoreApplication.translate("AuditLog", "yes")
        elif key in _MONEY_KEYS and isinstance(value, int):
            value = str(Fen(value))
        elif isinstance(value, dict):
            value = "、".join(f"{k}×{v}" for k, v in value.items())
        elif key == "for":
            value = messages.label(str(value), _lang(), "ApprovalAction")
        elif key in ("from", "to", "state"):
            value = messages.label(str(value), _lang(), "CardState")
        parts.append(f"{words.get(key, key)}: {value}")
    return "  ".join(parts)


class AuditLogModel(QAbstractTableModel):
    """The audit log, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditRow] = []

    def set_rows(self, rows: Sequence[AuditRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        shown = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        if role not in shown or not index.isValid():
            return None
        if not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        values = (
            r.at.strftime("%m-%d %H:%M"),
            r.actor,
            r.approver,
            action_text(r.action),
            r.subject,
            audit_detail(r, self.tr("refused")),
        )
        return values[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        titles = (
            self.tr("Time"),
            self.tr("Staff"),
            self.tr("Approved by"),
            self.tr("Action"),
            self.tr("Subject"),
            self.tr("Detail"),
        )
        return column_title(titles, section, orientation, role)


class AuditLogPage(KeyedPage):
    """Who did what, and which manager approved it; by day range, staff member and action."""

    def __init__(self, backend: TillBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self.model = AuditLogModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The subject is as wide as a card number; the details take the width that is left and
        # wrap: at 1024×768 no column hides past a scroll bar.
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(4, self.fontMetrics().horizontalAdvance("800101000000503") + 16)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        # Rows grow to their wrapped details once the columns have their widths, and again
        # whenever a column changes width (a wider window, a longer name).
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.verticalHeader().hide()
        self.from_caption, self.from_edit = QLabel(self), QDateEdit(self)
        self.to_caption, self.to_edit = QLabel(self), QDateEdit(self)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.staff_caption, self.staff_combo = QLabel(self), QComboBox(self)
        self.action_caption, self.action_combo = QLabel(self), QComboBox(self)
        self.refresh_button = QPushButton(self)
        self.result_label = QLabel(self)
        for combo in (self.staff_combo, self.action_combo):
            # The longest action name must not widen the page past a 1024-pixel screen.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        filters = QGridLayout()
        rows: tuple[tuple[tuple[QLabel, QWidget], ...], ...] = (
            ((self.from_caption, self.from_edit), (self.to_caption, self.to_edit)),
            ((self.staff_caption, self.staff_combo), (self.action_caption, self.action_combo)),
        )
        for row, pairs in enumerate(rows):  # two rows: one would not fit a 1024-pixel screen
            for column, (caption, field) in enumerate(pairs):
                filters.addWidget(caption, row, 2 * column)
                filters.addWidget(field, row, 2 * column + 1)
        filters.setColumnStretch(4, 1)
        filters.addWidget(self.refresh_button, 1, 5)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result_label)
        self.keys.bind(self.refresh_button, "F5")
        self.refresh_button.clicked.connect(self.refresh)
        for combo in (self.staff_combo, self.action_combo):
            combo.activated.connect(self.refresh)
        for edit in (self.from_edit, self.to_edit):
            edit.editingFinished.connect(self.refresh)
        self._days_set = False
        self._retranslate()

    def _retranslate(self) -> None:
        self.keys.label(self.refresh_button, self.tr("Refresh"))
        self.from_caption.setText(self.tr("From"))
        self.to_caption.setText(self.tr("To"))
        self.staff_caption.setText(self.tr("Staff"))
        self.action_caption.setText(self.tr("Action"))
        action = self.action_combo.currentData()
        self.action_combo.clear()
        self.action_combo.addItem(self.tr("All actions"), None)
        for code in messages.vocabularies().get("AuditAction", {}):
            self.action_combo.addItem(action_text(code), code)
        self.action_combo.setCurrentIndex(max(self.action_combo.findData(action), 0))

    def _fill_staff(self) -> None:
        current = self.staff_combo.currentData()
        self.staff_combo.clear()
        self.staff_combo.addItem(self.tr("Everyone"), None)
        for staff_no, name in sorted(self._backend.staff_names().items()):
            self.staff_combo.addItem(f"{name}（{staff_no}）", staff_no)
        self.staff_combo.setCurrentIndex(max(self.staff_combo.findData(current), 0))

    def set_days(self, first: date, last: date) -> None:
        self.from_edit.setDate(QDate(first.year, first.month, first.day))
        self.to_edit.setDate(QDate(last.year, last.month, last.day))
        self._days_set = True

    def wanted(self) -> AuditFilter:
        first, last = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        assert isinstance(first, date)
        assert isinstance(last, date)
        return AuditFilter(
            first_day=first,
            last_day=last,
            staff_no=self.staff_combo.currentData(),
            action=self.action_combo.currentData(),
        )

    @Slot()
    def refresh(self) -> None:
        if not self._days_set:  # the log opens on the till's today (its clock, not the PC's)
            today = self._backend.today()
            self.set_days(today, today)
            self._fill_staff()
        try:
            found = self._backend.audit_rows(self.wanted())
        except errors.DomainError as err:
            show(self.result_label, error_text(err), error=True)
            return
        self.model.set_rows(found)
        self.table.resizeRowsToContents()
        show(self.result_label, self.tr("{count} rows").format(count=len(found)))
