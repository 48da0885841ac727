"""The till window's shift keys: F9 the manager screens, F11 交班, Ctrl+B the 中途报表."""

from __future__ import annotations

from PySide6.QtCore import Slot

from frontdesk.domain import errors
from frontdesk.services.till_port import ApprovalAction
from frontdesk.ui.approval import ApprovalDialog
from frontdesk.ui.receipt import ReceiptPreviewDialog
from frontdesk.ui.till_paying import TillPaying


class TillShift(TillPaying):
    """What needs a manager at the till: the approval first, then the page it opens."""

    manager_approval: str | None = None  # the approval the manager screens open under

    @Slot()
    def open_manager(self) -> None:
        self._ask_manager("members")

    @Slot()
    def close_shift(self) -> None:
        if self.draft.lines:  # 交班 with a customer at the counter: finish or hold first
            self._message = "!" + self.tr(
                "Pay or hold (Ctrl+G) the open ticket before closing the shift"
            )
            self._render()
            return
        self._ask_manager("shift")

    @Slot()
    def x_report(self) -> None:
        """Ctrl+B 中途报表: the shift's figures so far, on screen; the shift goes on."""
        try:
            report = self._backend.shift_report_so_far()
        except errors.DomainError as err:
            self._show_error(err)
            return
        ReceiptPreviewDialog.ask(report.receipt_lines, self)
        self.ui.scan_edit.setFocus()

    def _ask_manager(self, page: str) -> None:
        approval = ApprovalDialog.ask(
            self, self._backend, ApprovalAction.MANAGER_SCREENS, self._session.staff_no, None
        )
        if approval is not None:
            self.manager_approval = approval
            self.manager_requested.emit(page)
