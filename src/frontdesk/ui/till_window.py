"""The till: an always-ready scan field, the member panel, the ticket, totals and function keys.

The window is built in layers, one seam each: till_core (state, repricing, receipts),
till_member, till_lines, till_held, till_paying and till_shift; this module binds the keys and
routes the scans.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QPushButton

from frontdesk.domain.scan import Scan, ScanKind, ScanRefused, classify
from frontdesk.ui.prompts import ConfirmDialog
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.tender import TenderDialog
from frontdesk.ui.till_shift import TillShift


class TillWindow(TillShift):
    """The cashier's screen for one shift; every action is on a function key.

    The signals are TillCore's (ticket_changed, member_changed, card_refused, sale_completed,
    receipt_issued, printer_changed, manager_requested, language_toggled).
    """

    def _connect(self, hub: ScanHub) -> None:
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
        # Every function key is taken: 查找 is Ctrl+F, 挂单 Ctrl+G (gua), 取单 Ctrl+Q (qu),
        # 中途报表 Ctrl+B (bao), 改价 Ctrl+J (jia), 单品折扣 Ctrl+D, 整单折扣 Ctrl+T (ticket).
        self._ctrl_keys = {
            QKeySequence("Ctrl+F"): self.search_products,
            QKeySequence("Ctrl+G"): self.hold_ticket,
            QKeySequence("Ctrl+Q"): self.recall_ticket,
            QKeySequence("Ctrl+B"): self.x_report,
            QKeySequence("Ctrl+J"): self.override_price,
            QKeySequence("Ctrl+D"): self.discount_line,
            QKeySequence("Ctrl+T"): self.discount_ticket,
        }
        for sequence, ctrl_action in self._ctrl_keys.items():
            QShortcut(sequence, self, ctrl_action)
        # Once the window is up: the ticket that was on screen when the till stopped.
        QTimer.singleShot(0, self.offer_open_ticket)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Alt+F4 or the window's ✕ mid-sale asks; the program's own close (after 交班) does not.
        if event.spontaneous() and self.draft.lines and not self.confirm_close():
            event.ignore()
            return
        if self.keep_pending:  # the last change is written before the window goes
            self.keep_open_now()
        super().closeEvent(event)

    def confirm_close(self) -> bool:
        """Ask before the window closes on an open ticket (it is kept for the next start)."""
        items = sum(line.quantity for line in self.draft.lines)
        text = self.tr(
            "{items} item(s) on the ticket are not paid. Close the till? The ticket is kept"
            " and offered back at the next start."
        ).format(items=items)
        return ConfirmDialog.ask(self, self.tr("Close the till"), text, default_yes=False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The shortcuts need an active window; a key the scan field passes up works without one.
        button = self._function_keys.get(Qt.Key(event.key()))
        if button is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            button.click()
            return
        steps = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
        step = steps.get(Qt.Key(event.key()))
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if step is not None and plain == Qt.KeyboardModifier.NoModifier:
            self.select_line(step)
            return
        ctrl_action = self._ctrl_keys.get(QKeySequence(event.keyCombination()))
        if ctrl_action is not None:
            ctrl_action()
            return
        super().keyPressEvent(event)

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
        elif scan.kind is ScanKind.HELD_TICKET:
            self.recall_held(int(scan.code))
        elif scan.kind is ScanKind.RECEIPT_NUMBER:
            self._message = "!" + self.tr(
                "Receipt {receipt_no}: refunds are on the manager screens (F9)"
            ).format(receipt_no=scan.code)
            self._render()
        else:
            self._message = "!" + self.tr("A payment code is scanned when taking payment (F5)")
            self._render()
        self.ui.scan_edit.setFocus()

    @Slot()
    def _on_escape(self) -> None:
        self.ui.scan_edit.clear()
        self.ui.refusal_label.clear()
        self._message = ""
        self._render()
