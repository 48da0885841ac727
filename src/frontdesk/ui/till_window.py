"""The till: an always-ready scan field, the member panel, the ticket, totals and function keys."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QWidget,
)

from frontdesk.domain import errors
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import LineInput, PricedTicket
from frontdesk.domain.receipt import Receipt
from frontdesk.domain.scan import Scan, ScanKind, ScanRefused, classify
from frontdesk.services.receipt_output import ReceiptOutput
from frontdesk.services.till_port import (
    ApprovalAction,
    CheckoutResult,
    MemberView,
    Shift,
    StaffSession,
    TenderKind,
    TicketDraft,
    TillBackend,
)
from frontdesk.ui.approval import ApprovalDialog
from frontdesk.ui.committed import Request, not_finished, receipt_not_printed
from frontdesk.ui.forms.ui_till_window import Ui_TillWindow
from frontdesk.ui.held_tickets import HeldTicketsDialog, recalled
from frontdesk.ui.i18n import error_text
from frontdesk.ui.product_search import ProductSearchDialog
from frontdesk.ui.prompts import PromptDialog
from frontdesk.ui.receipt import PrinterEvents, ReceiptPreviewDialog
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.sync_status import SyncRunner
from frontdesk.ui.tender import TenderDialog
from frontdesk.ui.ticket_model import TicketLinesModel
from frontdesk.ui.till_panels import render_member, render_totals
from frontdesk.ui.till_status import TillStatus

log = logging.getLogger(__name__)


class TillWindow(QMainWindow):
    """The cashier's screen for one shift; every action is on a function key.

    Signals:
        ticket_changed(): lines, member or redemption changed and the totals were repriced.
        member_changed(): a member was attached to or removed from the ticket.
        card_refused(str): a scanned card cannot be used; the reason as shown.
        sale_completed(object): the CheckoutResult of a paid ticket.
        receipt_issued(object): a committed operation's Receipt went to the print queue.
        printer_changed(): the printer failed or came back (the status bar says which).
        manager_requested(object): F9/F11 was approved; the page name to open.
        language_toggled(): F12.
    """

    ticket_changed = Signal()
    member_changed = Signal()
    card_refused = Signal(str)
    sale_completed = Signal(object)
    receipt_issued = Signal(object)
    printer_changed = Signal()
    manager_requested = Signal(object)
    language_toggled = Signal()

    def __init__(
        self,
        backend: TillBackend,
        hub: ScanHub,
        session: StaffSession,
        shift: Shift,
        parent: QWidget | None = None,
        receipts: ReceiptOutput | None = None,
        sync: SyncRunner | None = None,
        program_problem: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_TillWindow()
        self.ui.setupUi(self)
        self._backend = backend
        self._receipts = receipts
        self.last_receipt: Receipt | None = None
        self._session = session
        self._shift = shift
        self.draft = TicketDraft()
        self.priced: PricedTicket | None = None
        self.member: MemberView | None = None
        self.last_result: CheckoutResult | None = None
        self._topup = Request()
        self._message = ""

        self.lines_model = TicketLinesModel(self)
        self.ui.lines_view.setModel(self.lines_model)
        header = self.ui.lines_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # An empty ticket sizes its columns to the headers alone; leave room for real amounts.
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("99,999.99") + 24)
        self.ui.lines_view.verticalHeader().hide()

        # A scanner types into whatever has focus; an IME would swallow its digits.
        self.ui.scan_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.ui.scan_edit.returnPressed.connect(self._on_scan_edit_return_pressed)
        hub.scanned.connect(self.on_scanned)
        hub.refused.connect(self.on_scan_refused)
        hub.status_changed.connect(self.set_scanner_state)

        keys = {
            self.ui.find_member_button: ("F1", self.find_member),
            self.ui.quantity_button: ("F2", self.change_quantity),
            self.ui.void_button: ("F3", self.void_line),
            self.ui.redeem_button: ("F4", self.redeem_points),
            self.ui.pay_button: ("F5", self.pay),
            self.ui.clear_member_button: ("F6", self.remove_member),
            self.ui.new_ticket_button: ("F7", self.cancel_sale),
            self.ui.topup_button: ("F8", self.top_up),
            self.ui.manager_button: ("F9", self.open_manager),
            self.ui.receipt_button: ("F10", self.show_last_receipt),
            self.ui.close_shift_button: ("F11", self.close_shift),
            self.ui.language_button: ("F12", self.language_toggled.emit),
        }
        self._function_keys: dict[Qt.Key, QPushButton] = {}
        for button, (key, action) in keys.items():
            button.setShortcut(QKeySequence(key))
            button.clicked.connect(action)
            self._function_keys[getattr(Qt.Key, f"Key_{key}")] = button
        QShortcut(QKeySequence("Esc"), self, self._on_escape)
        # Every function key is taken: 查找 is Ctrl+F, 挂单 Ctrl+G (gua), 取单 Ctrl+Q (qu).
        self._ctrl_keys = {
            QKeySequence("Ctrl+F"): self.search_products,
            QKeySequence("Ctrl+G"): self.hold_ticket,
            QKeySequence("Ctrl+Q"): self.recall_ticket,
        }
        for sequence, ctrl_action in self._ctrl_keys.items():
            QShortcut(sequence, self, ctrl_action)

        self.status = TillStatus(self.ui.status_bar, sync, receipts is not None)
        self.scanner_label, self.sync_label = self.status.scanner_label, self.status.sync_label
        self.staff_label, self.printer_label = self.status.staff_label, self.status.printer_label
        if sync is not None:
            sync.status_changed.connect(self.set_sync_status)
        # Head office's program was refused: the manager must know the till prices locally.
        self.program_banner = QLabel(self)
        self.program_banner.setWordWrap(True)
        self.program_banner.setStyleSheet(
            "background: #fff3e0; color: #b00020; font-weight: bold; padding: 6px;"
        )
        self.program_banner.setText(program_problem or "")
        self.program_banner.setVisible(bool(program_problem))
        self.ui.central_layout.addWidget(
            self.program_banner, self.ui.central_layout.rowCount(), 0, 1, 2
        )
        if receipts is not None:
            # The queue reports from its print thread; the events hop onto the GUI thread.
            events = PrinterEvents()
            events.faulted.connect(self.set_printer_fault, Qt.ConnectionType.QueuedConnection)
            events.recovered.connect(
                lambda: self.set_printer_fault(None), Qt.ConnectionType.QueuedConnection
            )
            receipts.listen(events.faulted.emit, events.recovered.emit)
            self._printer_events = events
            self.status.printer_fault = receipts.fault
        self._retranslate()
        self._render()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The shortcuts need an active window; a key the scan field passes up works without one.
        button = self._function_keys.get(Qt.Key(event.key()))
        if button is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            button.click()
            return
        ctrl_action = self._ctrl_keys.get(QKeySequence(event.keyCombination()))
        if ctrl_action is not None:
            ctrl_action()
            return
        super().keyPressEvent(event)

    # -- language -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retranslate()
            self._render()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.status.retranslate(self._session)

    # -- status bar -----------------------------------------------------------------------------

    def set_scanner_state(self, state: str, code: str = "") -> None:
        """Show whether scans can arrive: "ready", "scanned" (with the code) or "offline"."""
        self.status.set_scanner_state(state, code)

    def set_sync_status(self, status: object) -> None:
        """Head-office sync indicator; hidden in a window built without a sync runner."""
        self.status.set_sync_status(status)

    def set_printer_fault(self, fault: str | None) -> None:
        """The receipt printer's fault as it reported it (Chinese), or ready; sales go on."""
        if self.status.set_printer_fault(fault):
            self.printer_changed.emit()

    # -- receipts ---------------------------------------------------------------------------

    def issue_receipt(self, receipt: object) -> bool:
        """Queue a committed operation's receipt for the printer; a fault never blocks the till.

        Returns False when the receipt could not be handed to the printer: the operation stands,
        and the till says so instead of failing.
        """
        if not isinstance(receipt, Receipt):
            return True  # the backend made none (a waived 补卡 fee, a backend without receipts)
        self.last_receipt = receipt
        if self._receipts is None:
            return True
        try:
            self._receipts.submit(receipt)
        except Exception:
            log.exception("receipt %s not handed to the printer", receipt.header.receipt_no)
            self._message = "!" + receipt_not_printed()
            self._render()
            return False
        self.receipt_issued.emit(receipt)
        return True

    def _receipt_lines(self, fallback: Sequence[str]) -> Sequence[str]:
        if self._receipts is not None and self.last_receipt is not None:
            return self._receipts.text(self.last_receipt)
        return fallback

    def reprint(self, receipt_no: str) -> list[str]:
        """重打小票: any past receipt by its number, marked 重印; returns its lines."""
        if self._receipts is None:
            raise errors.UnknownTicket(receipt_no=receipt_no)
        again = self._receipts.reprint(receipt_no)
        self._message = self.tr("Receipt {receipt_no} reprinted").format(
            receipt_no=again.header.receipt_no
        )
        self._render()
        return self._receipts.text(again)

    def _preview(self, lines: Sequence[str]) -> bool:
        """Show the receipt; False when the preview failed (the operation it shows stands)."""
        receipt_no = "" if self.last_receipt is None else self.last_receipt.header.receipt_no
        reprint = None if self._receipts is None else self.reprint
        try:
            ReceiptPreviewDialog.ask(lines, self, reprint, receipt_no)
        except Exception:
            log.exception("receipt preview %s failed", receipt_no)
            return False
        return True

    # -- scanning ---------------------------------------------------------------------------

    @Slot(object)
    def on_scanned(self, scan: Scan) -> None:
        """A classified scan from any device; a dialog over the till takes it or it is ignored."""
        modal = QApplication.activeModalWidget()
        if isinstance(modal, TenderDialog):
            modal.on_scanned(scan)  # a 付款码 goes into the payment's reference
            return
        if modal is not None and modal is not self:
            return
        self.set_scanner_state("scanned", scan.code)
        self.handle_scan(scan)

    @Slot(object)
    def on_scan_refused(self, refusal: ScanRefused) -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or modal is self:
            self._show_error(refusal)

    @Slot()
    def _on_scan_edit_return_pressed(self) -> None:
        code = self.ui.scan_edit.text().strip()
        self.ui.scan_edit.clear()
        if code:
            self.handle_code(code)

    def handle_code(self, code: str) -> None:
        """What the cashier typed into the scan field, classified as a scan is."""
        try:
            scan = classify(code)
        except ScanRefused as refusal:
            self._show_error(refusal)
        else:
            self.handle_scan(scan)
        self.ui.scan_edit.setFocus()

    def handle_scan(self, scan: Scan) -> None:
        """Route by kind: a card or phone finds the member, a product goes on the ticket."""
        if scan.kind is ScanKind.MEMBER_CARD:
            self.attach_card(scan.code)
        elif scan.kind is ScanKind.PHONE:
            self.attach_phone(scan.code)
        elif scan.kind is ScanKind.PRODUCT:
            self.add_product(scan.code)
        elif scan.kind is ScanKind.RECEIPT_NUMBER:
            self._message = "!" + self.tr(
                "Receipt {receipt_no}: refunds are on the manager screens (F9)"
            ).format(receipt_no=scan.code)
            self._render()
        else:
            self._message = "!" + self.tr("A payment code is scanned when taking payment (F5)")
            self._render()
        self.ui.scan_edit.setFocus()

    # -- member -----------------------------------------------------------------------------

    def attach_card(self, code: str) -> None:
        try:
            member = self._backend.lookup_card(code)
        except errors.DomainError as err:
            self._refuse_card(error_text(err))
            return
        self._attach(member)

    def attach_phone(self, phone: str) -> None:
        try:
            member = self._backend.find_member_by_phone(phone)
        except errors.DomainError as err:
            self._show_error(err)
            return
        self._attach(member)

    def _attach(self, member: MemberView) -> None:
        self.member = member
        self.ui.refusal_label.clear()
        self.draft = replace(
            self.draft, member_id=member.member_id, card_no=member.card_no, redeem_blocks=0
        )
        self._message = ""
        self._reprice()
        self.member_changed.emit()

    def _refuse_card(self, reason: str) -> None:
        self.member = None
        self.draft = replace(self.draft, member_id=None, card_no=None, redeem_blocks=0)
        self.ui.refusal_label.setText(reason)
        self._reprice()
        self.member_changed.emit()
        self.card_refused.emit(reason)

    @Slot()
    def find_member(self) -> None:
        self._message = self.tr("Type the member's mobile number and press Enter")
        self._render()
        self.ui.scan_edit.setFocus()

    @Slot()
    def remove_member(self) -> None:
        self.member = None
        self.ui.refusal_label.clear()
        self.draft = replace(self.draft, member_id=None, card_no=None, redeem_blocks=0)
        self._reprice()
        self.member_changed.emit()

    # -- lines -------------------------------------------------------------------------------

    def add_product(self, barcode: str) -> None:
        try:
            product = self._backend.add_product(barcode)
        except errors.DomainError as err:
            self._show_error(err)
            return
        self.draft = replace(self.draft, lines=(*self.draft.lines, LineInput(product, 1)))
        self._message = ""
        self._reprice()
        self.ui.lines_view.selectRow(len(self.draft.lines) - 1)

    @Slot()
    def search_products(self) -> None:
        """Ctrl+F: find a product by name or pinyin and put it on the ticket."""
        product = ProductSearchDialog.ask(self._backend, self)
        if product is not None:
            self.add_product(product.barcode)
        self.ui.scan_edit.setFocus()

    @Slot()
    def hold_ticket(self) -> None:
        """Ctrl+G 挂单: the open ticket, with its member, set aside; a new one starts."""
        name = "" if self.member is None else self.member.name
        try:
            held = self._backend.hold_ticket(self.draft, name)
        except errors.DomainError as err:
            self._show_error(err)
            return
        self.cancel_sale()
        count = len(self._backend.held_tickets())
        self._message = self.tr(
            "Ticket held as No. {held_no} ({count} held); Ctrl+Q recalls"
        ).format(held_no=held.held_no, count=count)
        self._render()

    @Slot()
    def recall_ticket(self) -> None:
        """Ctrl+Q 取单: pick a held ticket; it comes back with today's prices and its member."""
        if self.draft.lines:
            self._message = "!" + self.tr("Hold (Ctrl+G) or finish the open ticket first")
            self._render()
            return
        held = self._backend.held_tickets()
        if not held:
            self._message = "!" + self.tr("No held tickets")
            self._render()
            return
        held_no = HeldTicketsDialog.ask(held, self)
        self.ui.scan_edit.setFocus()
        if held_no is None:
            return
        try:
            back = recalled(self._backend, self._backend.recall_ticket(held_no))
        except errors.DomainError as err:
            self._show_error(err)
            return
        self.draft, self.member = back.draft, back.member
        self._message = ""
        self._reprice()
        self.member_changed.emit()
        if back.problems:
            self._message = "!" + "  ".join(back.problems)
        else:
            self._message = self.tr("Held ticket No. {held_no} recalled").format(held_no=held_no)
        self._render()

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

    def _reprice(self, keep_message: bool = False) -> bool:
        ok = True
        if self.draft.lines:
            try:
                self.priced = self._backend.price(self.draft)
            except errors.DomainError as err:
                self._show_error(err)
                ok = False
        else:
            self.priced = None
        if ok and not keep_message and self._message.startswith("!"):
            self._message = ""
        self.lines_model.set_ticket(self.priced)
        self._render()
        self.ticket_changed.emit()
        return ok

    # -- paying ------------------------------------------------------------------------------

    @Slot()
    def pay(self) -> None:
        if self.priced is None:
            self._show_error(errors.EmptyTicket())
            return
        result = TenderDialog.ask(self._backend, self.draft, self.priced, self.member, self)
        if result is None:
            self.ui.scan_edit.setFocus()
            return
        self.last_result = result
        self.draft = TicketDraft()  # a new basket, with a new transaction id
        self.member = None
        self._reprice()
        paid = self.tr("Sale {receipt_no} paid. Change: {change}").format(
            receipt_no=result.receipt_no, change=result.change
        )
        self._message = paid
        self._render()
        self.member_changed.emit()
        printed = not result.receipt_failed and self.issue_receipt(result.receipt)
        self.sale_completed.emit(result)
        if printed and not self._preview(result.receipt_lines):
            printed = False
        if not printed:  # the sale stands; only its paper is missing
            self._message = f"!{receipt_not_printed()}  {paid}"
            self._render()
        self.ui.scan_edit.setFocus()

    @Slot()
    def show_last_receipt(self) -> None:
        """F10: the last receipt, and 重打小票 of any receipt by number."""
        lines = () if self.last_result is None else self.last_result.receipt_lines
        if self.last_receipt is None and self._receipts is None and not lines:
            return
        self._preview(self._receipt_lines(lines))

    @Slot()
    def top_up(self) -> None:
        if self.member is None:
            self._show_error(errors.MemberRequired())
            return
        text = PromptDialog.ask_text(self, self.tr("Top up"), self.tr("Cash top-up amount (yuan)"))
        if not text:
            return
        try:
            amount = Fen.of(text)
        except ValueError:
            self._show_error(errors.InvalidAmount(amount=text))
            return
        card_no = self.member.card_no or ""  # a member on the ticket came with a usable card
        txn_id = self._topup.txn_id((card_no, amount))
        try:
            result = self._backend.topup(card_no, amount, TenderKind.CASH, "", txn_id)
        except errors.DomainError as err:
            self._show_error(err)
            return
        except Exception:  # F8 again with the same amount is this top-up, not a second one
            log.exception("top-up %s did not finish", txn_id)
            self._message = "!" + not_finished()
            self._render()
            return
        self._topup.done()
        self.member = result.member
        self._message = self.tr("Topped up {principal}, bonus {bonus}").format(
            principal=result.principal, bonus=result.bonus
        )
        self._render()
        self.member_changed.emit()
        if result.receipt_failed or not self.issue_receipt(result.receipt):
            self._message = f"!{receipt_not_printed()}  {self._message}"
            self._render()

    # -- manager -----------------------------------------------------------------------------

    @Slot()
    def open_manager(self) -> None:
        self._ask_manager("members")

    @Slot()
    def close_shift(self) -> None:
        self._ask_manager("shift")

    def _ask_manager(self, page: str) -> None:
        approval = ApprovalDialog.ask(
            self, self._backend, ApprovalAction.MANAGER_SCREENS, self._session.staff_no, None
        )
        if approval is not None:
            self.manager_requested.emit(page)

    def refresh_member(self, member: MemberView) -> None:
        """A manager screen changed the member on the ticket (top-up, PIN reset)."""
        if self.member is not None and self.member.member_id == member.member_id:
            self.member = member
            self._render()

    @Slot()
    def _on_escape(self) -> None:
        self.ui.scan_edit.clear()
        self.ui.refusal_label.clear()
        self._message = ""
        self._render()

    # -- rendering ---------------------------------------------------------------------------

    def _show_error(self, err: errors.DomainError) -> None:
        self._message = "!" + error_text(err)
        self._render()

    def _render(self) -> None:
        error = self._message.startswith("!")
        self.ui.message_label.setText(self._message.removeprefix("!"))
        self.ui.message_label.setStyleSheet(
            "font-weight: bold; color: #b00020;" if error else "font-weight: bold; color: #1b5e20;"
        )
        self.ui.refusal_label.setVisible(bool(self.ui.refusal_label.text()))
        render_member(self.ui, self.member)
        render_totals(self.ui, self.priced)
