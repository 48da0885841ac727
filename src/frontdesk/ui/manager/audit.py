"""The audit log page: who did what, approved by whom."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtWidgets import QHeaderView, QPushButton, QTableView, QVBoxLayout, QWidget

from frontdesk.domain.money import Fen
from frontdesk.services.till_port import AuditEntry, TillBackend
from frontdesk.ui.function_keys import KeyedPage

ModelIndex = QModelIndex | QPersistentModelIndex


def audit_detail(entry: AuditEntry) -> str:
    """An audit row's amount, outcome (when not ok) and details, as one line to read."""
    parts = [] if entry.amount is None else [str(Fen(entry.amount))]
    if entry.outcome and entry.outcome != "ok":
        parts.append(entry.outcome)
    parts += [f"{k}={v}" for k, v in entry.detail.items() if v not in (None, "")]
    return " ".join(parts)


class AuditLogModel(QAbstractTableModel):
    """The audit log, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[AuditEntry] = []

    def set_entries(self, entries: Sequence[AuditEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        if not 0 <= index.row() < len(self._entries):
            return None
        e = self._entries[index.row()]
        values = (
            e.at.strftime("%Y-%m-%d %H:%M"),
            e.actor,
            e.approver or "",
            e.action,
            e.subject or "",
            audit_detail(e),
        )
        return values[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (
            self.tr("Time"),
            self.tr("Staff"),
            self.tr("Approved by"),
            self.tr("Action"),
            self.tr("Subject"),
            self.tr("Detail"),
        )
        return titles[section] if 0 <= section < len(titles) else None


class AuditLogPage(KeyedPage):
    """Who did what, and which manager approved it."""

    def __init__(self, backend: TillBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self.model = AuditLogModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.refresh_button = QPushButton(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignRight)
        self.keys.bind(self.refresh_button, "F5")
        self.refresh_button.clicked.connect(self.refresh)
        self._retranslate()

    def _retranslate(self) -> None:
        self.keys.label(self.refresh_button, self.tr("Refresh"))

    @Slot()
    def refresh(self) -> None:
        self.model.set_entries(self._backend.audit_log(500))
