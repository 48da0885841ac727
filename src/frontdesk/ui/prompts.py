"""Small questions the till asks (a quantity, an amount) in one replaceable dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


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
