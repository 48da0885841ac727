"""The till window's 挂单/取单: Ctrl+G sets the open ticket aside, Ctrl+Q brings one back."""

from __future__ import annotations

from PySide6.QtCore import Slot

from frontdesk.domain import errors
from frontdesk.ui.held_tickets import HeldTicketsDialog, recalled
from frontdesk.ui.till_lines import TillLines


class TillHeld(TillLines):
    """Held tickets, kept by the backend so they outlive the window."""

    @Slot()
    def hold_ticket(self) -> None:
        """Ctrl+G 挂单: the open ticket, with its member, set aside; a new one starts."""
        name = "" if self.member is None else self.member.name
        try:
            held = self._backend.hold_ticket(self.draft, name)
        except errors.DomainError as err:
            self._show_error(err)
            return
        self.cancel_sale()
        count = len(self._backend.held_tickets())
        self._message = self.tr(
            "Ticket held as No. {held_no} ({count} held); Ctrl+Q recalls"
        ).format(held_no=held.held_no, count=count)
        self._render()

    @Slot()
    def recall_ticket(self) -> None:
        """Ctrl+Q 取单: pick a held ticket; it comes back with today's prices and its member."""
        if self.draft.lines:
            self._message = "!" + self.tr("Hold (Ctrl+G) or finish the open ticket first")
            self._render()
            return
        held = self._backend.held_tickets()
        if not held:
            self._message = "!" + self.tr("No held tickets")
            self._render()
            return
        held_no = HeldTicketsDialog.ask(held, self)
        self.ui.scan_edit.setFocus()
        if held_no is None:
            return
        try:
            back = recalled(self._backend, self._backend.recall_ticket(held_no))
        except errors.DomainError as err:
            self._show_error(err)
            return
        self.draft, self.member = back.draft, back.member
        self._message = ""
        self._reprice()
        self.member_changed.emit()
        if back.problems:
            self._message = "!" + "  ".join(back.problems)
        else:
            self._message = self.tr("Held ticket No. {held_no} recalled").format(held_no=held_no)
        self._render()
