"""A ReceiptOutput that prints nothing, for windows whose receipts a test does not read."""

from __future__ import annotations

from collections.abc import Callable

from frontdesk.domain.receipt import Receipt
from frontdesk.services.printing import Delivery, PrinterFault


class QuietPrinter:
    """Takes every job and prints nothing; `fault` is what the status bar is told."""

    fault: PrinterFault | None = None

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass

    def submit(self, receipt: Receipt) -> None:
        pass

    def reprint(self, receipt_no: str) -> Receipt:
        raise KeyError(receipt_no)

    def text(self, receipt: Receipt) -> list[str]:
        return []

    def listen(
        self,
        on_fault: Callable[[PrinterFault], None],
        on_recovered: Callable[[], None],
        on_delivered: Callable[[str, Delivery], None],
    ) -> None:
        pass
