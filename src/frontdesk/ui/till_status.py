"""The till window's status bar: the cashier, the scanner, the receipt printer and head office."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar

from frontdesk.services.printing import Delivery, PrinterFault
from frontdesk.services.sync_control import SyncState, SyncStatus
from frontdesk.services.till_port import StaffSession
from frontdesk.ui.i18n import Translations
from frontdesk.ui.sync_status import SyncRunner, sync_reason, sync_status_text

_TROUBLE = "font-weight: bold; color: #b00020;"
_UNCONFIRMED = "color: #8d6e00;"  # 已发送: not a fault, but nobody saw the paper come out


class TillStatus:
    """Four permanent labels and what they last showed, so a language change redraws them."""

    def __init__(self, bar: QStatusBar, sync: SyncRunner | None, printing: bool) -> None:
        self.scanner_label = QLabel(bar)
        self.sync_label = QLabel(bar)
        self.staff_label = QLabel(bar)
        self.printer_label = QLabel(bar)
        for label in (self.staff_label, self.scanner_label, self.printer_label, self.sync_label):
            bar.addPermanentWidget(label)
        self.scanner_state, self.scanned_code = "ready", ""
        self.sync_status: SyncStatus | None = None if sync is None else sync.status
        self.printer_fault: PrinterFault | None = None
        self.delivery: tuple[str, Delivery] | None = None  # the last receipt out, and how far
        self.printer_label.setVisible(printing)

    def retranslate(self, session: StaffSession) -> None:
        # The texts keep the window's translation context ("TillWindow"), where they were first.
        self.staff_label.setText(
            QCoreApplication.translate("TillWindow", "Cashier {name} ({staff_no})").format(
                name=session.name, staff_no=session.staff_no
            )
        )
        self.set_scanner_state(self.scanner_state, self.scanned_code)
        self.set_sync_status(self.sync_status)
        self.set_printer_fault(self.printer_fault)

    def set_scanner_state(self, state: str, code: str = "") -> None:
        """Show ready, scanned (with the code), offline, or a serial scanner's own status."""
        self.scanner_state, self.scanned_code = state, code
        texts = {
            "ready": QCoreApplication.translate("TillWindow", "Scanner: ready"),
            "scanned": QCoreApplication.translate("TillWindow", "Scanner: read {code}").format(
                code=code
            ),
            "offline": QCoreApplication.translate("TillWindow", "Scanner: not connected"),
        }
        self.scanner_label.setText(texts.get(state, state))

    def set_sync_status(self, status: object) -> None:
        if not isinstance(status, SyncStatus):
            self.sync_status = None
            self.sync_label.setVisible(False)
            return
        self.sync_status = status
        trouble = status.state in (SyncState.OFFLINE, SyncState.FAILED)
        self.sync_label.setStyleSheet(_TROUBLE if trouble else "")
        self.sync_label.setText(sync_status_text(status))
        self.sync_label.setToolTip(sync_reason(status))
        self.sync_label.setVisible(True)

    def set_printer_fault(self, fault: PrinterFault | None) -> bool:
        """Show the printer's fault as it reported it, else how the last receipt went.

        True when the label changed.
        """
        self.printer_fault = fault
        return self._show_printer()

    def set_delivery(self, receipt_no: str, delivery: Delivery) -> bool:
        """The last receipt was printed (its status read back) or only sent; True when shown."""
        self.delivery = (receipt_no, delivery)
        return self._show_printer()

    def _show_printer(self) -> bool:
        before = (self.printer_label.text(), self.printer_label.toolTip())
        tip = ""
        if self.printer_fault is not None:  # a fault outranks the last receipt's news
            style, text = _TROUBLE, self.printer_fault.text(Translations.current())
        elif self.delivery is None:
            style, text = "", QCoreApplication.translate("TillWindow", "Printer: ready")
        elif self.delivery[1] is Delivery.PRINTED:
            style = ""
            text = QCoreApplication.translate(
                "TillWindow", "Printer: receipt {receipt_no} printed"
            ).format(receipt_no=self.delivery[0])
        else:
            style = _UNCONFIRMED
            text = QCoreApplication.translate(
                "TillWindow", "Printer: receipt {receipt_no} sent, not confirmed"
            ).format(receipt_no=self.delivery[0])
            tip = QCoreApplication.translate(
                "TillWindow",
                "This printer reports no status: the receipt was sent to it, but the till "
                "cannot tell that it came out. Check the paper.",
            )
        self.printer_label.setStyleSheet(style)
        self.printer_label.setText(text)
        self.printer_label.setToolTip(tip)
        return (text, tip) != before
