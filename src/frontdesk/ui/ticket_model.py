"""The ticket's lines as a table model over the priced ticket the backend returns."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from frontdesk.domain.pricing import PricedLine, PricedTicket

_COLUMNS = (
    QT_TRANSLATE_NOOP("TicketLinesModel", "No."),
    QT_TRANSLATE_NOOP("TicketLinesModel", "Item"),
    QT_TRANSLATE_NOOP("TicketLinesModel", "Qty"),
    QT_TRANSLATE_NOOP("TicketLinesModel", "Price"),
    QT_TRANSLATE_NOOP("TicketLinesModel", "Amount"),
    QT_TRANSLATE_NOOP("TicketLinesModel", "Discount"),
    QT_TRANSLATE_NOOP("TicketLinesModel", "Net"),
)
_PRICE = 3
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
    )
)

ModelIndex = QModelIndex | QPersistentModelIndex


class TicketLinesModel(QAbstractTableModel):
    """One row per priced line; read-only, the window changes lines through the backend."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: tuple[PricedLine, ...] = ()
        # A row's texts, made on its first ask: the view asks for every cell many times per
        # paint and per column fit, and formatting the money each time was most of a scan's cost.
        self._texts: dict[int, tuple[str, ...]] = {}

    def set_ticket(self, ticket: PricedTicket | None) -> None:
        """The lines now; only rows that changed, came or went are announced, not a reset.

        A reset made the view lay out, fit every column and paint every row again on each scan.
        """
        new = ticket.lines if ticket is not None else ()
        old = self._lines
        kept = min(len(old), len(new))
        if len(new) < len(old):
            self.beginRemoveRows(QModelIndex(), kept, len(old) - 1)
            self._lines = old[:kept]
            self._texts = {row: texts for row, texts in self._texts.items() if row < kept}
            self.endRemoveRows()
        elif len(new) > len(old):
            self.beginInsertRows(QModelIndex(), kept, len(new) - 1)
            self._lines = old + new[kept:]
            self.endInsertRows()
        changed = [row for row in range(kept) if old[row] != new[row]]
        self._lines = new
        for row in changed:
            self._texts.pop(row, None)
        if changed:
            last = self.index(changed[-1], len(_COLUMNS) - 1)
            self.dataChanged.emit(self.index(changed[0], 0), last)

    def line_at(self, row: int) -> PricedLine:
        return self._lines[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _ROLES:
            return None  # most of the view's asks (font, decoration, size…): answered first
        row, column = index.row(), index.column()
        if not index.isValid() or not 0 <= row < len(self._lines):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row_texts(row)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return None if column == 1 else _RIGHT
        line = self._lines[row]
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return line.product.barcode
        if line.overridden and column == _PRICE:
            # 改价: the price the cashier set stands out, the catalog's is a hover away.
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor("#e65100")
            if role == Qt.ItemDataRole.ToolTipRole:
                return str(line.product.unit_price)
        return None

    def _row_texts(self, row: int) -> tuple[str, ...]:
        texts = self._texts.get(row)
        if texts is None:
            line = self._lines[row]
            discount = (
                line.line_discount + line.member_discount + line.ticket_discount + line.redemption
            )
            texts = (
                str(line.line_no),
                line.product.name,
                str(line.quantity),
                str(line.price),
                str(line.gross),
                f"-{discount}" if discount else "",
                str(line.net),
            )
            self._texts[row] = texts
        return texts

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(_COLUMNS):
            return QCoreApplication.translate("TicketLinesModel", str(_COLUMNS[section]))
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None
