"""Manager screens: members and cards, stored value, refunds, PINs, points, tiers, audit, shift."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain import errors
from frontdesk.domain.cards import CardAction, CardState
from frontdesk.domain.money import Fen
from frontdesk.domain.scan import Scan, ScanKind
from frontdesk.services.card_output import CardNotPrinted, CardOutput
from frontdesk.services.device_settings import DeviceSettings
from frontdesk.services.till_port import (
    ApprovalAction,
    AuditEntry,
    MemberView,
    RegistrationForm,
    ShiftReport,
    TenderKind,
    TillBackend,
)
from frontdesk.ui.approval import with_approval
from frontdesk.ui.committed import Request, not_finished, receipt_not_printed
from frontdesk.ui.forms.ui_register_member_page import Ui_RegisterMemberPage
from frontdesk.ui.function_keys import KeyedPage
from frontdesk.ui.i18n import error_text
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.settings import DeviceSettingsPage
from frontdesk.ui.sync_status import SyncRunner
from frontdesk.ui.tender import tender_label
from frontdesk.ui.till_window import tier_text

log = logging.getLogger(__name__)
T = TypeVar("T")
ModelIndex = QModelIndex | QPersistentModelIndex
_OK = "font-weight: bold; color: #1b5e20;"
_ERROR = "font-weight: bold; color: #b00020;"
_WARNING = "font-weight: bold; color: #e65100;"


def _show(label: QLabel, text: str, *, error: bool = False) -> None:
    label.setStyleSheet(_ERROR if error else _OK)
    label.setText(text)


def _attempt(label: QLabel, call: Callable[[], T]) -> T | None:
    """Run a committing call; a refusal or a failure is shown on `label` and gives None.

    A failure that is no refusal may have committed: the page keeps the request's transaction
    id, so doing it again is answered with what was committed, never done twice.
    """
    try:
        return call()
    except errors.DomainError as err:
        _show(label, error_text(err), error=True)
    except Exception:
        log.exception("a manager operation did not finish")
        _show(label, not_finished(), error=True)
    return None


def _show_done(label: QLabel, text: str, receipt_failed: bool) -> None:
    """A committed operation's result; when its receipt could not be made, that too."""
    if receipt_failed:
        _show(label, f"{receipt_not_printed()}  {text}", error=True)
    else:
        _show(label, text)


def _card_line(member: MemberView) -> str:
    return f"{member.card_no}  {member.name}  {member.masked_phone}"


class _CardEvents(QObject):
    # No parent: a card still printing when its page closes must find it alive.
    printed = Signal(str)
    failed = Signal(str)


class _CardJob(QRunnable):
    """Writes one card's PDF on a pool thread (reportlab and barcodes take a moment)."""

    def __init__(self, cards: CardOutput, member: MemberView, events: _CardEvents) -> None:
        super().__init__()
        self._cards = cards
        self._member = member
        self._events = events

    def run(self) -> None:
        try:
            path = self._cards.print_card(self._member)
        except CardNotPrinted as failed:
            self._events.failed.emit(str(failed))
        except Exception as exc:  # a worker thread must always report back, never die silently
            self._events.failed.emit(str(exc) or type(exc).__name__)
        else:
            self._events.printed.emit(path)


class CardPrinting(QObject):
    """打印会员卡 for the card a page just issued; at once when a card printer is configured.

    The PDF is written on this object's own thread pool; the path comes back by signal.

    Signals:
        card_printed(str): the path of the card's PDF.
    """

    card_printed = Signal(str)

    def __init__(self, page: KeyedPage, cards: CardOutput | None, result: QLabel, key: str) -> None:
        super().__init__(page)
        self._cards = cards
        self._result = result
        self._keys = page.keys
        self._member: MemberView | None = None
        self._lead = ""
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one card at a time, in the order asked
        self._events = _CardEvents()
        self._events.printed.connect(self._on_printed, Qt.ConnectionType.QueuedConnection)
        self._events.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self.button = QPushButton(page)
        self._keys.bind(self.button, key)
        self.button.setEnabled(False)
        self.button.setVisible(cards is not None)
        self.button.clicked.connect(lambda: self.print_card())

    def retranslate(self) -> None:
        self._keys.label(self.button, self.tr("Print member card"))

    def issued(self, member: MemberView, done: str) -> None:
        """A card was issued (``done`` says so); print it now or offer the button."""
        self._member = member
        self.button.setEnabled(self._cards is not None)
        if self._cards is not None and self._cards.automatic:
            self.print_card(done)
        else:
            _show(self._result, done)

    def print_card(self, done: str = "") -> None:
        if self._cards is None or self._member is None:
            return
        self._lead = f"{done}\n" if done else ""
        self.button.setEnabled(False)
        _show(self._result, self._lead + self.tr("Printing member card…"))
        self.pool.start(_CardJob(self._cards, self._member, self._events))

    @Slot(str)
    def _on_printed(self, path: str) -> None:
        self.button.setEnabled(True)
        _show(self._result, self._lead + self.tr("Member card saved: {path}").format(path=path))
        self.card_printed.emit(path)

    @Slot(str)
    def _on_failed(self, reason: str) -> None:
        self.button.setEnabled(True)
        _show(self._result, self._lead + reason, error=True)


class RegisterMemberPage(KeyedPage):
    """Registration at the counter and a new card, with the two PIPL consents.

    Signals:
        member_registered(object): the MemberView of the new member.
    """

    member_registered = Signal(object)

    def __init__(
        self,
        backend: TillBackend,
        parent: QWidget | None = None,
        cards: CardOutput | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_RegisterMemberPage()
        self.ui.setupUi(self)
        self._backend = backend
        self.keys.bind(self.ui.register_button, "F2")
        self.card_printing = CardPrinting(self, cards, self.ui.result_label, "F3")
        self.ui.button_layout.insertWidget(1, self.card_printing.button)
        self.ui.birthday_check.toggled.connect(self.ui.birthday_edit.setEnabled)
        self.ui.register_button.clicked.connect(self._on_register_clicked)
        self.ui.phone_edit.returnPressed.connect(self.ui.name_edit.setFocus)
        self.ui.pin_edit.returnPressed.connect(self._on_register_clicked)
        self.ui.phone_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # the form's own texts, before the page's
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.keys.label(self.ui.register_button, self.tr("Register and issue card"))
        self.card_printing.retranslate()
        current = self.ui.gender_combo.currentIndex()
        self.ui.gender_combo.clear()
        self.ui.gender_combo.addItem(self.tr("Not given"), None)
        self.ui.gender_combo.addItem(self.tr("Female"), "F")
        self.ui.gender_combo.addItem(self.tr("Male"), "M")
        self.ui.gender_combo.setCurrentIndex(max(current, 0))

    @Slot()
    def _on_register_clicked(self) -> None:
        birthday: date | None = None
        if self.ui.birthday_check.isChecked():
            picked = self.ui.birthday_edit.date().toPython()
            birthday = picked if isinstance(picked, date) else None
        form = RegistrationForm(
            phone=self.ui.phone_edit.text(),
            name=self.ui.name_edit.text(),
            birthday=birthday,
            gender=self.ui.gender_combo.currentData(),
            consent_terms=self.ui.consent_terms_check.isChecked(),
            consent_marketing=self.ui.consent_marketing_check.isChecked(),
            pin=self.ui.pin_edit.text(),
        )
        try:
            member = self._backend.register_member(form)
        except errors.DomainError as err:
            _show(self.ui.result_label, error_text(err), error=True)
            return
        self.card_printing.issued(
            member,
            self.tr("Registered {name}; card {card_no} issued").format(
                name=member.name, card_no=member.card_no
            ),
        )
        for edit in (self.ui.phone_edit, self.ui.name_edit, self.ui.pin_edit):
            edit.clear()
        self.ui.consent_terms_check.setChecked(False)
        self.ui.consent_marketing_check.setChecked(False)
        self.member_registered.emit(member)


class _CardForm:
    """The card number field most pages start with; a scan fills it."""

    def __init__(self, page: QWidget, form: QFormLayout, caption: str) -> None:
        self.caption = QLabel(caption, page)
        self.edit = QLineEdit(page)
        self.edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        form.addRow(self.caption, self.edit)

    def text(self) -> str:
        return self.edit.text().strip()


class TopupPage(KeyedPage):
    """充值: the bonus the program gives is shown before and after.

    Bank card, WeChat and Alipay top-ups carry the payment's reference (the till does not talk
    to those networks, so the cashier types or scans it from the terminal's slip).

    Signals:
        member_changed(object): the member's balance changed.
        receipt_issued(object): the top-up's Receipt.
    """

    member_changed = Signal(object)
    receipt_issued = Signal(object)

    def __init__(self, backend: TillBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._request = Request()  # the request's transaction id until its result is shown
        self._backend = backend
        form = QFormLayout()
        self.card = _CardForm(self, form, "")
        self.amount_caption = QLabel(self)
        self.amount_edit = QLineEdit(self)
        form.addRow(self.amount_caption, self.amount_edit)
        self.tender_caption = QLabel(self)
        self.tender_combo = QComboBox(self)
        form.addRow(self.tender_caption, self.tender_combo)
        self.reference_caption = QLabel(self)
        self.reference_edit = QLineEdit(self)
        self.reference_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        form.addRow(self.reference_caption, self.reference_edit)
        self.topup_button = QPushButton(self)
        self.result_label = self.lay_out_form(form, self.topup_button, self._on_topup_clicked)
        self.card.edit.returnPressed.connect(self.amount_edit.setFocus)
        self.amount_edit.returnPressed.connect(self._on_topup_clicked)
        self.reference_edit.returnPressed.connect(self._on_topup_clicked)
        self.tender_combo.currentIndexChanged.connect(self._on_tender_changed)
        self._retranslate()
        self._on_tender_changed()

    def _retranslate(self) -> None:
        self.card.caption.setText(self.tr("Card number"))
        self.amount_caption.setText(self.tr("Top-up amount (yuan)"))
        self.tender_caption.setText(self.tr("Paid with"))
        self.reference_caption.setText(self.tr("Payment reference"))
        self.reference_edit.setPlaceholderText(self.tr("From the card terminal or wallet slip"))
        self.keys.label(self.topup_button, self.tr("Top up"))
        current = self.tender_combo.currentIndex()
        self.tender_combo.clear()
        for kind in TenderKind:
            if kind is not TenderKind.STORED_VALUE:
                self.tender_combo.addItem(tender_label(kind), kind)
        self.tender_combo.setCurrentIndex(max(current, 0))

    @Slot()
    def _on_topup_clicked(self) -> None:
        text = self.amount_edit.text().strip()
        try:
            amount = Fen.of(text)
        except ValueError:
            _show(self.result_label, error_text(errors.InvalidAmount(amount=text)), error=True)
            return
        tender = self.tender_combo.currentData()
        reference = "" if tender is TenderKind.CASH else self.reference_edit.text()
        card_no = self.card.text()
        txn_id = self._request.txn_id((card_no, amount, tender, reference))
        result = _attempt(
            self.result_label,
            lambda: self._backend.topup(card_no, amount, tender, reference, txn_id),
        )
        if result is None:
            return
        self._request.done()
        _show_done(
            self.result_label,
            self.tr(
                "Topped up {principal} + bonus {bonus}. "
                "Balance: principal {balance_p}, bonus {balance_b}"
            ).format(
                principal=result.principal,
                bonus=result.bonus,
                balance_p=result.member.principal,
                balance_b=result.member.bonus,
            ),
            result.receipt_failed,
        )
        self.amount_edit.clear()
        self.reference_edit.clear()
        self.receipt_issued.emit(result.receipt)
        self.member_changed.emit(result.member)

    @Slot()
    def _on_tender_changed(self) -> None:
        needs_reference = self.tender_combo.currentData() not in (None, TenderKind.CASH)
        self.reference_caption.setEnabled(needs_reference)
        self.reference_edit.setEnabled(needs_reference)


class CardActionsPage(KeyedPage):
    """挂失 / 解挂 / 冻结 / 解冻 / 补卡 / 退卡 on one card.

    Signals:
        card_changed(object): the MemberView after the change (the new card after 补卡).
        receipt_issued(object): the Receipt of a 补卡 fee or a 退卡 payout.
        card_reported_lost(str): 挂失 went through for this card number.
    """

    card_changed = Signal(object)
    receipt_issued = Signal(object)
    card_reported_lost = Signal(str)

    def __init__(
        self,
        backend: TillBackend,
        parent: QWidget | None = None,
        cards: CardOutput | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        form = QFormLayout()
        self.card = _CardForm(self, form, "")
        self.lookup_button = QPushButton(self)
        self.state_label = QLabel(self)
        self.state_label.setWordWrap(True)
        form.addRow(self.lookup_button, self.state_label)
        self.report_lost_button = QPushButton(self)
        self.unreport_button = QPushButton(self)
        self.freeze_button = QPushButton(self)
        self.unfreeze_button = QPushButton(self)
        self.return_button = QPushButton(self)
        actions = QGridLayout()
        for i, button in enumerate(
            (
                self.report_lost_button,
                self.unreport_button,
                self.freeze_button,
                self.unfreeze_button,
                self.return_button,
            )
        ):
            actions.addWidget(button, i // 3, i % 3)
        self.reissue_box = QGroupBox(self)
        reissue_form = QFormLayout(self.reissue_box)
        self.phone_caption, self.phone_edit = QLabel(self), QLineEdit(self)
        self.name_caption, self.name_edit = QLabel(self), QLineEdit(self)
        self.waive_check, self.reason_edit = QCheckBox(self), QLineEdit(self)
        self.reason_edit.setEnabled(False)
        self.reissue_button = QPushButton(self)
        reissue_form.addRow(self.phone_caption, self.phone_edit)
        reissue_form.addRow(self.name_caption, self.name_edit)
        reissue_form.addRow(self.waive_check, self.reason_edit)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.card_printing = CardPrinting(self, cards, self.result_label, "F8")
        reissue_buttons = QHBoxLayout()
        reissue_buttons.addWidget(self.reissue_button)
        reissue_buttons.addWidget(self.card_printing.button)
        reissue_buttons.addStretch(1)
        reissue_form.addRow(reissue_buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.reissue_box)
        layout.addWidget(self.result_label)
        layout.addStretch(1)

        for button, key in (
            (self.lookup_button, "F1"),
            (self.report_lost_button, "F2"),
            (self.unreport_button, "F3"),
            (self.freeze_button, "F4"),
            (self.unfreeze_button, "F5"),
            (self.return_button, "F6"),
            (self.reissue_button, "F7"),
        ):
            self.keys.bind(button, key)
        self.lookup_button.clicked.connect(self.look_up)
        self.card.edit.returnPressed.connect(self.look_up)
        self.report_lost_button.clicked.connect(lambda: self._change(CardAction.REPORT_LOST))
        self.unreport_button.clicked.connect(lambda: self._change(CardAction.UNREPORT))
        self.freeze_button.clicked.connect(lambda: self._change(CardAction.FREEZE))
        self.unfreeze_button.clicked.connect(lambda: self._change(CardAction.UNFREEZE))
        self.return_button.clicked.connect(self._on_return_clicked)
        self.waive_check.toggled.connect(self.reason_edit.setEnabled)
        self.reissue_button.clicked.connect(self._on_reissue_clicked)
        for edit in (self.phone_edit, self.name_edit, self.reason_edit):
            edit.returnPressed.connect(self._on_reissue_clicked)
        self._retranslate()

    def _retranslate(self) -> None:
        self.card.caption.setText(self.tr("Card number"))
        self.keys.label(self.lookup_button, self.tr("Look up"))
        self.keys.label(self.report_lost_button, self.tr("Report lost"))
        self.keys.label(self.unreport_button, self.tr("Un-report"))
        self.keys.label(self.freeze_button, self.tr("Freeze"))
        self.keys.label(self.unfreeze_button, self.tr("Unfreeze"))
        self.keys.label(self.return_button, self.tr("Card return (cash out)"))
        self.reissue_box.setTitle(self.tr("Reissue (identity check)"))
        self.phone_caption.setText(self.tr("Mobile phone"))
        self.name_caption.setText(self.tr("Name"))
        self.waive_check.setText(self.tr("Waive the fee, reason:"))
        self.keys.label(self.reissue_button, self.tr("Reissue card"))
        self.card_printing.retranslate()

    def _show_state(self, member: MemberView) -> None:
        """The card's line; a card that cannot be used (lost, frozen…) in warning colour."""
        self.state_label.setStyleSheet(_OK if member.card_state is CardState.ACTIVE else _WARNING)
        self.state_label.setText(
            self.tr("{card}: {state}").format(
                card=_card_line(member), state=card_state_text(member)
            )
        )

    @Slot()
    def look_up(self) -> None:
        try:
            member = self._backend.find_card(self.card.text())
        except errors.DomainError as err:
            _show(self.state_label, error_text(err), error=True)
            return
        self._show_state(member)

    def _change(self, action: CardAction) -> None:
        approval_action = {
            CardAction.UNREPORT: ApprovalAction.UNREPORT,
            CardAction.FREEZE: ApprovalAction.FREEZE,
            CardAction.UNFREEZE: ApprovalAction.UNFREEZE,
        }.get(action, ApprovalAction.MANAGER_SCREENS)
        card_no = self.card.text()
        try:
            member = with_approval(
                self,
                self._backend,
                approval_action,
                card_no,
                None,
                lambda approval: self._backend.change_card_state(card_no, action, approval),
            )
        except errors.DomainError as err:
            _show(self.result_label, error_text(err), error=True)
            return
        if member is not None:
            self._show_state(member)
            _show(self.result_label, self.tr("Done"))
            self.card_changed.emit(member)
            if action is CardAction.REPORT_LOST:
                self.card_reported_lost.emit(member.card_no)

    @Slot()
    def _on_return_clicked(self) -> None:
        card_no = self.card.text()
        result = _attempt(
            self.result_label,
            lambda: with_approval(
                self,
                self._backend,
                ApprovalAction.CARD_RETURN,
                card_no,
                None,
                lambda approval: self._backend.return_card(card_no, approval),
            ),
        )
        if result is not None:
            _show_done(
                self.result_label,
                self.tr(
                    "Card returned: pay out principal {principal}; bonus {bonus} forfeited"
                ).format(principal=result.principal_paid, bonus=result.bonus_forfeited),
                result.receipt_failed,
            )
            self._show_state(result.member)
            self.receipt_issued.emit(result.receipt)
            self.card_changed.emit(result.member)

    @Slot()
    def _on_reissue_clicked(self) -> None:
        card_no = self.card.text()
        waive = self.reason_edit.text() if self.waive_check.isChecked() else None
        result = _attempt(
            self.result_label,
            lambda: with_approval(
                self,
                self._backend,
                ApprovalAction.REISSUE_FEE_WAIVER,
                card_no,
                None,
                lambda approval: self._backend.reissue_card(
                    card_no, self.phone_edit.text(), self.name_edit.text(), waive, approval
                ),
            ),
        )
        if result is not None:
            done = self.tr("New card {card_no} issued; fee {fee}").format(
                card_no=result.new_card_no, fee=result.fee
            )
            if result.receipt_failed:
                done = f"{receipt_not_printed()}  {done}"
            self.card_printing.issued(result.member, done)
            self.card.edit.setText(result.new_card_no)
            self._show_state(result.member)
            self.receipt_issued.emit(result.receipt)
            self.card_changed.emit(result.member)


def card_state_text(member: MemberView) -> str:
    texts = {
        CardState.ACTIVE: QCoreApplication.translate("CardState", "active"),
        CardState.LOST: QCoreApplication.translate("CardState", "reported lost"),
        CardState.FROZEN: QCoreApplication.translate("CardState", "frozen"),
        CardState.REPLACED: QCoreApplication.translate("CardState", "replaced"),
        CardState.RETURNED: QCoreApplication.translate("CardState", "returned"),
    }
    return "—" if member.card_state is None else texts[member.card_state]


class RefundPage(KeyedPage):
    """Refund a whole receipt by its number, with a manager's approval of its amount.

    Signals:
        receipt_issued(object): the refund's Receipt.
    """

    receipt_issued = Signal(object)

    def __init__(self, backend: TillBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._request = Request()  # the request's transaction id until its result is shown
        self._backend = backend
        form = QFormLayout()
        self.receipt_caption, self.receipt_edit = QLabel(self), QLineEdit(self)
        form.addRow(self.receipt_caption, self.receipt_edit)
        self.refund_button = QPushButton(self)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.receipt_view = QPlainTextEdit(self)
        self.receipt_view.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.refund_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.result_label)
        layout.addWidget(self.receipt_view, 1)
        self.keys.bind(self.refund_button, "F2")
        self.refund_button.clicked.connect(self._on_refund_clicked)
        self.receipt_edit.returnPressed.connect(self._on_refund_clicked)
        self._retranslate()

    def _retranslate(self) -> None:
        self.receipt_caption.setText(self.tr("Receipt number"))
        self.keys.label(self.refund_button, self.tr("Refund the receipt"))

    @Slot()
    def _on_refund_clicked(self) -> None:
        receipt_no = self.receipt_edit.text().strip()
        txn_id = self._request.txn_id(receipt_no)
        result = _attempt(
            self.result_label,
            lambda: with_approval(
                self,
                self._backend,
                ApprovalAction.REFUND,
                receipt_no,
                None,
                lambda approval: self._backend.refund(receipt_no, approval, txn_id),
            ),
        )
        if result is not None:
            self._request.done()
            _show_done(
                self.result_label,
                self.tr("Refunded {amount} for {receipt_no}").format(
                    amount=result.amount, receipt_no=result.receipt_no
                ),
                result.receipt_failed,
            )
            self.receipt_view.setPlainText("\n".join(result.receipt_lines))
            self.receipt_issued.emit(result.receipt)


class PinResetPage(KeyedPage):
    """A new stored-value PIN, which also lifts the lock after too many wrong tries.

    Signals:
        member_changed(object): the member whose PIN was reset.
    """

    member_changed = Signal(object)

    def __init__(self, backend: TillBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        form = QFormLayout()
        self.card = _CardForm(self, form, "")
        self.pin_caption, self.pin_edit = QLabel(self), QLineEdit(self)
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.pin_caption, self.pin_edit)
        self.reset_button = QPushButton(self)
        self.result_label = self.lay_out_form(form, self.reset_button, self._on_reset_clicked)
        self.card.edit.returnPressed.connect(self.pin_edit.setFocus)
        self.pin_edit.returnPressed.connect(self._on_reset_clicked)
        self._retranslate()

    def _retranslate(self) -> None:
        self.card.caption.setText(self.tr("Card number"))
        self.pin_caption.setText(self.tr("New PIN (member types it)"))
        self.keys.label(self.reset_button, self.tr("Reset PIN"))

    @Slot()
    def _on_reset_clicked(self) -> None:
        card_no, pin = self.card.text(), self.pin_edit.text()
        try:
            member = with_approval(
                self,
                self._backend,
                ApprovalAction.PIN_RESET,
                card_no,
                None,
                lambda approval: self._backend.reset_pin(card_no, pin, approval),
            )
        except errors.DomainError as err:
            _show(self.result_label, error_text(err), error=True)
            return
        finally:
            self.pin_edit.clear()
        if member is not None:
            _show(self.result_label, self.tr("PIN reset for {name}").format(name=member.name))
            self.member_changed.emit(member)


class PointsAdjustPage(KeyedPage):
    """A manual points adjustment, always with a reason (seed 003).

    Signals:
        member_changed(object): the member after the adjustment.
    """

    member_changed = Signal(object)

    def __init__(self, backend: TillBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        form = QFormLayout()
        self.card = _CardForm(self, form, "")
        self.points_caption, self.points_spin = QLabel(self), QSpinBox(self)
        self.points_spin.setRange(-10_000_000, 10_000_000)
        form.addRow(self.points_caption, self.points_spin)
        self.reason_caption, self.reason_edit = QLabel(self), QLineEdit(self)
        form.addRow(self.reason_caption, self.reason_edit)
        self.adjust_button = QPushButton(self)
        self.result_label = self.lay_out_form(form, self.adjust_button, self._on_adjust_clicked)
        self.card.edit.returnPressed.connect(self.points_spin.setFocus)
        self.reason_edit.returnPressed.connect(self._on_adjust_clicked)
        self._retranslate()

    def _retranslate(self) -> None:
        self.card.caption.setText(self.tr("Card number"))
        self.points_caption.setText(self.tr("Points (+ add, − remove)"))
        self.reason_caption.setText(self.tr("Reason"))
        self.keys.label(self.adjust_button, self.tr("Adjust points"))

    @Slot()
    def _on_adjust_clicked(self) -> None:
        card_no, points, reason = (
            self.card.text(),
            self.points_spin.value(),
            self.reason_edit.text(),
        )
        try:
            member = with_approval(
                self,
                self._backend,
                ApprovalAction.POINTS_ADJUST,
                card_no,
                None,
                lambda approval: self._backend.adjust_points(card_no, points, reason, approval),
            )
        except errors.DomainError as err:
            _show(self.result_label, error_text(err), error=True)
            return
        if member is not None:
            _show(
                self.result_label,
                self.tr("{name} now has {points} points").format(
                    name=member.name, points=f"{member.points:,}"
                ),
            )
            self.member_changed.emit(member)


class TierLockPage(KeyedPage):
    """等级锁定: hold a member at a tier, or let the rules decide again.

    Signals:
        member_changed(object): the member after the change.
    """

    member_changed = Signal(object)

    def __init__(self, backend: TillBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        form = QFormLayout()
        self.card = _CardForm(self, form, "")
        self.tier_caption, self.tier_combo = QLabel(self), QComboBox(self)
        form.addRow(self.tier_caption, self.tier_combo)
        self.reason_caption, self.reason_edit = QLabel(self), QLineEdit(self)
        form.addRow(self.reason_caption, self.reason_edit)
        self.lock_button = QPushButton(self)
        self.result_label = self.lay_out_form(form, self.lock_button, self._on_lock_clicked)
        self.card.edit.returnPressed.connect(self.tier_combo.setFocus)
        self.reason_edit.returnPressed.connect(self._on_lock_clicked)
        self._retranslate()

    def _retranslate(self) -> None:
        self.card.caption.setText(self.tr("Card number"))
        self.tier_caption.setText(self.tr("Tier"))
        self.reason_caption.setText(self.tr("Reason"))
        self.keys.label(self.lock_button, self.tr("Apply"))
        current = self.tier_combo.currentIndex()
        self.tier_combo.clear()
        self.tier_combo.addItem(self.tr("Unlock: the rules decide"), None)
        for code, name in self._backend.tier_names():
            self.tier_combo.addItem(
                self.tr("Lock at {tier}").format(tier=tier_text(code, name)), code
            )
        self.tier_combo.setCurrentIndex(max(current, 0))

    @Slot()
    def _on_lock_clicked(self) -> None:
        card_no, tier, reason = (
            self.card.text(),
            self.tier_combo.currentData(),
            self.reason_edit.text(),
        )
        try:
            member = with_approval(
                self,
                self._backend,
                ApprovalAction.TIER_LOCK,
                card_no,
                None,
                lambda approval: self._backend.lock_tier(card_no, tier, reason, approval),
            )
        except errors.DomainError as err:
            _show(self.result_label, error_text(err), error=True)
            return
        if member is not None:
            _show(self.result_label, self.tr("Done"))
            self.member_changed.emit(member)


def audit_detail(entry: AuditEntry) -> str:
    """An audit row's amount, outcome (when not ok) and details, as one line to read."""
    parts = [] if entry.amount is None else [str(Fen(entry.amount))]
    if entry.outcome and entry.outcome != "ok":
        parts.append(entry.outcome)
    parts += [f"{k}={v}" for k, v in entry.detail.items() if v not in (None, "")]
    return " ".join(parts)


class AuditLogModel(QAbstractTableModel):
    """The audit log, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[AuditEntry] = []

    def set_entries(self, entries: Sequence[AuditEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        if not 0 <= index.row() < len(self._entries):
            return None
        e = self._entries[index.row()]
        values = (
            e.at.strftime("%Y-%m-%d %H:%M"),
            e.actor,
            e.approver or "",
            e.action,
            e.subject or "",
            audit_detail(e),
        )
        return values[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (
            self.tr("Time"),
            self.tr("Staff"),
            self.tr("Approved by"),
            self.tr("Action"),
            self.tr("Subject"),
            self.tr("Detail"),
        )
        return titles[section] if 0 <= section < len(titles) else None


class AuditLogPage(KeyedPage):
    """Who did what, and which manager approved it."""

    def __init__(self, backend: TillBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self.model = AuditLogModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.refresh_button = QPushButton(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignRight)
        self.keys.bind(self.refresh_button, "F5")
        self.refresh_button.clicked.connect(self.refresh)
        self._retranslate()

    def _retranslate(self) -> None:
        self.keys.label(self.refresh_button, self.tr("Refresh"))

    @Slot()
    def refresh(self) -> None:
        self.model.set_entries(self._backend.audit_log(500))


class ShiftClosePage(KeyedPage):
    """交班: count the drawer, see over/short against what the till expected.

    Signals:
        shift_closed(object): the ShiftReport.
        receipt_issued(object): the shift report's Receipt (交班报表).
    """

    shift_closed = Signal(object)
    receipt_issued = Signal(object)

    def __init__(self, backend: TillBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        form = QFormLayout()
        self.counted_caption, self.counted_edit = QLabel(self), QLineEdit(self)
        form.addRow(self.counted_caption, self.counted_edit)
        self.close_button = QPushButton(self)
        figures = QGridLayout()
        self.expected_caption, self.expected_value = QLabel(self), QLabel(self)
        self.counted_value_caption, self.counted_value = QLabel(self), QLabel(self)
        self.over_short_caption, self.over_short_value = QLabel(self), QLabel(self)
        for row, (caption, value) in enumerate(
            (
                (self.expected_caption, self.expected_value),
                (self.counted_value_caption, self.counted_value),
                (self.over_short_caption, self.over_short_value),
            )
        ):
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setStyleSheet("font-size: 20pt; font-weight: bold;")
            figures.addWidget(caption, row, 0)
            figures.addWidget(value, row, 1)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.report_view = QPlainTextEdit(self)
        self.report_view.setReadOnly(True)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(figures)
        layout.addWidget(self.result_label)
        layout.addWidget(self.report_view, 1)
        self.keys.bind(self.close_button, "F2")
        self.close_button.clicked.connect(self._on_close_clicked)
        self.counted_edit.returnPressed.connect(self._on_close_clicked)
        self._retranslate()

    def _retranslate(self) -> None:
        self.counted_caption.setText(self.tr("Counted cash (yuan)"))
        self.keys.label(self.close_button, self.tr("Close shift"))
        self.expected_caption.setText(self.tr("Expected in the drawer"))
        self.counted_value_caption.setText(self.tr("Counted"))
        self.over_short_caption.setText(self.tr("Over (+) / short (−)"))

    @Slot()
    def _on_close_clicked(self) -> None:
        text = self.counted_edit.text().strip()
        try:
            counted = Fen.of(text)
        except ValueError:
            _show(self.result_label, error_text(errors.InvalidAmount(amount=text)), error=True)
            return
        try:
            report = self._backend.close_shift(counted)
        except errors.DomainError as err:
            _show(self.result_label, error_text(err), error=True)
            return
        self.render_report(report)
        self.receipt_issued.emit(report.receipt)
        self.shift_closed.emit(report)

    def render_report(self, report: ShiftReport) -> None:
        self.expected_value.setText(str(report.expected_cash))
        self.counted_value.setText(str(report.counted_cash))
        over = report.over_short
        self.over_short_value.setText(("+" if over.value > 0 else "") + str(over))
        colour = "#1b5e20" if over.value == 0 else "#b00020"
        self.over_short_value.setStyleSheet(f"font-size: 20pt; font-weight: bold; color: {colour};")
        self.report_view.setPlainText("\n".join(report.report_lines))
        _show(self.result_label, self.tr("Shift closed"))


class ManagerDialog(QDialog):
    """The manager screens in tabs; opened only after a manager approved (F9 / F11).

    Signals:
        member_changed(object): a page changed a member (balance, PIN, card, tier).
        shift_closed(object): the shift was closed; the till logs out.
        receipt_issued(object): a page committed an operation with a receipt to print.
    """

    member_changed = Signal(object)
    shift_closed = Signal(object)
    receipt_issued = Signal(object)

    PAGES = (
        "members",
        "topup",
        "cards",
        "refund",
        "pin",
        "points",
        "tier",
        "audit",
        "shift",
        "devices",
    )

    def __init__(
        self,
        backend: TillBackend,
        hub: ScanHub | None = None,
        parent: QWidget | None = None,
        devices: DeviceSettings | None = None,
        sync: SyncRunner | None = None,
        cards: CardOutput | None = None,
    ) -> None:
        super().__init__(parent)
        # A list beside the pages, not tabs: nine titles at 15 pt do not fit across one row.
        self.nav = QListWidget(self)
        self.nav.setFixedWidth(200)
        self.stack = QStackedWidget(self)
        self.register_page = RegisterMemberPage(backend, self, cards)
        self.topup_page = TopupPage(backend, self)
        self.card_page = CardActionsPage(backend, self, cards)
        self.refund_page = RefundPage(backend, self)
        self.pin_page = PinResetPage(backend, self)
        self.points_page = PointsAdjustPage(backend, self)
        self.tier_page = TierLockPage(backend, self)
        self.audit_page = AuditLogPage(backend, self)
        self.shift_page = ShiftClosePage(backend, self)
        self._pages: tuple[QWidget, ...] = (
            self.register_page,
            self.topup_page,
            self.card_page,
            self.refund_page,
            self.pin_page,
            self.points_page,
            self.tier_page,
            self.audit_page,
            self.shift_page,
        )
        # The device page only where the app handed in device settings (not in a bare backend).
        self.devices_page = None if devices is None else DeviceSettingsPage(devices, self)
        if self.devices_page is not None:
            self._pages = (*self._pages, self.devices_page)
        for page in self._pages:
            self.stack.addWidget(page)
            self.nav.addItem("")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        # Ctrl+1…Ctrl+9 and Ctrl+0 for the tenth page; the list prints each page's digit.
        for i in range(len(self._pages)):
            QShortcut(QKeySequence(f"Ctrl+{(i + 1) % 10}"), self, lambda i=i: self.go_to(i))
        self.nav_hint = QLabel(self)
        self.nav_hint.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(self.nav, 1)
        side.addWidget(self.nav_hint)
        body = QHBoxLayout()
        body.addLayout(side)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.buttons)
        for page_with_member in (self.register_page,):
            page_with_member.member_registered.connect(self.member_changed)
        for page in (self.topup_page, self.pin_page, self.points_page, self.tier_page):
            page.member_changed.connect(self.member_changed)
        self.card_page.card_changed.connect(self.member_changed)
        self.shift_page.shift_closed.connect(self.shift_closed)
        if sync is not None:
            # Other stores must refuse a lost card soon: push it now, not at the next sync.
            self.card_page.card_reported_lost.connect(lambda _card: sync.push_card_event())
        for printing in (self.topup_page, self.card_page, self.refund_page, self.shift_page):
            printing.receipt_issued.connect(self.receipt_issued)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.stack.currentChanged.connect(self._on_page_changed)
        if hub is not None:
            hub.scanned.connect(self.on_scanned)
        # Enter is wired to each form's main action; a dialog's default button would click it twice.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.resize(1100, 720)
        self._retranslate()

    @classmethod
    def ask(
        cls,
        backend: TillBackend,
        hub: ScanHub | None,
        page: str,
        parent: QWidget | None = None,
    ) -> ManagerDialog:
        dialog = cls(backend, hub, parent)
        dialog.show_page(page)
        dialog.exec()
        return dialog

    def show_page(self, name: str) -> None:
        self.go_to(self.PAGES.index(name))

    def go_to(self, index: int) -> None:
        """Show the page at ``index`` (Ctrl+1 is the first), the cursor in its first field."""
        if not 0 <= index < len(self._pages):
            return
        self.nav.setCurrentRow(index)
        fields = [edit for edit in self._pages[index].findChildren(QLineEdit) if edit.isEnabled()]
        if fields:
            fields[0].setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Shortcuts need an active window; keys a field passes up (or sent here) work without one.
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == Qt.KeyboardModifier.ControlModifier and (
            Qt.Key.Key_0.value <= event.key() <= Qt.Key.Key_9.value
        ):
            self.go_to((event.key() - Qt.Key.Key_1.value) % 10)
            return
        page = self.stack.currentWidget()
        if isinstance(page, KeyedPage) and page.keys.press(event):
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Manager"))
        self.nav_hint.setText(self.tr("Ctrl+digit: go to that page"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText("Esc " + self.tr("Close"))
        titles = (
            self.tr("Register member"),
            self.tr("Top up"),
            self.tr("Cards"),
            self.tr("Refund"),
            self.tr("PIN reset"),
            self.tr("Points"),
            self.tr("Tier lock"),
            self.tr("Audit log"),
            self.tr("Close shift"),
            self.tr("Devices"),
        )
        for i, title in enumerate(titles):
            item = self.nav.item(i)
            if item is not None:
                item.setText(f"{(i + 1) % 10}  {title}")

    @Slot(int)
    def _on_page_changed(self, index: int) -> None:
        if self._pages[index] is self.audit_page:
            self.audit_page.refresh()

    @Slot(object)
    def on_scanned(self, scan: Scan) -> None:
        """A card fills the open page's card number; a receipt number goes to the refund page."""
        if scan.kind is ScanKind.RECEIPT_NUMBER:
            self.show_page("refund")
            self.refund_page.receipt_edit.setText(scan.code)
            self.refund_page.receipt_edit.setFocus()
            return
        card = getattr(self.stack.currentWidget(), "card", None)
        if scan.kind is ScanKind.MEMBER_CARD and isinstance(card, _CardForm):
            card.edit.setText(scan.code)
            if self.stack.currentWidget() is self.card_page:
                self.card_page.look_up()
