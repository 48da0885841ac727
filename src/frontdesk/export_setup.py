"""The exports' adapters for one till, for the CLI and the window alike (services/export_files).

openpyxl and reportlab are imported only when a file is written: a till that never exports
never loads them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Engine

from frontdesk.domain.analytics import Kpis
from frontdesk.persistence.export_reader import SqlExportSource
from frontdesk.services.export_files import ExportFiles
from frontdesk.services.exports import ExportTable


def _workbook(path: Path, tables: Sequence[ExportTable]) -> None:
    from frontdesk.sheets.writing import write_workbook

    write_workbook(path, tables)


def _kpi_pdf(k: Kpis, scope: str, path: Path) -> None:
    from frontdesk.hardware.kpi_pdf import write_kpi_pdf

    write_kpi_pdf(k, scope, path)


def export_files(engine: Engine) -> ExportFiles:
    return ExportFiles(SqlExportSource(engine), _workbook, _kpi_pdf)
