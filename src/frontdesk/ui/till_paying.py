"""The till window's money keys: F5 takes payment, F8 tops up, F10 shows the last receipt."""

from __future__ import annotations

import logging

from PySide6.QtCore import Slot

from frontdesk.domain import errors
from frontdesk.domain.money import Fen
from frontdesk.domain.tendering import asks_first, typed_cash
from frontdesk.services.till_port import TenderKind, TicketDraft
from frontdesk.ui.committed import not_finished, receipt_not_printed
from frontdesk.ui.prompts import ConfirmDialog, PromptDialog
from frontdesk.ui.tender import TenderDialog
from frontdesk.ui.till_held import TillHeld

log = logging.getLogger(__name__)


class TillPaying(TillHeld):
    """Checkout and top-up: the backend commits, the window prints and says what happened."""

    @Slot()
    def pay(self) -> None:
        """F5 收款; with cash typed in the scan field first, that much cash was handed over."""
        if self.priced is None:
            self._show_error(errors.EmptyTicket())
            return
        if not self.approve_by_hand():
            self.ui.scan_edit.setFocus()
            return
        self.keep_open_now()  # the ticket being paid is on disk before the money is asked for
        tendered = typed_cash(self.ui.scan_edit.text())
        if tendered is None:
            result = TenderDialog.ask(self._backend, self.draft, self.priced, self.member, self)
        else:
            self.ui.scan_edit.clear()
            result = TenderDialog.ask(
                self._backend, self.draft, self.priced, self.member, self, tendered=tendered
            )
        if result is None:
            self.ui.scan_edit.setFocus()
            return
        self.last_result = result
        self.draft = TicketDraft()  # a new basket, with a new transaction id
        self.member = None
        self._reprice()
        self.keep_open_now()
        paid = self.tr("Sale {receipt_no} paid. Change: {change}").format(
            receipt_no=result.done.ticket.receipt_no, change=result.done.change
        )
        self._message = paid
        self.show_change(result.done.change)
        self.member_changed.emit()
        # The receipt prints; its preview is F10, so the next customer's first scan is a scan.
        if result.receipt_failed or not self.issue_receipt(result.receipt):
            self._message = f"!{receipt_not_printed()}  {paid}"
            self._render()
        self.sale_completed.emit(result)
        self.ui.scan_edit.setFocus()

    @Slot()
    def show_last_receipt(self) -> None:
        """F10: the last receipt, and 重打小票 of any receipt by number."""
        lines = () if self.last_result is None else self.last_result.receipt_lines
        if self.last_receipt is None and self._receipts is None and not lines:
            return
        self._preview(self._receipt_lines(lines))

    @Slot()
    def top_up(self) -> None:
        if self.member is None:
            self._show_error(errors.MemberRequired())
            return
        text = PromptDialog.ask_text(self, self.tr("Top up"), self.tr("Cash top-up amount (yuan)"))
        if not text:
            return
        try:
            amount = Fen.of(text)
        except ValueError:
            self._show_error(errors.InvalidAmount(amount=text))
            return
        if asks_first(amount, self._backend.counter_rules().confirm_topup_above):
            question = self.tr("Top up {amount} for {name} (card {card_no})?").format(
                amount=amount, name=self.member.name, card_no=self.member.card_no or ""
            )
            if not ConfirmDialog.ask(self, self.tr("Top up"), question):
                return
        card_no = self.member.card_no or ""  # a member on the ticket came with a usable card
        txn_id = self._topup.txn_id((card_no, amount))
        try:
            result = self._backend.topup(card_no, amount, TenderKind.CASH, "", txn_id)
        except errors.DomainError as err:
            self._show_error(err)
            return
        except Exception:  # F8 again with the same amount is this top-up, not a second one
            log.exception("top-up %s did not finish", txn_id)
            self._message = "!" + not_finished()
            self._render()
            return
        self._topup.done()
        self.member = result.member
        self._message = self.tr("Topped up {principal}, bonus {bonus}").format(
            principal=result.done.principal, bonus=result.done.bonus
        )
        self._render()
        self.member_changed.emit()
        if result.receipt_failed or not self.issue_receipt(result.receipt):
            self._message = f"!{receipt_not_printed()}  {self._message}"
            self._render()
