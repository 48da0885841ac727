"""The card page: look up, 挂失, 解挂, 冻结, 解冻, 退卡 and 补卡."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain import errors
from frontdesk.domain.cards import CardAction, CardState
from frontdesk.domain.member_search import MemberQueryKind, read_member_query
from frontdesk.services.card_output import CardOutput
from frontdesk.services.till_port import ApprovalAction, MemberView, TillBackend
from frontdesk.ui.committed import receipt_not_printed
from frontdesk.ui.i18n import error_text
from frontdesk.ui.manager.card_printing import CardPrinting
from frontdesk.ui.manager.card_return_dialog import BankPayoutDialog
from frontdesk.ui.manager.common import (
    OK,
    WARNING,
    CardForm,
    ManagerPage,
    card_line,
    card_state_text,
    show,
    show_done,
)


class CardActionsPage(ManagerPage):
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
        self.card = CardForm(self, form, "")
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
        self.bearer_button = QPushButton(self)
        actions.addWidget(self.bearer_button, 1, 2)
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
            (self.bearer_button, "F9"),
        ):
            self.keys.bind(button, key)
        self.lookup_button.clicked.connect(self.look_up)
        self.card.edit.returnPressed.connect(self.look_up)
        self.report_lost_button.clicked.connect(lambda: self._change(CardAction.REPORT_LOST))
        self.unreport_button.clicked.connect(lambda: self._change(CardAction.UNREPORT))
        self.freeze_button.clicked.connect(lambda: self._change(CardAction.FREEZE))
        self.unfreeze_button.clicked.connect(lambda: self._change(CardAction.UNFREEZE))
        self.return_button.clicked.connect(self._on_return_clicked)
        self.bearer_button.clicked.connect(self._on_bearer_clicked)
        self.waive_check.toggled.connect(self.reason_edit.setEnabled)
        self.reissue_button.clicked.connect(self._on_reissue_clicked)
        for edit in (self.phone_edit, self.name_edit, self.reason_edit):
            edit.returnPressed.connect(self._on_reissue_clicked)
        self._retranslate()

    def _retranslate(self) -> None:
        self.card.caption.setText(self.tr("Card or mobile number"))
        self.card.edit.setPlaceholderText(self.tr("Card, mobile number or its last 4 digits"))
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
        self.keys.label(self.bearer_button, self.tr("Issue a bearer card"))
        self.card_printing.retranslate()

    def _show_state(self, member: MemberView) -> None:
        """The card's line; a card that cannot be used (lost, frozen…) in warning colour."""
        self.state_label.setStyleSheet(OK if member.card_state is CardState.ACTIVE else WARNING)
        self.state_label.setText(
            self.tr("{card}: {state}").format(card=card_line(member), state=card_state_text(member))
        )

    @Slot()
    def look_up(self) -> None:
        """The card typed or scanned; or the card of the member a phone (or its tail) names."""
        try:
            card_no = self._card_named(self.card.text())
            if card_no is None:
                return
            member = self._backend.find_card(card_no)
        except errors.DomainError as err:
            show(self.state_label, error_text(err), error=True)
            return
        self.card.edit.setText(card_no)
        self._show_state(member)

    def _card_named(self, text: str) -> str | None:
        """A card number as it is; a phone or name: the member's active (else newest) card."""
        if read_member_query(text).kind is MemberQueryKind.CARD:
            return text
        hits = self._backend.search_members(text)
        if len(hits) != 1:
            names = "、".join(f"{h.name} {h.phone}" for h in hits[:5])
            show(
                self.state_label,
                self.tr("Several members match: {names}. Type the full mobile number.").format(
                    names=names
                )
                if hits
                else self.tr("No member found"),
                error=True,
            )
            return None
        hit = hits[0]
        card_no = hit.card_no or hit.last_card_no
        if card_no is None:
            show(self.state_label, self.tr("{name} has no card").format(name=hit.name), error=True)
        return card_no

    def _change(self, action: CardAction) -> None:
        approval_action = {
            CardAction.UNREPORT: ApprovalAction.UNREPORT,
            CardAction.FREEZE: ApprovalAction.FREEZE,
            CardAction.UNFREEZE: ApprovalAction.UNFREEZE,
        }.get(action, ApprovalAction.MANAGER_SCREENS)
        card_no = self.card.text()
        member = self.approved(
            approval_action,
            card_no,
            lambda approval: self._backend.change_card_state(card_no, action, approval),
        )
        if member is not None:
            self._show_state(member)
            show(self.result_label, self.tr("Done"))
            self.card_changed.emit(member)
            if action is CardAction.REPORT_LOST:
                self.card_reported_lost.emit(member.card_no)

    @Slot()
    def _on_return_clicked(self) -> None:
        card_no = self.card.text()
        bank = None
        try:
            by_bank = self._backend.card_return_by_bank(card_no)
        except errors.DomainError as err:
            show(self.result_label, error_text(err), error=True)
            return
        if by_bank:  # above the threshold: to the member's own account, not from the drawer
            bank = BankPayoutDialog.ask(self)
            if bank is None:
                return
        result = self.approved(
            ApprovalAction.CARD_RETURN,
            card_no,
            lambda approval: self._backend.return_card(card_no, approval, bank),
        )
        if result is not None and result.member is not None:  # a 退卡 is always a member's
            show_done(
                self.result_label,
                self.tr(
                    "Card returned: pay out principal {principal}; bonus {bonus} forfeited"
                ).format(principal=result.done.principal_paid, bonus=result.done.bonus_forfeited),
                result.receipt_failed,
            )
            self._show_state(result.member)
            self.receipt_issued.emit(result.receipt)
            self.card_changed.emit(result.member)

    @Slot()
    def _on_bearer_clicked(self) -> None:
        """不记名卡: no name or phone asked; the card and its cap are said, ready to print."""
        try:
            member = self._backend.issue_bearer_card()
        except errors.DomainError as err:
            show(self.result_label, error_text(err), error=True)
            return
        self.card.edit.setText(member.card_no)
        self._show_state(member)
        done = self.tr("Bearer card {card_no} issued, holds at most {cap}").format(
            card_no=member.card_no, cap=member.balance_cap
        )
        self.card_printing.issued(member, done)
        self.card_changed.emit(member)

    @Slot()
    def _on_reissue_clicked(self) -> None:
        card_no = self.card.text()
        waive = self.reason_edit.text() if self.waive_check.isChecked() else None
        phone, name = self.phone_edit.text(), self.name_edit.text()
        result = self.approved(
            ApprovalAction.REISSUE_FEE_WAIVER,
            card_no,
            lambda approval: self._backend.reissue_card(card_no, phone, name, waive, approval),
        )
        if result is not None and result.member is not None:  # and so is a 补卡
            done = self.tr("New card {card_no} issued; fee {fee}").format(
                card_no=result.done.new_card, fee=result.done.fee
            )
            if result.receipt_failed:
                done = f"{receipt_not_printed()}  {done}"
            self.card_printing.issued(result.member, done)
            self.card.edit.setText(result.done.new_card)
            self._show_state(result.member)
            self.receipt_issued.emit(result.receipt)
            self.card_changed.emit(result.member)
