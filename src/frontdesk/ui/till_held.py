"""The till window's 挂单/取单: Ctrl+G sets the open ticket aside, Ctrl+Q brings one back."""

from __future__ import annotations

import logging

from PySide6.QtCore import Slot

from frontdesk.domain import errors
from frontdesk.domain.pricing import PricedTicket
from frontdesk.services.till_port import HeldTicket
from frontdesk.ui.held_tickets import HeldTicketsDialog, Recalled, held_code, recalled
from frontdesk.ui.prompts import ConfirmDialog
from frontdesk.ui.till_lines import TillLines

log = logging.getLogger(__name__)


class TillHeld(TillLines):
    """Held tickets, kept by the backend so they outlive the window."""

    @Slot()
    def hold_ticket(self) -> None:
        """Ctrl+G 挂单: the open ticket, with its member, set aside; a new one starts."""
        name = "" if self.member is None else self.member.name
        priced = self.priced
        try:
            held = self._backend.hold_ticket(self.draft, name)
        except errors.DomainError as err:
            self._show_error(err)
            return
        self.cancel_sale()
        self._say_held(held.held_no)
        if priced is not None:
            self._print_held_slip(held, priced)

    def _print_held_slip(self, held: HeldTicket, priced: PricedTicket) -> None:
        """挂单小票 with its barcode; the ticket is held whether or not the paper comes out."""
        try:
            slip = self._backend.held_slip(held, priced)
        except Exception:
            log.exception("held ticket %s: no slip made", held.held_no)
            return
        self.issue_receipt(slip)

    @Slot()
    def recall_ticket(self) -> None:
        """Ctrl+Q 取单: pick a held ticket; it comes back with today's prices and its member."""
        if self._refuse_recall():
            return
        held = self._backend.held_tickets()
        if not held:
            self._message = "!" + self.tr("No held tickets")
            self._render()
            return
        held_no = HeldTicketsDialog.ask(held, self)
        self.ui.scan_edit.setFocus()
        if held_no is not None:
            self.recall_held(held_no)

    def recall_held(self, held_no: int) -> None:
        """取单 by number: chosen in the list, or its G number scanned or typed."""
        if self._refuse_recall():
            return
        try:
            back = recalled(self._backend, self._backend.recall_ticket(held_no))
        except errors.DomainError as err:
            self._show_error(err)
            return
        self._take_back(back)
        if not back.problems:
            self._message = self.tr("Held ticket No. {held_no} recalled").format(
                held_no=held_code(held_no)
            )
            self._render()

    def _refuse_recall(self) -> bool:
        if not self.draft.lines:
            return False
        self._message = "!" + self.tr("Hold (Ctrl+G) or finish the open ticket first")
        self._render()
        return True

    def _take_back(self, back: Recalled) -> None:
        self.draft, self.member = back.draft, back.member
        self._message = ""
        self._reprice()
        self.keep_open_now()  # out of the held list, so on disk as the open ticket at once
        self.member_changed.emit()
        if back.problems:
            self._message = "!" + "  ".join(back.problems)
            self._render()

    @Slot()
    def offer_open_ticket(self) -> None:
        """At start: the ticket on screen when the till stopped, offered back; no holds it."""
        kept = self._backend.open_ticket()
        if kept is None or self.draft.lines:
            return
        back = recalled(self._backend, kept)
        if not back.draft.lines:
            self._backend.keep_open_ticket(back.draft, "")
            return
        items = sum(line.quantity for line in back.draft.lines)
        member = kept.member_name or self.tr("no member")
        text = self.tr(
            "The till stopped during a sale: {items} item(s), {member}, at {time}."
            " Enter continues that ticket; Esc holds it for later."
        ).format(items=items, member=member, time=kept.held_at.astimezone().strftime("%H:%M"))
        if ConfirmDialog.ask(self, self.tr("Unfinished ticket"), text):
            self._take_back(back)
            return
        self.draft, self.member = back.draft, back.member
        self.hold_ticket()  # held, it waits in the list; refused, it stays on screen

    def _say_held(self, held_no: int) -> None:
        count = len(self._backend.held_tickets())
        self._message = self.tr(
            "Ticket held as No. {held_no} ({count} held); Ctrl+Q recalls"
        ).format(held_no=held_code(held_no), count=count)
        self._render()
