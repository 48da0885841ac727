"""The till window's state and what every part of it shares: repricing, messages, receipts."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QWidget

from frontdesk.domain import errors
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import PricedTicket
from frontdesk.domain.receipt import Receipt
from frontdesk.services.printing import Delivery, PrinterFault
from frontdesk.services.receipt_output import ReceiptOutput
from frontdesk.services.till_port import (
    Committed,
    MemberView,
    SaleResult,
    Shift,
    StaffSession,
    TicketDraft,
    TillBackend,
)
from frontdesk.ui.committed import Request, receipt_not_printed
from frontdesk.ui.forms.ui_till_window import Ui_TillWindow
from frontdesk.ui.i18n import error_text
from frontdesk.ui.receipt import PrinterEvents, ReceiptPreviewDialog
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.sync_status import SyncRunner
from frontdesk.ui.ticket_model import TicketLinesModel
from frontdesk.ui.till_panels import render_member, render_totals, restyle
from frontdesk.ui.till_status import TillStatus

log = logging.getLogger(__name__)


class TillCore(QMainWindow):
    """The open ticket, its member, the status bar and the printer; the parts build on it.

    Signals:
        ticket_changed(): lines, member or redemption changed and the totals were repriced.
        member_changed(): a member was attached to or removed from the ticket.
        card_refused(str): a scanned card cannot be used; the reason as shown.
        sale_completed(object): the Committed[SaleResult] of a paid ticket.
        receipt_issued(object): a committed operation's Receipt went to the print queue.
        printer_changed(): the printer failed, came back, or a receipt was printed or only sent
            (the status bar says which).
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
        self.last_result: Committed[SaleResult] | None = None
        self._topup = Request()
        self._message = ""
        self._kept = TicketDraft(txn_id="")  # the ticket as last kept for a crash or restart
        # The copy is written after the change is painted: its fsync (tens of ms on a busy disk)
        # kept the scanned line off the screen. A timer object, not QTimer.singleShot(0): Qt 6
        # makes a zero single shot a queued call, delivered before the posted paint requests;
        # a zero timer fires after them. Several changes before it fires are one write.
        self._keep_timer = QTimer(self)
        self._keep_timer.setSingleShot(True)
        self._keep_timer.setInterval(0)
        self._keep_timer.timeout.connect(self.keep_open_now)

        self.lines_model = TicketLinesModel(self)
        self.ui.lines_view.setModel(self.lines_model)
        header = self.ui.lines_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Names get the width: each figure column takes what its amounts need, and the member
        # panel a quarter (a 3:2 split and 99,999.99-wide columns cut names to 3 characters).
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("999") + 12)
        self.ui.central_layout.setColumnStretch(0, 3)
        self.ui.central_layout.setColumnStretch(1, 1)
        self.ui.lines_view.verticalHeader().hide()

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
        # 找零 in type the cashier reads while counting the notes out; gone at the next scan.
        self.change_label = QLabel(self)
        self.change_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.change_label.setStyleSheet(
            "font-size: 40pt; font-weight: bold; color: #0d47a1; background: #e3f2fd; padding: 4px;"
        )
        self.change_label.hide()
        self.ui.central_layout.addWidget(
            self.change_label, self.ui.central_layout.rowCount(), 0, 1, 2
        )
        if receipts is not None:
            # The queue reports from its print thread; the events hop onto the GUI thread.
            events = PrinterEvents()
            events.faulted.connect(self.set_printer_fault, Qt.ConnectionType.QueuedConnection)
            events.recovered.connect(
                lambda: self.set_printer_fault(None), Qt.ConnectionType.QueuedConnection
            )
            events.delivered.connect(self.set_receipt_delivery, Qt.ConnectionType.QueuedConnection)
            receipts.listen(events.faulted.emit, events.recovered.emit, events.delivered.emit)
            self._printer_events = events
            self.status.printer_fault = receipts.fault
        self._connect(hub)
        self._retranslate()
        self._render()

    def _connect(self, hub: ScanHub) -> None:
        """Bind the function keys and the scans to their actions; the finished window does."""
        raise NotImplementedError

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

    def set_printer_fault(self, fault: PrinterFault | None) -> None:
        """The receipt printer's fault (said in the window's language), or ready; sales go on."""
        if self.status.set_printer_fault(fault):
            self.printer_changed.emit()

    def set_receipt_delivery(self, receipt_no: str, delivery: object) -> None:
        """How far the last receipt got: 已打印 (status read back) or 已发送 (none to read)."""
        if isinstance(delivery, Delivery) and self.status.set_delivery(receipt_no, delivery):
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
        try:
            self._backend.record_reprint(again.header.receipt_no)
        except Exception:  # the paper is out; the log line is missing, which the log says
            log.exception("reprint of %s not audited", again.header.receipt_no)
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

    # -- the ticket and the screen ------------------------------------------------------------

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
        self.ui.lines_view.clearSelection()  # the caller selects the line it changed, if any
        self.lines_model.set_ticket(self.priced)
        if self.draft.lines:
            self.change_label.hide()
        self._keep_timer.start()
        self._render()
        self.ticket_changed.emit()
        return ok

    def show_change(self, change: Fen) -> None:
        """The change of the sale just paid, big, until the next ticket starts."""
        self.change_label.setText(self.tr("Change {change}").format(change=change))
        self.change_label.show()
        self._render()

    @property
    def keep_pending(self) -> bool:
        """True between a change and its write (one event-loop turn: the paint)."""
        return self._keep_timer.isActive()

    def keep_open_now(self) -> None:
        """Write the ticket on screen down, so a crash or restart never loses it.

        Forced before paying, holding, a new ticket and closing; otherwise it runs right after
        the change is painted. A process killed between a change and this write restarts with
        the ticket as it was one change before (a scan's line missing), never with a paid or
        held ticket offered.
        """
        self._keep_timer.stop()
        if self.draft != self._kept:
            name = "" if self.member is None else self.member.name
            try:
                self._backend.keep_open_ticket(self.draft, name)
            except Exception:  # the sale goes on; only its copy for a restart is missing
                log.exception("open ticket %s not kept", self.draft.txn_id)
                return
            self._kept = self.draft

    def _show_error(self, err: errors.DomainError) -> None:
        self._message = "!" + error_text(err)
        self._render()

    def _render(self) -> None:
        error = self._message.startswith("!")
        self.ui.message_label.setText(self._message.removeprefix("!"))
        restyle(
            self.ui.message_label,
            "font-weight: bold; color: #b00020;" if error else "font-weight: bold; color: #1b5e20;",
        )
        self.ui.refusal_label.setVisible(bool(self.ui.refusal_label.text()))
        render_member(self.ui, self.member)
        render_totals(self.ui, self.priced)
