"""The till window's manager keys: F9 opens the manager screens, F11 the shift close."""

from __future__ import annotations

from PySide6.QtCore import Slot

from frontdesk.services.till_port import ApprovalAction
from frontdesk.ui.approval import ApprovalDialog
from frontdesk.ui.till_paying import TillPaying


class TillShift(TillPaying):
    """What needs a manager at the till: the approval first, then the page it opens."""

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

    def _ask_manager(self, page: str) -> None:
        approval = ApprovalDialog.ask(
            self, self._backend, ApprovalAction.MANAGER_SCREENS, self._session.staff_no, None
        )
        if approval is not None:
            self.manager_requested.emit(page)
