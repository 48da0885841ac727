"""What every part of the till's backend shares: the till, the session, receipts, approvals."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from frontdesk.domain import errors
from frontdesk.domain.approvals import ApprovalBinding, required_approval
from frontdesk.domain.cards import Card
from frontdesk.domain.customer_display import Shown
from frontdesk.domain.permissions import Operation
from frontdesk.domain.receipt import Receipt
from frontdesk.services import member_privacy, membership, staff
from frontdesk.services.context import TillContext
from frontdesk.services.export_files import ExportFiles
from frontdesk.services.membership import MemberView
from frontdesk.services.product_search import ProductSearch
from frontdesk.services.receipt_output import ReceiptText
from frontdesk.services.staff import StaffSession
from frontdesk.services.sync_recovery import RecoverBooks
from frontdesk.services.till_port import Committed, CustomerDisplay

log = logging.getLogger(__name__)

R = TypeVar("R")


class FacadeBase:
    """The state a window's backend keeps: the till, the logged-in staff, and the product search."""

    def __init__(
        self,
        ctx: TillContext,
        *,
        receipt_text: ReceiptText,
        display: CustomerDisplay | None = None,
        exports: ExportFiles | None = None,
        recovery: RecoverBooks | None = None,
    ) -> None:
        self._ctx = ctx
        self._recovery = recovery  # None: no head office (standalone, or a test's bare backend)
        self._exports = exports  # None: a backend with no files to write (tests of the counter)
        self._text = receipt_text
        self._session: StaffSession | None = None
        self._product_search = ProductSearch(ctx)
        self._screens: str | None = None  # the manager screens' approval while they are open
        self._screens_manager: str | None = None  # and the manager who gave it
        self._display = display

    def use_display(self, display: CustomerDisplay | None) -> None:
        """The 客显 the device settings now name (saved on the 设备 page), from the next update.

        The display before lets go of its port, so the new one (the same port, another speed)
        can open it.
        """
        before, self._display = self._display, display
        if before is not None and before is not display:
            before.close_port()

    def _show(self, *shown: Shown) -> None:
        """Tell the customer's display; a display that fails never fails the sale."""
        if self._display is None:
            return
        try:
            for state in shown:
                self._display.show(state)
        except Exception:
            log.exception("the customer display could not be updated")

    @property
    def actor(self) -> str:
        if self._session is None:
            raise errors.NotAuthenticated()
        return self._session.staff_no

    @property
    def session(self) -> StaffSession | None:
        return self._session

    def lookup_card(self, code: str) -> MemberView:
        return self._shown(membership.lookup_card(self._ctx, code, self.actor))

    def _shown(self, view: MemberView) -> MemberView:
        """The member as the one logged in may see them (DOMAIN §7).

        A manager or an admin sees the full phone, and that look is audited; a cashier gets the
        masked one only, in every field, so the window never holds a number it may not show.
        """
        if self._session is not None and member_privacy.sees_full_details(self._session.role):
            member_privacy.record_full_view(
                self._ctx, actor=self.actor, member_ids=[view.member_id]
            )
            return replace(view, shown_phone=view.phone)
        return replace(view, phone=view.masked_phone, shown_phone=view.masked_phone)

    def _committed(
        self, done: R, member: MemberView | None, build: Callable[[], Receipt | None]
    ) -> Committed[R]:
        """A committed operation's own result with its receipt and preview lines.

        If making them fails, the result says so (``receipt_failed``) instead of raising.

        The operation stands whatever happens here: the cashier is told the receipt was not
        printed, and 重打小票 rebuilds it from the books later.
        """
        try:
            receipt = build()
            lines = () if receipt is None else tuple(self._text(receipt))
        except Exception:
            log.exception("receipt of a committed operation could not be made")
            return Committed(done, member, receipt_failed=True)
        return Committed(done, member, receipt, lines)

    # -- manager approval -----------------------------------------------------------------------

    def approve(self, binding: ApprovalBinding, manager_no: str, pin: str) -> str:
        """The manager approves exactly what a refusal asked for (or the window names)."""
        return staff.approve(
            self._ctx, binding, manager_no=manager_no.strip(), pin=pin, operator=self.actor
        )

    def required_approval(
        self, operation: Operation, subject: str, amount: int = 0
    ) -> ApprovalBinding | None:
        return required_approval(operation, subject, amount, self._ctx.program)

    def _card(self, code: str) -> Card:
        return membership.card_of(self._ctx, code)

    def find_card(self, card_no: str) -> MemberView:
        """Any card, whatever its state: the manager screens show lost and replaced cards too."""
        return self._shown(membership.any_card_view(self._ctx, card_no, self.actor))
