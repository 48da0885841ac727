"""Excel workbooks for managers and analysts: one sheet per table, amounts as yuan numbers."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from frontdesk.services.export_files import FileUnwritable, unwritable
from frontdesk.services.exports import ExportTable

if TYPE_CHECKING:
    from openpyxl import Workbook

SheetUnwritable = FileUnwritable  # the name callers of the workbook writer know


def write_workbook(path: Path, tables: Sequence[ExportTable]) -> None:
    """Writes the tables as sheets of one workbook, replacing `path` only when it is complete.

    Money columns hold fen and are written as yuan numbers with two decimals (0.00), so a
    manager's SUM() in Excel gives the till's figure. Raises `FileUnwritable` when the folder
    cannot take the file, before any sheet is made.
    """
    # Written beside the target and renamed, so an interrupted export never leaves half a file
    # where last month's good one was.
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".xlsx.part")
        os.close(fd)
    except OSError as exc:
        raise unwritable(path, exc) from None
    try:
        _book(tables).save(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        raise unwritable(path, exc) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _book(tables: Sequence[ExportTable]) -> Workbook:
    from openpyxl import Workbook  # the till's cold start never needs it
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    for table in tables:
        sheet = book.create_sheet(title=table.title[:31])  # Excel's limit on sheet names
        sheet.append(list(table.heading))
        for r, row in enumerate(table.rows):
            cells: list[object] = []
            for i, value in enumerate(row):
                if table.is_money(r, i) and isinstance(value, int):
                    cell = WriteOnlyCell(sheet, value=round(value / 100, 2))
                    cell.number_format = "0.00"
                    cells.append(cell)
                else:
                    cells.append(value)
            sheet.append(cells)
    return book
