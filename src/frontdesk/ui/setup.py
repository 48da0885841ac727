"""The first-run setup screen: a new machine makes a standalone store or enrols with head office.

Shown by `frontdesk till` instead of a login nobody could pass when the till has no store yet.
Keyboard only: 1 or 2 chooses, Tab moves between fields, Enter confirms, Esc goes back (or
closes from the choice). Every text comes from the message catalogue in the screen's language.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain import errors
from frontdesk.domain.messages import Notice, render
from frontdesk.services.provisioning_port import EnrolForm, Provisioner, StoreForm
from frontdesk.ui.i18n import Translations, error_text

SSL_MODES = ("verify-full", "require", "disable")


def _t(key: str, **details: object) -> str:
    return render(Notice(key, details), Translations.current())


class _Form(QWidget):
    """Labelled fields in a column, with the dialog's error line under them."""

    def __init__(self, fields: list[tuple[str, QWidget]]) -> None:
        super().__init__()
        layout = QFormLayout(self)
        for key, widget in fields:
            layout.addRow(_t(key), widget)


class SetupDialog(QDialog):
    """Accepted once the till has its store; ``till_id`` is then the new till's id."""

    def __init__(self, provisioner: Provisioner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._provisioner = provisioner
        self.till_id: str | None = None
        self.setWindowTitle(_t("setup_title"))
        self.pages = QStackedWidget()
        self.intro = QLabel(_t("setup_intro"))
        self.standalone_button = QPushButton(_t("setup_standalone"))
        self.enrol_button = QPushButton(_t("setup_enrol"))
        choice = QWidget()
        column = QVBoxLayout(choice)
        for widget in (self.intro, self.standalone_button, self.enrol_button):
            column.addWidget(widget)
        self.store_no, self.till_no, self.store_name = QLineEdit(), QLineEdit("1"), QLineEdit()
        self.admin_no, self.admin_name = QLineEdit(), QLineEdit()
        self.admin_pin, self.admin_pin_again = QLineEdit(), QLineEdit()
        self.code, self.hq, self.sslrootcert = QLineEdit(), QLineEdit(), QLineEdit()
        self.enrol_admin_no, self.enrol_admin_pin = QLineEdit(), QLineEdit()
        for secret in (self.admin_pin, self.admin_pin_again, self.enrol_admin_pin):
            secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.sslmode = QComboBox()
        self.sslmode.addItems(SSL_MODES)
        self.standalone_page = _Form([
            ("setup_store_no", self.store_no), ("setup_till_no", self.till_no),
            ("setup_store_name", self.store_name), ("setup_admin_no", self.admin_no),
            ("setup_admin_name", self.admin_name), ("setup_admin_pin", self.admin_pin),
            ("setup_admin_pin_again", self.admin_pin_again),
        ])  # fmt: skip
        self.enrol_page = _Form([
            ("setup_code", self.code), ("setup_hq", self.hq), ("setup_sslmode", self.sslmode),
            ("setup_sslrootcert", self.sslrootcert), ("setup_admin_no", self.enrol_admin_no),
            ("setup_admin_pin", self.enrol_admin_pin),
        ])  # fmt: skip
        for page in (choice, self.standalone_page, self.enrol_page):
            self.pages.addWidget(page)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.error_label)
        self.standalone_button.clicked.connect(lambda: self._open(self.standalone_page))
        self.enrol_button.clicked.connect(lambda: self._open(self.enrol_page))

    def _open(self, page: QWidget) -> None:
        self.error_label.clear()
        self.pages.setCurrentWidget(page)
        first = self.store_no if page is self.standalone_page else self.code
        first.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, on_choice = event.key(), self.pages.currentIndex() == 0
        if on_choice and key == Qt.Key.Key_1:
            self._open(self.standalone_page)
        elif on_choice and key == Qt.Key.Key_2:
            self._open(self.enrol_page)
        elif key == Qt.Key.Key_Escape and not on_choice:
            self.error_label.clear()
            self.pages.setCurrentIndex(0)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not on_choice:
            self.submit()
        else:
            super().keyPressEvent(event)  # Esc on the choice closes: the till stays new

    @Slot()
    def submit(self) -> None:
        try:
            if self.pages.currentWidget() is self.standalone_page:
                self.till_id = self._provisioner.create_store(self._store_form())
            else:
                self.till_id = self._provisioner.enrol(self._enrol_form())
        except errors.DomainError as err:
            self.error_label.setText(error_text(err))
            return
        except _InputRefused as refused:
            self.error_label.setText(str(refused))
            return
        self.accept()

    def _number(self, edit: QLineEdit, key: str) -> int:
        text = edit.text().strip()
        if not text.isdigit():
            edit.setFocus()
            raise _InputRefused(_t("setup_number_needed", field=_t(key)))
        return int(text)

    def _store_form(self) -> StoreForm:
        if self.admin_pin.text() != self.admin_pin_again.text():
            self.admin_pin_again.clear()
            self.admin_pin_again.setFocus()
            raise _InputRefused(_t("setup_pins_differ"))
        return StoreForm(
            self._number(self.store_no, "setup_store_no"),
            self._number(self.till_no, "setup_till_no"),
            self.store_name.text().strip(),
            self.admin_no.text().strip(),
            self.admin_name.text().strip() or _t("setup_admin_name"),
            self.admin_pin.text(),
        )

    def _enrol_form(self) -> EnrolForm:
        return EnrolForm(
            self.code.text(),
            self.hq.text().strip(),
            self.sslmode.currentText(),
            self.sslrootcert.text().strip(),
            self.enrol_admin_no.text().strip(),
            _t("setup_admin_name"),
            self.enrol_admin_pin.text(),
        )


class _InputRefused(Exception):
    """A field the screen itself can check (a number, the PIN typed twice)."""
