"""What every manager page shares: result lines, the committing call, the card field."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from frontdesk.domain import errors
from frontdesk.domain.cards import CardState
from frontdesk.services.till_port import ApprovalAction, MemberView, TillBackend
from frontdesk.ui.approval import with_approval
from frontdesk.ui.committed import not_finished, receipt_not_printed
from frontdesk.ui.function_keys import KeyedPage
from frontdesk.ui.i18n import error_text

log = logging.getLogger(__name__)
T = TypeVar("T")
OK = "font-weight: bold; color: #1b5e20;"
ERROR = "font-weight: bold; color: #b00020;"
WARNING = "font-weight: bold; color: #e65100;"


def show(label: QLabel, text: str, *, error: bool = False) -> None:
    label.setStyleSheet(ERROR if error else OK)
    label.setText(text)


def attempt(label: QLabel, call: Callable[[], T]) -> T | None:
    """Run a committing call; a refusal or a failure is shown on `label` and gives None.

    A failure that is no refusal may have committed: the page keeps the request's transaction
    id, so doing it again is answered with what was committed, never done twice.
    """
    try:
        return call()
    except errors.DomainError as err:
        show(label, error_text(err), error=True)
    except Exception:
        log.exception("a manager operation did not finish")
        show(label, not_finished(), error=True)
    return None


def show_done(label: QLabel, text: str, receipt_failed: bool) -> None:
    """A committed operation's result; when its receipt could not be made, that too."""
    if receipt_failed:
        show(label, f"{receipt_not_printed()}  {text}", error=True)
    else:
        show(label, text)


def column_title(
    titles: Sequence[str], section: int, orientation: Qt.Orientation, role: int
) -> str | None:
    """A table model's headerData over its column titles: horizontal display text only."""
    if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
        return None
    return titles[section] if 0 <= section < len(titles) else None


def card_line(member: MemberView) -> str:
    return f"{member.card_no}  {member.name}  {member.shown_phone}"


class CardForm:
    """The card number field most pages start with; a scan fills it."""

    def __init__(self, page: QWidget, form: QFormLayout, caption: str) -> None:
        self.caption = QLabel(caption, page)
        self.edit = QLineEdit(page)
        self.edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        form.addRow(self.caption, self.edit)

    def text(self) -> str:
        return self.edit.text().strip()


def card_state_text(member: MemberView) -> str:
    return "—" if member.card_state is None else card_state_label(member.card_state)


def card_state_label(state: CardState) -> str:
    texts = {
        CardState.ACTIVE: QCoreApplication.translate("CardState", "active"),
        CardState.LOST: QCoreApplication.translate("CardState", "reported lost"),
        CardState.FROZEN: QCoreApplication.translate("CardState", "frozen"),
        CardState.REPLACED: QCoreApplication.translate("CardState", "replaced"),
        CardState.RETURNED: QCoreApplication.translate("CardState", "returned"),
    }
    return texts[state]


class ManagerPage(KeyedPage):
    """A manager page whose actions may need an approval; it shows their outcome on one line."""

    _backend: TillBackend
    result_label: QLabel

    def approved(
        self, action: ApprovalAction, subject: str, call: Callable[[str | None], T]
    ) -> T | None:
        """Try the call; ask a manager when a rule wants one, and try again with the approval.

        A refusal or failure is shown on the page's result line and gives None, as a declined
        approval does: the block every page with an approval would otherwise repeat.
        """
        return attempt(
            self.result_label,
            lambda: with_approval(self, self._backend, action, subject, None, call),
        )
