"""The receipt drawn cell by cell, as the thermal printer puts it on paper.

No font on a PC draws a Han character exactly two Latin characters wide (WenQuanYi Micro Hei
Mono: 16 px against 2 × 10 px at 12 pt), so text in any font zig-zags where the printer's
columns are straight. This view places every character in its printer cells instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QScrollArea, QWidget

from frontdesk.domain.print_cells import cells, char_cells

MONO_FAMILY = "WenQuanYi Micro Hei Mono"  # bundled with the till (resources/fonts)


class _Paper(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[str] = []
        font = QFont(MONO_FAMILY)
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(max(8, self.font().pointSize() - 3))
        self.setFont(font)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor("white"))
        palette.setColor(self.foregroundRole(), QColor("black"))
        self.setPalette(palette)

    def cell_size(self) -> QSize:
        metrics = QFontMetrics(self.font())
        # A cell is as wide as the widest Latin sign and half the widest Han one, so no
        # character spills into the next.
        latin = max(metrics.horizontalAdvance(ch) for ch in "0123456789W")
        han = max(metrics.horizontalAdvance(ch) for ch in "中￥")
        return QSize(max(latin, (han + 1) // 2), metrics.height())

    def columns(self) -> int:
        return max((cells(line) for line in self.lines), default=0)

    def sizeHint(self) -> QSize:
        cell = self.cell_size()
        return QSize((self.columns() + 2) * cell.width(), (len(self.lines) + 1) * cell.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setFont(self.font())
        cell = self.cell_size()
        left = cell.width()
        for row, line in enumerate(self.lines):
            column = 0
            for ch in line:
                span = char_cells(ch)
                if ch != " " and span:
                    x, y = left + column * cell.width(), row * cell.height()
                    box = QRect(x, y, span * cell.width(), cell.height())
                    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, ch)
                column += span
        painter.end()


class ReceiptPaperView(QScrollArea):
    """The receipt's lines in printer cells, scrolled when the roll is longer than the view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paper = _Paper(self)
        self.setWidget(self.paper)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # ↑↓ PgUp PgDn scroll the roll

    def set_text(self, text: str) -> None:
        self.set_lines(text.split("\n") if text else [])

    def set_lines(self, lines: Sequence[str]) -> None:
        self.paper.lines = list(lines)
        self.paper.resize(self.paper.sizeHint())
        self.paper.update()

    def text(self) -> str:
        return "\n".join(self.paper.lines)

    def sizeHint(self) -> QSize:
        hint = self.paper.sizeHint()
        return QSize(hint.width() + self.verticalScrollBar().sizeHint().width() + 4, 600)
