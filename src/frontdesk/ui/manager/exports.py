"""导出: the store's data for Excel and its KPI report, written where the manager chooses.

Each button writes exactly what `frontdesk export KIND --xlsx FILE` (or `frontdesk kpi --pdf`)
writes, through the same service: the backend's `export_file` / `kpi_pdf`. A file that cannot
be written (a read-only folder, a full disk) is said on the page in the catalogue's words, and
nothing is left half written.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.services.till_port import TillBackend
from frontdesk.ui.function_keys import KeyedPage
from frontdesk.ui.manager.common import attempt, show

# The kinds in the order of their buttons, each with its function key; "kpi_pdf" is the report.
KINDS = (
    ("members", "F1"),
    ("tickets", "F2"),
    ("shifts", "F3"),
    ("liability", "F4"),
    ("kpis", "F5"),
    ("kpi_pdf", "F6"),
)
DATED = frozenset({"tickets", "shifts", "kpis"})  # the kinds the day range applies to


def _day(edit: QDateEdit) -> date:
    day = edit.date().toPython()
    assert isinstance(day, date)
    return day


class ExportPage(KeyedPage):
    """One button per export; the day range applies to tickets and shifts (KPIs: as of its end)."""

    def __init__(self, backend: TillBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self.from_caption, self.from_edit = QLabel(self), QDateEdit(self)
        self.to_caption, self.to_edit = QLabel(self), QDateEdit(self)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.addWidget(self.from_caption, 0, 0)
        grid.addWidget(self.from_edit, 0, 1)
        grid.addWidget(self.to_caption, 0, 2)
        grid.addWidget(self.to_edit, 0, 3)
        grid.setColumnStretch(4, 1)
        for i, (kind, key) in enumerate(KINDS):
            button = QPushButton(self)
            self.buttons[kind] = button
            self.keys.bind(button, key)
            button.clicked.connect(lambda _checked=False, kind=kind: self.export(kind))
            grid.addWidget(button, 1 + i // 2, 2 * (i % 2), 1, 2)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        self._days_set = False
        self._retranslate()

    def _titles(self) -> dict[str, str]:
        return {
            "members": self.tr("Members"),
            "tickets": self.tr("Tickets with lines and tenders"),
            "shifts": self.tr("Shift reports"),
            "liability": self.tr("Stored value and points liability"),
            "kpis": self.tr("Member KPIs (Excel)"),
            "kpi_pdf": self.tr("Member KPI report (PDF with charts)"),
        }

    def _retranslate(self) -> None:
        self.from_caption.setText(self.tr("From"))
        self.to_caption.setText(self.tr("To"))
        for kind, title in self._titles().items():
            self.keys.label(self.buttons[kind], title)

    def showEvent(self, event: object) -> None:
        if not self._days_set:  # this month so far, by the till's own clock
            today = self._backend.today()
            self.set_days(today.replace(day=1), today)
        super().showEvent(event)  # type: ignore[arg-type]

    def set_days(self, first: date, last: date) -> None:
        self.from_edit.setDate(QDate(first.year, first.month, first.day))
        self.to_edit.setDate(QDate(last.year, last.month, last.day))
        self._days_set = True

    def choose_file(self, kind: str) -> Path | None:
        """Where to write, asked in the system's save dialog; None when the manager cancels."""
        pdf = kind == "kpi_pdf"
        suffix = ".pdf" if pdf else ".xlsx"
        today = self._backend.today().isoformat()
        suggested = Path.home() / f"{kind}-{today}{suffix}"
        name, _ = QFileDialog.getSaveFileName(
            self,
            self._titles()[kind],
            str(suggested),
            self.tr("PDF (*.pdf)") if pdf else self.tr("Excel workbook (*.xlsx)"),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    @Slot()
    def export(self, kind: str) -> None:
        if not self._days_set:
            today = self._backend.today()
            self.set_days(today.replace(day=1), today)
        path = self.choose_file(kind)
        if path is None:
            return
        if kind == "kpi_pdf":
            as_of = _day(self.to_edit)
            if attempt(self.result_label, lambda: self._backend.kpi_pdf(path, as_of)) is None:
                return
            show(self.result_label, self.tr("KPI report written to {path}").format(path=path))
            return
        since, until = (_day(self.from_edit), _day(self.to_edit)) if kind in DATED else (None, None)
        done = attempt(
            self.result_label, lambda: self._backend.export_file(kind, path, since, until)
        )
        if done is not None:
            show(
                self.result_label,
                self.tr("Exported {rows} rows to {path}").format(rows=done.total, path=path),
            )
