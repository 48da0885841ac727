"""Small questions the till asks (a quantity, an amount, yes or no) in replaceable dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget


class PromptDialog(QInputDialog):
    """A one-field question; tests replace `ask_int` / `ask_text` instead of running exec()."""

    @classmethod
    def ask_int(
        cls, parent: QWidget, title: str, label: str, value: int, minimum: int, maximum: int
    ) -> int | None:
        dialog = cls(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(minimum, maximum)
        dialog.setIntValue(value)
        return dialog.intValue() if dialog.exec() else None

    @classmethod
    def ask_text(cls, parent: QWidget, title: str, label: str) -> str | None:
        dialog = cls(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        return dialog.textValue() if dialog.exec() else None


class ConfirmDialog(QMessageBox):
    """A yes/no question: Y answers yes, N and Esc no, Enter the default answer.

    A question whose yes is dangerous (closing mid-sale) defaults to no. Tests replace `ask` with
    the real dialog on screen, answered by a key.
    """

    def __init__(self, parent: QWidget | None, title: str, text: str, default_yes: bool) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(title)
        self.setText(text)
        yes, no = (
            (self.tr("Yes (Enter)"), self.tr("No (Esc)"))
            if default_yes
            else (self.tr("Yes (Y)"), self.tr("No (Enter/Esc)"))
        )
        self.yes_button = self.addButton(yes, QMessageBox.ButtonRole.YesRole)
        self.no_button = self.addButton(no, QMessageBox.ButtonRole.NoRole)
        self.setDefaultButton(self.yes_button if default_yes else self.no_button)
        self.setEscapeButton(self.no_button)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        answers = {Qt.Key.Key_Y: self.yes_button, Qt.Key.Key_N: self.no_button}
        button = answers.get(Qt.Key(event.key()))
        if button is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            button.click()
            return
        super().keyPressEvent(event)

    def answered_yes(self) -> bool:
        return self.clickedButton() is self.yes_button

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, default_yes: bool = True) -> bool:
        dialog = cls(parent, title, text, default_yes)
        dialog.exec()
        return dialog.answered_yes()
