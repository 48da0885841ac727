"""The till window's ticket lines: scan or search to add, F2 quantity, F3 void, F7 new.

改价 (Ctrl+J), 单品折扣 (Ctrl+D) on the selected line and 整单折扣 (Ctrl+T) are inputs to the one
pricing; above the program's limit a manager approves them when the ticket is paid.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Slot

from frontdesk.domain import errors
from frontdesk.domain.approvals import ApprovalBinding
from frontdesk.domain.counter_rules import SameScan
from frontdesk.domain.money import Fen
from frontdesk.domain.permissions import Operation
from frontdesk.domain.pricing import LineInput
from frontdesk.services.till_port import TicketDraft
from frontdesk.ui.approval import ApprovalDialog
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
        lines[row] = replace(line, quantity=quantity)
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
        # Points and a ticket discount were for the ticket as it was: asked again if wanted.
        self.draft = replace(
            self.draft, lines=tuple(lines), redeem_blocks=0, ticket_discount=Fen(0)
        )
        self._reprice()
        if lines:
            self.ui.lines_view.selectRow(min(row, len(lines) - 1))

    def _ask_amount(self, title: str, label: str) -> Fen | None:
        """Yuan typed by the cashier; None when cancelled or not an amount (said on screen)."""
        text = PromptDialog.ask_text(self, title, label)
        if text is None or not text.strip():
            return None
        try:
            return Fen.of(text)
        except ValueError:
            self._show_error(errors.InvalidAmount(amount=text.strip()))
            return None

    def _by_hand(self, draft: TicketDraft, row: int | None) -> None:
        """The ticket with a price or discount by hand, priced; refused, it stays as it was."""
        before = self.draft
        self.draft = replace(draft, approval=None)  # an approval is for the amount it saw
        if not self._reprice():
            self.draft = before
            self._reprice(keep_message=True)
        elif self._binding() is not None:
            self._message = self.tr(
                "Above the cashier's limit: a manager approves it when the ticket is paid (F5)"
            )
            self._render()
        if row is not None:
            self.ui.lines_view.selectRow(row)

    def _binding(self) -> ApprovalBinding | None:
        """What a manager must approve of the prices and discounts by hand (None: nothing)."""
        if self.priced is None:
            return None
        reduction = self.priced.manual_reduction.value
        return self._backend.required_approval(
            Operation.PRICE_OVERRIDE, self.draft.txn_id, reduction
        )

    def approve_by_hand(self) -> bool:
        """At F5: prices and discounts by hand above the limit, approved by a manager first."""
        binding = self._binding()
        if binding is None:
            return True
        subject = self.tr("Prices and discounts by hand on this ticket")
        approval = ApprovalDialog.ask(
            self, self._backend, binding.action, subject, binding.money, binding
        )
        if approval is None:
            self._show_error(binding.refusal())
            return False
        self.draft = replace(self.draft, approval=approval)
        return True

    @Slot()
    def override_price(self) -> None:
        """Ctrl+J 改价: the selected line's unit price; an empty answer leaves it."""
        row = self._selected_row()
        if row is None:
            return
        line = self.draft.lines[row]
        price = self._ask_amount(
            self.tr("Price override"),
            self.tr("New unit price for {name} (list price {price})").format(
                name=line.product.name, price=line.product.unit_price
            ),
        )
        if price is None:
            return
        lines = list(self.draft.lines)
        lines[row] = replace(line, price=None if price == line.product.unit_price else price)
        self._by_hand(replace(self.draft, lines=tuple(lines)), row)

    @Slot()
    def discount_line(self) -> None:
        """Ctrl+D 单品折扣: money off the selected line; 0 takes the discount away."""
        row = self._selected_row()
        if row is None:
            return
        line = self.draft.lines[row]
        amount = self._ask_amount(
            self.tr("Line discount"),
            self.tr("Money off {name} ({amount} for {quantity}), yuan").format(
                name=line.product.name,
                amount=line.unit_price * line.quantity,
                quantity=line.quantity,
            ),
        )
        if amount is None:
            return
        lines = list(self.draft.lines)
        lines[row] = replace(line, discount=amount)
        self._by_hand(replace(self.draft, lines=tuple(lines)), row)

    @Slot()
    def discount_ticket(self) -> None:
        """Ctrl+T 整单折扣: money off the whole ticket, after the member discount."""
        if self.priced is None:
            self._show_error(errors.EmptyTicket())
            return
        amount = self._ask_amount(
            self.tr("Ticket discount"),
            self.tr("Money off the whole ticket (to pay {due}), yuan").format(
                due=self.priced.due + self.draft.ticket_discount
            ),
        )
        if amount is None:
            return
        self._by_hand(replace(self.draft, ticket_discount=amount), self._selected_row())

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
        self.keep_open_now()  # a held or abandoned ticket is never offered back after a crash
        self.member_changed.emit()
