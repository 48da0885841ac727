"""The till window's ticket lines: scan or search to add, F2 quantity, F3 void, F7 new."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Slot

from frontdesk.domain import errors
from frontdesk.domain.counter_rules import SameScan
from frontdesk.domain.pricing import LineInput
from frontdesk.services.till_port import TicketDraft
from frontdesk.ui.product_search import ProductSearchDialog
from frontdesk.ui.prompts import PromptDialog
from frontdesk.ui.till_member import TillMember


class TillLines(TillMember):
    """What is on the ticket, changed by the cashier's keys and repriced by the backend."""

    def add_product(self, barcode: str) -> None:
        try:
            product = self._backend.add_product(barcode)
        except errors.DomainError as err:
            self._show_error(err)
            return
        lines = list(self.draft.lines)
        same = [i for i, line in enumerate(lines) if line.product.barcode == product.barcode]
        if same and self._backend.counter_rules().same_scan is SameScan.ADD_TO_LINE:
            row = same[-1]  # the same product again: one more on its line
            lines[row] = replace(lines[row], quantity=lines[row].quantity + 1)
        else:
            row = len(lines)
            lines.append(LineInput(product, 1))
        self.draft = replace(self.draft, lines=tuple(lines))
        self._message = ""
        self._reprice()
        self.ui.lines_view.selectRow(row)

    def select_line(self, step: int) -> None:
        """↑/↓ from the scan field: the line F2, F3 act on; the focus stays for the next scan."""
        if not self.draft.lines:
            return
        row = self._selected_row()
        current = len(self.draft.lines) - 1 if row is None else row
        self.ui.lines_view.selectRow(max(0, min(len(self.draft.lines) - 1, current + step)))

    @Slot()
    def search_products(self) -> None:
        """Ctrl+F: find a product by name or pinyin and put it on the ticket."""
        product = ProductSearchDialog.ask(self._backend, self)
        if product is not None:
            self.add_product(product.barcode)
        self.ui.scan_edit.setFocus()

    def _selected_row(self) -> int | None:
        rows = self.ui.lines_view.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        return len(self.draft.lines) - 1 if self.draft.lines else None

    @Slot()
    def change_quantity(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        line = self.draft.lines[row]
        quantity = PromptDialog.ask_int(
            self, self.tr("Quantity"), line.product.name, line.quantity, 1, 9999
        )
        if quantity is None:
            return
        lines = list(self.draft.lines)
        lines[row] = LineInput(line.product, quantity)
        self.draft = replace(self.draft, lines=tuple(lines))
        self._reprice()
        self.ui.lines_view.selectRow(row)

    @Slot()
    def void_line(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        lines = list(self.draft.lines)
        del lines[row]
        self.draft = replace(self.draft, lines=tuple(lines), redeem_blocks=0)
        self._reprice()
        if lines:
            self.ui.lines_view.selectRow(min(row, len(lines) - 1))

    @Slot()
    def redeem_points(self) -> None:
        if self.member is None:
            self._show_error(errors.MemberRequired())
            return
        blocks = PromptDialog.ask_int(
            self,
            self.tr("Redeem points"),
            self.tr("Blocks of points to redeem (member has {points} points)").format(
                points=self.member.points
            ),
            self.draft.redeem_blocks,
            0,
            999,
        )
        if blocks is None:
            return
        before = self.draft
        self.draft = replace(self.draft, redeem_blocks=blocks)
        if not self._reprice():
            self.draft = before
            self._reprice(keep_message=True)

    @Slot()
    def cancel_sale(self) -> None:
        self.draft = TicketDraft()
        self.member = None
        self.ui.refusal_label.clear()
        self._message = ""
        self._reprice()
        self.member_changed.emit()
