"""The receipt preview draws the printer's cells: columns straight, the whole width on screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from frontdesk.ui.receipt import ReceiptPreviewDialog

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


def test_the_preview_puts_every_character_in_its_printer_cells_and_shows_the_whole_width(
    qtbot: QtBot,
) -> None:
    lines = (GOLDEN / "sale-80mm.txt").read_text(encoding="utf-8").splitlines()
    dialog = ReceiptPreviewDialog(lines)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    paper = dialog.text_view.paper
    cell = paper.cell_size()
    metrics = QFontMetrics(paper.font())

    assert paper.columns() == 48
    assert metrics.horizontalAdvance("中") <= 2 * cell.width()  # a Han sign fits its two cells
    assert metrics.horizontalAdvance("W") <= cell.width()
    assert paper.width() >= 48 * cell.width()
    assert dialog.text_view.viewport().width() >= paper.width()  # nothing cut on the right
    assert dialog.text() == "\n".join(lines)
