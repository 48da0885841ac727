"""The 退卡 payout dialog: the member's own bank account and ID card, when cash is not allowed."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from frontdesk.services.till_port import BankPayout


class BankPayoutDialog(QDialog):
    """Asks for the account the principal goes to and the ID card the cashier checked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Card return to a bank account"))
        form = QFormLayout(self)
        note = QLabel(
            self.tr(
                "Above the limit the principal is paid to a bank account in the member's own "
                "name. Check the member's ID card against the account holder."
            ),
            self,
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.account, self.holder = QLineEdit(self), QLineEdit(self)
        self.bank, self.id_number = QLineEdit(self), QLineEdit(self)
        form.addRow(self.tr("Account number"), self.account)
        form.addRow(self.tr("Account holder"), self.holder)
        form.addRow(self.tr("Bank"), self.bank)
        form.addRow(self.tr("ID card number"), self.id_number)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def form(self) -> BankPayout:
        """As typed: the backend reads and checks it (`BankPayout.read`)."""
        return BankPayout(
            self.account.text(), self.holder.text(), self.bank.text(), self.id_number.text()
        )

    @classmethod
    def ask(cls, parent: QWidget | None) -> BankPayout | None:
        """The details typed, or None when the cashier cancels (the card is not returned)."""
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.form()
