"""Where the till window sends its receipts: a persistent print queue behind a small port.

app.py hands in the implementation (print-job store, printer from the device file, the text
layout the printer uses); the window only submits receipts, asks for a 重印 and hears faults.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from frontdesk.domain.receipt import Receipt
from frontdesk.services.printing import Delivery, PrinterFault

ReceiptText = Callable[[Receipt], list[str]]


class ReceiptOutput(Protocol):
    def start(self) -> None:
        """Begin printing off the GUI thread; jobs left pending from before print first."""
        ...

    def stop(self) -> None: ...

    def submit(self, receipt: Receipt) -> None:
        """Store the receipt as a job (never lost), then print it on the worker; never blocks."""
        ...

    def reprint(self, receipt_no: str) -> Receipt:
        """Queue a past receipt again, marked 重印, and return it; `UnknownTicket` if none."""
        ...

    def text(self, receipt: Receipt) -> list[str]:
        """The receipt as the printer lays it out, as plain lines for a preview."""
        ...

    def listen(
        self,
        on_fault: Callable[[PrinterFault], None],
        on_recovered: Callable[[], None],
        on_delivered: Callable[[str, Delivery], None],
    ) -> None:
        """Be told (from the print thread) of faults, recovery and each receipt's delivery.

        Delivery is how far a receipt got: printed (its status read back) or only sent (a
        printer without status).
        """
        ...

    @property
    def fault(self) -> PrinterFault | None:
        """The printer's current fault, said in the reader's language; None while it prints."""
        ...
