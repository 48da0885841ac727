"""The staff page: list, add, disable and enable, unlock, reset a PIN, change a role.

The person at the keyboard signs in on the page with their own staff number and PIN (F1), and
every change is theirs: the services decide by the permission table (a manager unlocks a
cashier, only an admin adds staff or changes a role, nobody raises their own), and a refusal is
shown as they word it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.services.staff_admin import StaffView
from frontdesk.services.till_port import TillBackend
from frontdesk.ui.function_keys import KeyedPage
from frontdesk.ui.manager.common import attempt, show

ROLES = ("cashier", "manager", "admin")


class StaffPage(KeyedPage):
    """The till's staff, managed by whoever signed in here."""

    def __init__(self, backend: TillBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = backend.staff_desk()
        self.operator: str | None = None
        self.operator_edit = QLineEdit(self)
        self.operator_pin_edit = QLineEdit(self)
        self.operator_pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_in_button = QPushButton(self)
        self.staff_list = QListWidget(self)
        self.staff_no_edit = QLineEdit(self)
        self.name_edit = QLineEdit(self)
        self.role_combo = QComboBox(self)
        for role in ROLES:
            self.role_combo.addItem("", role)
        self.pin_edit = QLineEdit(self)
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton(self)
        self.disable_button = QPushButton(self)
        self.enable_button = QPushButton(self)
        self.refresh_button = QPushButton(self)
        self.unlock_button = QPushButton(self)
        self.reset_pin_button = QPushButton(self)
        self.role_button = QPushButton(self)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self._lay_out()
        actions = (
            (self.sign_in_button, "F1", self.sign_in),
            (self.add_button, "F2", self.add),
            (self.disable_button, "F3", self.disable),
            (self.enable_button, "F4", self.enable),
            (self.refresh_button, "F5", self.refresh),
            (self.unlock_button, "F6", self.unlock),
            (self.reset_pin_button, "F7", self.reset_pin),
            (self.role_button, "F8", self.set_role),
        )
        for button, key, action in actions:
            self.keys.bind(button, key)
            button.clicked.connect(action)
        self.operator_pin_edit.returnPressed.connect(self.sign_in)
        self.staff_list.currentItemChanged.connect(self._chosen)
        self._retranslate()

    def _lay_out(self) -> None:
        self.operator_form = QFormLayout()
        self.operator_form.addRow("", self.operator_edit)
        self.operator_form.addRow("", self.operator_pin_edit)
        self.form = QFormLayout()
        for field in (self.staff_no_edit, self.name_edit, self.role_combo, self.pin_edit):
            self.form.addRow("", field)
        buttons = QGridLayout()
        row = (self.add_button, self.disable_button, self.enable_button, self.refresh_button)
        for i, button in enumerate(row):
            buttons.addWidget(button, 0, i)
        for i, button in enumerate((self.unlock_button, self.reset_pin_button, self.role_button)):
            buttons.addWidget(button, 1, i)
        layout = QVBoxLayout(self)
        layout.addLayout(self.operator_form)
        layout.addWidget(self.sign_in_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.staff_list, 1)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.result_label)

    def _retranslate(self) -> None:
        labels = (self.tr("Your staff number"), self.tr("Your PIN"))
        for i, text in enumerate(labels):
            self._set_label(self.operator_form, i, text)
        fields = (self.tr("Staff number"), self.tr("Name"), self.tr("Role"), self.tr("New PIN"))
        for i, text in enumerate(fields):
            self._set_label(self.form, i, text)
        names = (self.tr("Cashier"), self.tr("Manager"), self.tr("Administrator"))
        for i, text in enumerate(names):
            self.role_combo.setItemText(i, text)
        self.keys.label(self.sign_in_button, self.tr("Sign in"))
        self.keys.label(self.add_button, self.tr("Add"))
        self.keys.label(self.disable_button, self.tr("Disable"))
        self.keys.label(self.enable_button, self.tr("Enable"))
        self.keys.label(self.refresh_button, self.tr("Refresh"))
        self.keys.label(self.unlock_button, self.tr("Unlock"))
        self.keys.label(self.reset_pin_button, self.tr("Reset PIN"))
        self.keys.label(self.role_button, self.tr("Set role"))
        self._show_list()

    @staticmethod
    def _set_label(form: QFormLayout, row: int, text: str) -> None:
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        label = None if item is None else item.widget()
        if isinstance(label, QLabel):
            label.setText(text)

    def _line(self, v: StaffView) -> str:
        words = [v.staff_no, v.name, self.role_combo.itemText(ROLES.index(v.role.value))]
        if v.disabled:
            words.append(self.tr("disabled"))
        if v.locked:
            words.append(self.tr("locked"))
        return "  ".join(words)

    def _show_list(self, views: list[StaffView] | None = None) -> None:
        if views is None:
            return
        self.staff_list.clear()
        for v in views:
            item = QListWidgetItem(self._line(v))
            item.setData(Qt.ItemDataRole.UserRole, v.staff_no)
            self.staff_list.addItem(item)

    @Slot(QListWidgetItem, QListWidgetItem)
    def _chosen(self, item: QListWidgetItem | None, _before: QListWidgetItem | None) -> None:
        if item is not None:
            self.staff_no_edit.setText(str(item.data(Qt.ItemDataRole.UserRole)))

    def _signed_in(self) -> str | None:
        if self.operator is None:
            show(self.result_label, self.tr("Sign in first (F1)"), error=True)
            self.operator_edit.setFocus()
        return self.operator

    @Slot()
    def sign_in(self) -> None:
        who = attempt(
            self.result_label,
            lambda: self._desk.sign_in(self.operator_edit.text(), self.operator_pin_edit.text()),
        )
        self.operator_pin_edit.clear()
        if who is None:
            return
        self.operator = who
        show(self.result_label, self.tr("Signed in: %1").replace("%1", who))
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        actor = self._signed_in()
        if actor is None:
            return
        views = attempt(self.result_label, lambda: self._desk.staff(actor))
        if views is not None:
            self._show_list(views)
            self.staff_list.setFocus()

    def _change(self, call: Callable[[str], StaffView], done: str) -> None:
        actor = self._signed_in()
        if actor is None:
            return
        view = attempt(self.result_label, lambda: call(actor))
        if view is None:
            return
        self.pin_edit.clear()
        views = attempt(self.result_label, lambda: self._desk.staff(actor))
        self._show_list(views)
        show(self.result_label, f"{done}  {self._line(view)}")

    def _target(self) -> str:
        return self.staff_no_edit.text().strip()

    @Slot()
    def add(self) -> None:
        role = str(self.role_combo.currentData())
        self._change(
            lambda actor: self._desk.add(
                actor, self._target(), self.name_edit.text(), role, self.pin_edit.text()
            ),
            self.tr("Added"),
        )

    @Slot()
    def disable(self) -> None:
        self._change(
            lambda actor: self._desk.set_disabled(actor, self._target(), True),
            self.tr("Disabled"),
        )

    @Slot()
    def enable(self) -> None:
        self._change(
            lambda actor: self._desk.set_disabled(actor, self._target(), False),
            self.tr("Enabled"),
        )

    @Slot()
    def unlock(self) -> None:
        self._change(lambda actor: self._desk.unlock(actor, self._target()), self.tr("Unlocked"))

    @Slot()
    def reset_pin(self) -> None:
        self._change(
            lambda actor: self._desk.reset_pin(actor, self._target(), self.pin_edit.text()),
            self.tr("PIN reset"),
        )

    @Slot()
    def set_role(self) -> None:
        role = str(self.role_combo.currentData())
        self._change(
            lambda actor: self._desk.set_role(actor, self._target(), role),
            self.tr("Role changed"),
        )
