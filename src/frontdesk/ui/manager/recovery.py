"""从总部恢复: a till whose chain head office refused takes its books back, as the command does.

The page says head office's refusal in the till's words, and the documented recovery; F2 asks a
manager to approve SYNC_RECOVER for this till, then runs the same service as
`frontdesk sync --recover` through the backend. Until then the till takes no stored value.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from frontdesk.domain.messages import Notice, render
from frontdesk.services.sync_port import HeadOfficeUnreachable
from frontdesk.services.sync_recovery import Recovered
from frontdesk.services.till_port import ApprovalAction, TillBackend
from frontdesk.ui.approval import ApprovalDialog
from frontdesk.ui.function_keys import KeyedPage
from frontdesk.ui.i18n import Translations
from frontdesk.ui.manager.common import attempt, show


def _t(key: str, **details: object) -> str:
    return render(Notice(key, details), Translations.current())


class RecoverPage(KeyedPage):
    """Head office's refusal, the way back, and F2 to take it (after a manager's approval)."""

    def __init__(self, backend: TillBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self.refusal_label = QLabel(self)
        self.how_label = QLabel(self)
        for label in (self.refusal_label, self.how_label):
            label.setWordWrap(True)
        self.recover_button = QPushButton(self)
        self.keys.bind(self.recover_button, "F2")
        self.recover_button.clicked.connect(self.recover)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.refusal_label, self.how_label, self.recover_button, self.result_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        self._retranslate()

    def _retranslate(self) -> None:
        self.keys.label(self.recover_button, _t("recover_page_button"))
        self.how_label.setText(_t("recover_page_how"))
        self.refresh()

    def refresh(self) -> None:
        """The refusal as it stands now (a recovery clears it)."""
        reason = self._backend.books_refused()
        if reason is None:
            self.refusal_label.setText(_t("recover_page_fine"))
        else:
            self.refusal_label.setText(_t("recover_page_refused", reason=reason))
        self.recover_button.setEnabled(reason is not None)

    def showEvent(self, event: object) -> None:
        self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    @Slot()
    def recover(self) -> None:
        if self._backend.books_refused() is None:
            return
        approval = ApprovalDialog.ask(
            self, self._backend, ApprovalAction.SYNC_RECOVER, self._backend.till_id(), None
        )
        if approval is None:
            return
        unreachable: list[HeadOfficeUnreachable] = []

        def run() -> Recovered | None:
            try:
                return self._backend.recover_books(approval)
            except HeadOfficeUnreachable as exc:  # nothing used up: try again when it answers
                unreachable.append(exc)
                return None

        done = attempt(self.result_label, run)
        if unreachable:
            lang = Translations.current()
            text = str(unreachable[0]) if lang == "zh_CN" else unreachable[0].message_en
            show(self.result_label, text, error=True)
        if done is None:
            return
        show(self.result_label, render(done.notice, Translations.current()))
        self.refresh()
