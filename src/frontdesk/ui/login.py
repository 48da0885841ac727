"""Start of a shift: the cashier logs in with staff number and PIN, then counts in the float."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import QDialog, QWidget

from frontdesk.domain import errors
from frontdesk.domain.money import Fen
from frontdesk.services.till_port import Shift, StaffSession, TillBackend
from frontdesk.ui.forms.ui_login_dialog import Ui_LoginDialog
from frontdesk.ui.forms.ui_open_shift_dialog import Ui_OpenShiftDialog
from frontdesk.ui.i18n import error_text


class LoginDialog(QDialog):
    """Staff number + PIN.

    Signals:
        logged_in(object): the StaffSession of the person now at the till.
        language_toggled(): the cashier asked for the other language.
    """

    logged_in = Signal(object)
    language_toggled = Signal()

    def __init__(self, backend: TillBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self._backend = backend
        self.session: StaffSession | None = None
        self.ui.login_button.clicked.connect(self._on_login_clicked)
        self.ui.cancel_button.clicked.connect(self.reject)
        self.ui.language_button.clicked.connect(self.language_toggled)
        self.ui.language_button.setShortcut("F12")

    @classmethod
    def ask(cls, backend: TillBackend, parent: QWidget | None = None) -> StaffSession | None:
        dialog = cls(backend, parent)
        dialog.exec()
        return dialog.session

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
        super().changeEvent(event)

    @Slot()
    def _on_login_clicked(self) -> None:
        try:
            session = self._backend.login(
                self.ui.staff_no_edit.text().strip(), self.ui.pin_edit.text()
            )
        except errors.DomainError as err:
            self.ui.error_label.setText(error_text(err))
            self.ui.pin_edit.clear()
            self.ui.pin_edit.setFocus()
            return
        self.session = session
        self.logged_in.emit(session)
        self.accept()


class OpenShiftDialog(QDialog):
    """The cash float the drawer starts with.

    Signals:
        shift_opened(object): the Shift the backend opened.
    """

    shift_opened = Signal(object)

    def __init__(
        self, backend: TillBackend, session: StaffSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_OpenShiftDialog()
        self.ui.setupUi(self)
        self._backend = backend
        self._session = session
        self.shift: Shift | None = None
        # A shift still open is carried on with its own float: no float field pretends otherwise.
        self._current = backend.current_shift()
        self.ui.float_label.setVisible(self._current is None)
        self.ui.float_edit.setVisible(self._current is None)
        self.ui.open_button.clicked.connect(self._on_open_clicked)
        self.ui.cancel_button.clicked.connect(self.reject)
        self._retranslate()

    @classmethod
    def ask(
        cls, backend: TillBackend, session: StaffSession, parent: QWidget | None = None
    ) -> Shift | None:
        dialog = cls(backend, session, parent)
        dialog.exec()
        return dialog.shift

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        current = self._current
        if current is None:
            self.ui.greeting_label.setText(
                self.tr("Hello {name} ({staff_no}). Count the cash in the drawer.").format(
                    name=self._session.name, staff_no=self._session.staff_no
                )
            )
            return
        self.ui.greeting_label.setText(
            self.tr("Continue {name}'s shift (opened {time}, float {float})").format(
                name=current.cashier_name,
                time=current.shift.opened_at.astimezone().strftime("%H:%M"),
                float=current.shift.opening_float,
            )
        )
        self.ui.open_button.setText(self.tr("Enter Continue the shift"))

    @Slot()
    def _on_open_clicked(self) -> None:
        text = "0" if self._current is not None else self.ui.float_edit.text().strip() or "0"
        try:
            amount = Fen.of(text)
        except ValueError:
            self.ui.error_label.setText(self.tr("Not an amount: {text}").format(text=text))
            return
        try:
            shift = self._backend.open_shift(amount)
        except errors.DomainError as err:
            self.ui.error_label.setText(error_text(err))
            return
        self.shift = shift
        self.shift_opened.emit(shift)
        self.accept()
