"""The till window's member on the ticket: a card or phone attaches one, F6 removes it."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Slot

from frontdesk.domain import errors
from frontdesk.services.till_port import MemberView
from frontdesk.ui.i18n import error_text
from frontdesk.ui.manager.member_search import MemberSearchDialog
from frontdesk.ui.till_core import TillCore


class TillMember(TillCore):
    """Who is buying: found by card or phone, refreshed by manager screens, removed by F6."""

    def attach_card(self, code: str) -> None:
        try:
            member = self._backend.lookup_card(code)
        except errors.DomainError as err:
            self._refuse_card(error_text(err))
            return
        self._attach(member)

    def attach_phone(self, phone: str) -> None:
        try:
            member = self._backend.find_member_by_phone(phone)
        except errors.DomainError as err:
            self._show_error(err)
            return
        self._attach(member)

    def _attach(self, member: MemberView) -> None:
        self.member = member
        self.ui.refusal_label.clear()
        self.draft = replace(
            self.draft, member_id=member.member_id, card_no=member.card_no, redeem_blocks=0
        )
        self._message = ""
        self._reprice()
        self.member_changed.emit()

    def _refuse_card(self, reason: str) -> None:
        # A misread, lost or frozen card says why and changes nothing: the member already on
        # the ticket stays, with their prices (a birthday ￥520.22 must not become ￥522.00).
        self.ui.refusal_label.setText(reason)
        self._render()
        self.card_refused.emit(reason)

    @Slot()
    def find_member(self) -> None:
        """F1 会员查询: by name, phone, its last 4 digits or card; Enter puts them on the ticket."""
        hit = MemberSearchDialog.ask(self._backend, self)
        if hit is not None and hit.card_no is not None:
            self.attach_card(hit.card_no)
        self.ui.scan_edit.setFocus()

    @Slot()
    def remove_member(self) -> None:
        self.member = None
        self.ui.refusal_label.clear()
        self.draft = replace(self.draft, member_id=None, card_no=None, redeem_blocks=0)
        self._reprice()
        self.member_changed.emit()

    def refresh_member(self, member: MemberView) -> None:
        """A manager screen changed the member on the ticket (top-up, PIN reset)."""
        if self.member is not None and self.member.member_id == member.member_id:
            self.member = member
            self._render()
