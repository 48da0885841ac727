"""Where the till window sends its receipts: a persistent print queue behind a small port.

app.py hands in the implementation (print-job store, printer from the device file, the text
layout the printer uses); the window only submits receipts, asks for a 重印 and hears faults.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from frontdesk.domain.receipt import Receipt

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

    def listen(self, on_fault: Callable[[str], None], on_recovered: Callable[[], None]) -> None:
        """Be told (from the print thread) when the printer fails and when it is back."""
        ...

    @property
    def fault(self) -> str | None:
        """The printer's current fault, for the cashier; None while it prints."""
        ...
