"""Registering a member and topping up stored value."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from frontdesk.domain import errors
from frontdesk.domain.money import Fen
from frontdesk.domain.tenders import PAID_TENDERS
from frontdesk.services.card_output import CardOutput
from frontdesk.services.till_port import RegistrationForm, TenderKind, TillBackend
from frontdesk.ui.committed import Request
from frontdesk.ui.forms.ui_register_member_page import Ui_RegisterMemberPage
from frontdesk.ui.function_keys import KeyedPage
from frontdesk.ui.i18n import error_text
from frontdesk.ui.manager.card_printing import CardPrinting
from frontdesk.ui.manager.common import CardForm, attempt, show, show_done
from frontdesk.ui.tender import tender_label


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
        # The member types the PIN twice, so a slip of the finger never becomes their PIN.
        self.pin_confirm_caption, self.pin_confirm_edit = QLabel(self), QLineEdit(self)
        self.pin_confirm_edit.setMaxLength(self.ui.pin_edit.maxLength())
        self.pin_confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.ui.form_layout.addRow(self.pin_confirm_caption, self.pin_confirm_edit)
        self.ui.pin_edit.returnPressed.connect(self.pin_confirm_edit.setFocus)
        self.pin_confirm_edit.returnPressed.connect(self._on_register_clicked)
        self.ui.phone_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # the form's own texts, before the page's
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.keys.label(self.ui.register_button, self.tr("Register and issue card"))
        self.pin_confirm_caption.setText(self.tr("The PIN again"))
        self.card_printing.retranslate()
        current = self.ui.gender_combo.currentIndex()
        self.ui.gender_combo.clear()
        self.ui.gender_combo.addItem(self.tr("Not given"), None)
        self.ui.gender_combo.addItem(self.tr("Female"), "F")
        self.ui.gender_combo.addItem(self.tr("Male"), "M")
        self.ui.gender_combo.setCurrentIndex(max(current, 0))

    @Slot()
    def _on_register_clicked(self) -> None:
        if self.ui.pin_edit.text() != self.pin_confirm_edit.text():
            show(
                self.ui.result_label,
                self.tr("The two PINs differ: the member types them again"),
                error=True,
            )
            self.ui.pin_edit.clear()
            self.pin_confirm_edit.clear()
            self.ui.pin_edit.setFocus()
            return
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
            show(self.ui.result_label, error_text(err), error=True)
            return
        self.card_printing.issued(
            member,
            self.tr("Registered {name}; card {card_no} issued").format(
                name=member.name, card_no=member.card_no
            ),
        )
        self.clear_form()
        self.member_registered.emit(member)

    def clear_form(self) -> None:
        """Ready for the next member: every field empty, the cursor on the phone."""
        for edit in (
            self.ui.phone_edit,
            self.ui.name_edit,
            self.ui.pin_edit,
            self.pin_confirm_edit,
        ):
            edit.clear()
        for check in (
            self.ui.consent_terms_check,
            self.ui.consent_marketing_check,
            self.ui.birthday_check,
        ):
            check.setChecked(False)
        self.ui.gender_combo.setCurrentIndex(0)
        self.ui.phone_edit.setFocus()


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
        self.card = CardForm(self, form, "")
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
            if kind.value in PAID_TENDERS:  # a top-up is paid with money, never stored value
                self.tender_combo.addItem(tender_label(kind), kind)
        self.tender_combo.setCurrentIndex(max(current, 0))

    @Slot()
    def _on_topup_clicked(self) -> None:
        text = self.amount_edit.text().strip()
        try:
            amount = Fen.of(text)
        except ValueError:
            show(self.result_label, error_text(errors.InvalidAmount(amount=text)), error=True)
            return
        tender = self.tender_combo.currentData()
        reference = "" if tender is TenderKind.CASH else self.reference_edit.text()
        card_no = self.card.text()
        txn_id = self._request.txn_id((card_no, amount, tender, reference))
        result = attempt(
            self.result_label,
            lambda: self._backend.topup(card_no, amount, tender, reference, txn_id),
        )
        if result is None or result.member is None:  # a top-up always names its member
            return
        self._request.done()
        member = result.member
        show_done(
            self.result_label,
            self.tr(
                "Topped up {principal} + bonus {bonus}. "
                "Balance: principal {balance_p}, bonus {balance_b}"
            ).format(
                principal=result.done.principal,
                bonus=result.done.bonus,
                balance_p=member.principal,
                balance_b=member.bonus,
            ),
            result.receipt_failed,
        )
        self.amount_edit.clear()
        self.reference_edit.clear()
        self.receipt_issued.emit(result.receipt)
        self.member_changed.emit(member)

    @Slot()
    def _on_tender_changed(self) -> None:
        needs_reference = self.tender_combo.currentData() not in (None, TenderKind.CASH)
        self.reference_caption.setEnabled(needs_reference)
        self.reference_edit.setEnabled(needs_reference)
