"""Manager approval: the manager's own staff number and PIN, bound to one action."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import QDialog, QWidget

from frontdesk.domain import errors, messages
from frontdesk.domain.approvals import ApprovalBinding
from frontdesk.domain.money import Fen
from frontdesk.services.till_port import ApprovalAction, TillBackend
from frontdesk.ui.forms.ui_approval_dialog import Ui_ApprovalDialog
from frontdesk.ui.i18n import Translations, error_text

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
        binding: ApprovalBinding | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ApprovalDialog()
        self.ui.setupUi(self)
        self._backend = backend
        self._action, self._subject, self._amount = action, subject, amount
        # What is approved: the binding a refusal named, or what the window shows.
        self._binding = binding or ApprovalBinding(
            action, subject, 0 if amount is None else amount.value
        )
        self.approval_id: str | None = None
        self.ui.approve_button.clicked.connect(self._on_approve_clicked)
        self.ui.cancel_button.clicked.connect(self.reject)
        self._retranslate()
        self.ui.manager_no_edit.setFocus()  # the manager types at once, mouse or no window manager

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        backend: TillBackend,
        action: ApprovalAction,
        subject: str,
        amount: Fen | None,
        binding: ApprovalBinding | None = None,
    ) -> str | None:
        dialog = cls(backend, action, subject, amount, parent, binding)
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
                self._binding, self.ui.manager_no_edit.text().strip(), self.ui.pin_edit.text()
            )
        except errors.DomainError as err:
            self.ui.error_label.setText(error_text(err))
            self.ui.pin_edit.clear()
            self.ui.pin_edit.setFocus()
            return
        self.accept()


def action_label(action: ApprovalAction) -> str:
    """What the approval is for, in the language on screen (the one catalogue names it)."""
    return messages.label(action, "zh_CN" if Translations.current() == "zh_CN" else "en")


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
        # The refusal names exactly what to approve; the window shows its own subject.
        binding = ApprovalBinding.of(required)
        if binding.money is not None:
            amount = binding.money
        elif binding.amount:  # points are not money: shown beside the subject
            subject = f"{subject} {binding.amount:+d}"
        approval = ApprovalDialog.ask(parent, backend, binding.action, subject, amount, binding)
        if approval is None:
            return None
        return call(approval)
