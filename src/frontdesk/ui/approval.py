"""Manager approval: the manager's own staff number and PIN, bound to one action."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, Slot
from PySide6.QtWidgets import QDialog, QWidget

from frontdesk.domain import errors
from frontdesk.domain.money import Fen
from frontdesk.services.till_port import ApprovalAction, TillBackend
from frontdesk.ui.forms.ui_approval_dialog import Ui_ApprovalDialog
from frontdesk.ui.i18n import error_text

T = TypeVar("T")


class ApprovalDialog(QDialog):
    """Asks a manager to approve one action on one subject (and amount); returns the approval id."""

    def __init__(
        self,
        backend: TillBackend,
        action: ApprovalAction,
        subject: str,
        amount: Fen | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ApprovalDialog()
        self.ui.setupUi(self)
        self._backend = backend
        self._action, self._subject, self._amount = action, subject, amount
        self.approval_id: str | None = None
        self.ui.approve_button.clicked.connect(self._on_approve_clicked)
        self.ui.cancel_button.clicked.connect(self.reject)
        self._retranslate()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        backend: TillBackend,
        action: ApprovalAction,
        subject: str,
        amount: Fen | None,
    ) -> str | None:
        dialog = cls(backend, action, subject, amount, parent)
        dialog.exec()
        return dialog.approval_id

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        text = self.tr("Approve: {action}").format(action=action_label(self._action))
        if self._subject:
            text += "\n" + self.tr("Subject: {subject}").format(subject=self._subject)
        if self._amount is not None:
            text += "\n" + self.tr("Amount: {amount}").format(amount=self._amount)
        self.ui.prompt_label.setText(text)

    @Slot()
    def _on_approve_clicked(self) -> None:
        try:
            self.approval_id = self._backend.approve(
                self._action,
                self._subject,
                self._amount,
                self.ui.manager_no_edit.text().strip(),
                self.ui.pin_edit.text(),
            )
        except errors.DomainError as err:
            self.ui.error_label.setText(error_text(err))
            self.ui.pin_edit.clear()
            self.ui.pin_edit.setFocus()
            return
        self.accept()


def action_label(action: ApprovalAction) -> str:
    """What the approval is for, in the language on screen."""
    labels = {
        ApprovalAction.MANAGER_SCREENS: QCoreApplication.translate(
            "Approval", "Open manager screens"
        ),
        ApprovalAction.UNREPORT: QCoreApplication.translate("Approval", "Un-report a lost card"),
        ApprovalAction.FREEZE: QCoreApplication.translate("Approval", "Freeze a card"),
        ApprovalAction.UNFREEZE: QCoreApplication.translate("Approval", "Unfreeze a card"),
        ApprovalAction.REISSUE_FEE_WAIVER: QCoreApplication.translate(
            "Approval", "Waive the reissue fee"
        ),
        ApprovalAction.CARD_RETURN: QCoreApplication.translate(
            "Approval", "Card return and cash-out"
        ),
        ApprovalAction.REFUND: QCoreApplication.translate("Approval", "Refund"),
        ApprovalAction.PIN_RESET: QCoreApplication.translate("Approval", "Reset the member PIN"),
        ApprovalAction.POINTS_ADJUST: QCoreApplication.translate("Approval", "Adjust points"),
        ApprovalAction.TIER_LOCK: QCoreApplication.translate("Approval", "Lock the tier"),
    }
    return labels[action]


def with_approval(
    parent: QWidget,
    backend: TillBackend,
    action: ApprovalAction,
    subject: str,
    amount: Fen | None,
    call: Callable[[str | None], T],
) -> T | None:
    """Try the call; if a rule wants a manager approval, ask for one and try again with it.

    Returns None when the manager declined. The backend decides what needs approval, so the
    window never keeps its own list.
    """
    try:
        return call(None)
    except errors.ApprovalRequired as required:
        # The backend may name the exact subject and amount to approve (a refund's total).
        bound_subject = required.details.get("subject", subject)
        bound_amount = required.details.get("amount", amount)
        if isinstance(bound_subject, str):
            subject = bound_subject
        if isinstance(bound_amount, Fen):
            amount = bound_amount
        approval = ApprovalDialog.ask(parent, backend, action, subject, amount)
        if approval is None:
            return None
        return call(approval)
