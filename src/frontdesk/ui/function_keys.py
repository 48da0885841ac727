"""Function keys printed on buttons: a shortcut each, and the same keys for keyPressEvent."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class FunctionKeys(QObject):
    """The function keys of one screen: the key goes on the button's text and its shortcut.

    Shortcuts need an active window, which the offscreen platform never gives; so the screen's
    ``keyPressEvent`` also hands every key a field passes up to ``press``.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys: dict[Qt.Key, QAbstractButton] = {}
        self._names: dict[QAbstractButton, str] = {}

    def bind(self, button: QAbstractButton, key: str) -> None:
        """``key`` is "F1"…"F12"; a key bound twice on one screen is a mistake."""
        code = Qt.Key(getattr(Qt.Key, f"Key_{key}"))
        if code in self._keys:
            raise ValueError(f"{key} is already bound on this screen")
        self._keys[code] = button
        self._names[button] = key
        button.setShortcut(QKeySequence(key))

    def label(self, button: QAbstractButton, text: str) -> None:
        """Print the button's key before its (translated) text: "F2 挂失"."""
        # setText would drop the shortcut of a button whose text has no mnemonic; set it again.
        key = self._names[button]
        button.setText(f"{key} {text}")
        button.setShortcut(QKeySequence(key))

    def key_of(self, button: QAbstractButton) -> str:
        return self._names[button]

    def press(self, event: QKeyEvent) -> bool:
        """Click the button of an unmodified function key, if it can be used; True if handled."""
        button = self._keys.get(Qt.Key(event.key()))
        if button is None or event.modifiers() != Qt.KeyboardModifier.NoModifier:
            return False
        if button.isVisibleTo(button.window()) and button.isEnabled():
            button.click()
        return True


class KeyedPage(QWidget):
    """A page whose buttons' function keys work from any of its fields.

    Its texts are set by `_retranslate`, called again whenever the language changes.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys = FunctionKeys(self)

    def _retranslate(self) -> None:
        """Set the page's texts in the current language; pages with texts override it."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.keys.press(event):
            super().keyPressEvent(event)

    def lay_out_form(
        self, form: QFormLayout, button: QPushButton, action: Callable[[], None]
    ) -> QLabel:
        """The shape of a one-action page: its fields, a result line, the action on F2 below.

        Returns the result line.
        """
        result = QLabel(self)
        result.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(result)
        layout.addStretch(1)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
        self.keys.bind(button, "F2")
        button.clicked.connect(action)
        return result
