"""Taking payment: any mix of stored value (with the member's PIN), cash, card and wallets."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QWidget

from frontdesk.domain import errors
from frontdesk.domain.money import ZERO, Fen, total
from frontdesk.domain.pricing import PricedTicket
from frontdesk.domain.scan import Scan, ScanKind
from frontdesk.domain.tendering import pays_at_once
from frontdesk.services.till_port import (
    Committed,
    MemberView,
    SaleResult,
    Tender,
    TenderKind,
    TicketDraft,
    TillBackend,
)
from frontdesk.ui.committed import not_finished
from frontdesk.ui.forms.ui_tender_dialog import Ui_TenderDialog
from frontdesk.ui.i18n import error_text
from frontdesk.ui.scanning import mark_scan_field

log = logging.getLogger(__name__)


def tender_label(kind: TenderKind) -> str:
    labels = {
        TenderKind.STORED_VALUE: QCoreApplication.translate("Tender", "Stored value"),
        TenderKind.CASH: QCoreApplication.translate("Tender", "Cash"),
        TenderKind.BANK_CARD: QCoreApplication.translate("Tender", "Bank card"),
        TenderKind.WECHAT: QCoreApplication.translate("Tender", "WeChat Pay"),
        TenderKind.ALIPAY: QCoreApplication.translate("Tender", "Alipay"),
    }
    return labels[kind]


class _Events(QObject):
    # No parent: a checkout still running when the dialog goes away must find it alive.
    finished = Signal(object)


class _Checkout(QRunnable):
    """The checkout on a pool thread: its result, or the exception it raised, comes back."""

    def __init__(self, call: Callable[[], Committed[SaleResult]], events: _Events) -> None:
        super().__init__()
        self._call = call
        self._events = events

    def run(self) -> None:
        outcome: object
        try:
            outcome = self._call()
        except Exception as exc:  # handed to the dialog, which says what it means
            outcome = exc
        self._events.finished.emit(outcome)


class TenderDialog(QDialog):
    """Collects tenders and the PIN, then asks the backend to check out.

    The figures shown (tendered, still to pay, change) are sums for the cashier's eyes; the
    backend decides whether the payment is acceptable and what the change really is.

    A stored-value spend the backend asks head office to hold can wait seconds on a slow line:
    that checkout runs on a pool thread, the dialog says 正在向总部确认… and keeps painting and
    reading keys, and nothing in it can pay, cancel or close until the answer is in.

    Signals:
        tenders_changed(): a tender was added or removed.
        checked_out(object): the Committed[SaleResult] of a completed sale.
    """

    tenders_changed = Signal()
    checked_out = Signal(object)

    def __init__(
        self,
        backend: TillBackend,
        draft: TicketDraft,
        priced: PricedTicket,
        member: MemberView | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_TenderDialog()
        self.ui.setupUi(self)
        self._backend = backend
        self._draft = draft
        self._priced = priced
        self._member = member
        self.tenders: list[Tender] = []
        self.result_: Committed[SaleResult] | None = None
        # Enter on an empty amount pays what is still due in this tender; F1–F4, F6 choose it.
        self.selected = TenderKind.CASH
        kinds = {
            self.ui.stored_value_button: (TenderKind.STORED_VALUE, "F1"),
            self.ui.cash_button: (TenderKind.CASH, "F2"),
            self.ui.bank_card_button: (TenderKind.BANK_CARD, "F3"),
            self.ui.wechat_button: (TenderKind.WECHAT, "F4"),
            self.ui.alipay_button: (TenderKind.ALIPAY, "F6"),
        }
        self._function_keys: dict[Qt.Key, QPushButton] = {}
        for button, (kind, key) in kinds.items():
            button.setShortcut(key)
            self._function_keys[getattr(Qt.Key, f"Key_{key}")] = button
            button.clicked.connect(lambda _=False, k=kind: self.add_tender(k))
        self.ui.stored_value_button.setEnabled(member is not None)
        self.ui.remove_tender_button.setShortcut("F7")
        self._function_keys[Qt.Key.Key_F7] = self.ui.remove_tender_button
        self.ui.remove_tender_button.clicked.connect(self._on_remove_clicked)
        # F5 again (收款 twice) confirms, as Enter does: never a second tender for the whole due.
        self.ui.confirm_button.setShortcut("F5")
        self._function_keys[Qt.Key.Key_F5] = self.ui.confirm_button
        for digit in "0123456789":
            pad_button = getattr(self.ui, f"pin_{digit}_button")
            pad_button.clicked.connect(lambda _=False, d=digit: self.ui.pin_edit.insert(d))
        self.ui.pin_clear_button.clicked.connect(self.ui.pin_edit.clear)
        self.ui.pin_back_button.clicked.connect(self.ui.pin_edit.backspace)
        self.ui.confirm_button.clicked.connect(self._on_confirm_clicked)
        self.ui.cancel_button.clicked.connect(self.reject)
        mark_scan_field(self.ui.reference_edit)  # a 付款码 or a POS slip number, scanned
        self.waiting_label = QLabel(self)
        self.waiting_label.setStyleSheet("color: #0d47a1; font-weight: bold;")
        self.waiting_label.hide()
        self.ui.main_layout.addWidget(self.waiting_label, self.ui.main_layout.rowCount(), 0, 1, 2)
        self.busy = False  # a checkout is out on the pool, waiting on head office
        self._events = _Events()
        self._events.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self.ui.amount_edit.setFocus()
        self._refresh()

    @classmethod
    def ask(
        cls,
        backend: TillBackend,
        draft: TicketDraft,
        priced: PricedTicket,
        member: MemberView | None,
        parent: QWidget | None = None,
        tendered: Fen | None = None,
    ) -> Committed[SaleResult] | None:
        """The sale, or None when the cashier cancelled.

        ``tendered`` is cash the cashier typed before 收款: a ticket it settles is paid at once,
        without the screen; otherwise the screen opens with it typed in.
        """
        dialog = cls(backend, draft, priced, member, parent)
        if tendered is not None:
            dialog.ui.amount_edit.setText(tendered.yuan().replace(",", ""))
            if pays_at_once(tendered, priced.due):
                dialog.ui.confirm_button.click()
        if dialog.result_ is None:
            dialog.exec()
        return dialog.result_

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.busy and event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # the sale is being decided: neither cancelled nor sent twice
        # The shortcuts need an active window; a key a field passes up works without one.
        button = self._function_keys.get(Qt.Key(event.key()))
        if button is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            button.click()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.waiting_label.setText(_asking_head_office())
            self._refresh()
        super().changeEvent(event)

    def reject(self) -> None:
        if not self.busy:  # Esc or 取消 while head office decides would leave a sale unseen
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)

    def add_tender(self, kind: TenderKind) -> bool:
        """Add a tender of `kind` for the typed amount, or for what is still to pay.

        False when nothing was added (the amount is not one); the error line says why.
        """
        self.selected = kind
        text = self.ui.amount_edit.text().strip()
        try:
            amount = Fen.of(text) if text else max(self._remaining(), ZERO)
        except ValueError:
            self.ui.error_label.setText(self.tr("Not an amount: {text}").format(text=text))
            return False
        if amount.value <= 0:
            self.ui.error_label.setText(self.tr("Type an amount first"))
            return False
        self.tenders.append(Tender(kind, amount, self.ui.reference_edit.text().strip()))
        self.ui.amount_edit.clear()
        self.ui.reference_edit.clear()
        self.ui.error_label.clear()
        self._refresh()
        self.tenders_changed.emit()
        return True

    def on_scanned(self, scan: Scan) -> None:
        """A wallet's 付款码 scanned while paying becomes the payment's reference."""
        if scan.kind is ScanKind.PAYMENT_CODE:
            self.ui.reference_edit.setText(scan.code)
            self.ui.error_label.clear()

    @Slot()
    def _on_remove_clicked(self) -> None:
        if self.tenders:
            self.tenders.pop()
            self._refresh()
            self.tenders_changed.emit()

    def _paid(self) -> Fen:
        return total([t.amount for t in self.tenders])

    def _remaining(self) -> Fen:
        return self._priced.due - self._paid()

    def _stored_value(self) -> Fen:
        return total([t.amount for t in self.tenders if t.kind is TenderKind.STORED_VALUE])

    def _refresh(self) -> None:
        self.ui.due_value_label.setText(str(self._priced.due))
        self.ui.paid_value_label.setText(str(self._paid()))
        self.ui.remaining_value_label.setText(str(max(self._remaining(), ZERO)))
        self.ui.change_value_label.setText(str(max(-self._remaining(), ZERO)))
        self.ui.tenders_list.clear()
        for t in self.tenders:
            reference = f"  [{t.reference}]" if t.reference else ""
            self.ui.tenders_list.addItem(f"{tender_label(t.kind)}  {t.amount}{reference}")
        if self._member is not None:
            self.ui.balance_label.setText(
                self.tr("Stored value: principal {principal}, bonus {bonus}").format(
                    principal=self._member.principal, bonus=self._member.bonus
                )
            )
        stored = self._stored_value()
        needs_pin = (
            self._member is not None
            and bool(stored)
            and self._backend.pin_required(self._member.member_id, stored)
        )
        self.ui.pin_box.setEnabled(needs_pin)
        if needs_pin:
            self.ui.pin_edit.setFocus()

    @Slot()
    def _on_confirm_clicked(self) -> None:
        # Enter with an amount typed, or with money still due: that amount, or what is due, in
        # the chosen tender (cash unless one was chosen). Exact cash is F5 then Enter.
        if self.ui.amount_edit.text().strip() or self._remaining().value > 0:
            if not self.add_tender(self.selected):
                return
            if self.ui.pin_box.isEnabled() and not self.ui.pin_edit.text():
                return  # stored value was chosen: its PIN first, then Enter again
        if self.busy:
            return
        pin = self.ui.pin_edit.text() or None
        tenders = list(self.tenders)

        def call() -> Committed[SaleResult]:
            # The basket's own transaction id: a second Enter replays the sale, never repeats it.
            return self._backend.checkout(self._draft, tenders, pin)

        if self._stored_value() and self._backend.asks_head_office():
            self._set_busy(True)
            QThreadPool.globalInstance().start(_Checkout(call, self._events))
            return
        outcome: object
        try:
            outcome = call()
        except Exception as exc:  # committed or not, the same basket again is answered
            outcome = exc
        self._finish(outcome)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.waiting_label.setText(_asking_head_office())
        self.waiting_label.setVisible(busy)
        for button in self.findChildren(QPushButton):
            button.setEnabled(not busy)
        self.ui.amount_edit.setReadOnly(busy)
        if not busy:
            self.ui.stored_value_button.setEnabled(self._member is not None)
            self._refresh()  # the PIN pad as the tenders want it

    @Slot(object)
    def _on_finished(self, outcome: object) -> None:
        self._set_busy(False)
        self._finish(outcome)

    def _finish(self, outcome: object) -> None:
        if isinstance(outcome, errors.DomainError):
            self.ui.error_label.setText(error_text(outcome))
            self.ui.pin_edit.clear()
            return
        if isinstance(outcome, Exception):  # committed or not, the same basket is answered
            log.error("checkout %s did not finish", self._draft.txn_id, exc_info=outcome)
            self.ui.error_label.setText(not_finished())
            return
        assert isinstance(outcome, Committed)
        self.result_ = outcome
        self.checked_out.emit(outcome)
        self.accept()


def _asking_head_office() -> str:
    return QCoreApplication.translate("Tender", "Asking head office to confirm…")
