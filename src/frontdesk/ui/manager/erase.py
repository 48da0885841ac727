"""The erase page: a member's personal data deleted at their request (个人信息保护法 第四十七条).

The rule (a zero balance or a 退卡, then the program's retention period) is the service's: its
refusal is shown as it says it, in the screen's language, before any approval is asked; then a
manager approves this member's erasure. The ledger and its chain keep the member id only.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QPushButton, QWidget

from frontdesk.domain import errors
from frontdesk.services.till_port import ApprovalAction, TillBackend
from frontdesk.ui.i18n import error_text
from frontdesk.ui.manager.common import CardForm, ManagerPage, card_line, show


class MemberErasePage(ManagerPage):
    """删除个人信息: the card's member looked up, the request confirmed, the erasure approved.

    Signals:
        member_changed(object): the member after the erasure (named 已删除).
    """

    member_changed = Signal(object)

    def __init__(self, backend: TillBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        form = QFormLayout()
        self.card = CardForm(self, form, "")
        self.member_label = QLabel(self)
        self.member_label.setWordWrap(True)
        form.addRow(self.member_label)
        self.asked_check = QCheckBox(self)
        form.addRow(self.asked_check)
        self.erase_button = QPushButton(self)
        self.result_label = self.lay_out_form(form, self.erase_button, self._on_erase_clicked)
        self.result_label.setWordWrap(True)
        self.card.edit.returnPressed.connect(self.look_up)
        self._retranslate()

    def _retranslate(self) -> None:
        self.card.caption.setText(self.tr("Card number"))
        self.asked_check.setText(self.tr("The member asked for their personal data to be erased"))
        self.keys.label(self.erase_button, self.tr("Erase personal data"))

    @Slot()
    def look_up(self) -> None:
        try:
            member = self._backend.find_card(self.card.text())
        except errors.DomainError as err:
            show(self.member_label, error_text(err), error=True)
            return
        show(self.member_label, card_line(member))

    @Slot()
    def _on_erase_clicked(self) -> None:
        if not self.asked_check.isChecked():
            show(
                self.result_label,
                self.tr("Tick that the member asked for it: erasure cannot be undone"),
                error=True,
            )
            return
        card_no = self.card.text()
        member = self.approved(
            ApprovalAction.MEMBER_ERASE,
            card_no,
            lambda approval: self._backend.erase_member(card_no, approval),
        )
        if member is not None:
            self.asked_check.setChecked(False)
            show(self.member_label, card_line(member))
            show(
                self.result_label,
                self.tr("Personal data erased; the ledger keeps the member number only"),
            )
            self.member_changed.emit(member)
