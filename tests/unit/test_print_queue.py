"""The print queue: every receipt is kept, faults are reported once, jobs print in order later."""

from __future__ import annotations

from frontdesk.domain.receipt import Receipt
from frontdesk.hardware import sample_receipts
from frontdesk.services.printing import InMemoryPrintJobStore, PrinterFault, PrintQueue


class FlakyPrinter:
    """A ReceiptPrinter that is offline until switched on, and remembers what it printed."""

    def __init__(self) -> None:
        self.online = False
        self.printed: list[Receipt] = []

    def print(self, receipt: Receipt) -> None:
        if not self.online:
            raise PrinterFault("打印机未连接")
        self.printed.append(receipt)


def test_a_job_is_stored_even_when_the_printer_is_offline() -> None:
    printer, store, faults = FlakyPrinter(), InMemoryPrintJobStore(), list[str]()
    queue = PrintQueue(printer, store, lambda fault: faults.append(fault.message))

    job_id = queue.submit(sample_receipts.sale())

    assert [job.id for job in store.pending()] == [job_id]
    assert faults == ["打印机未连接"]
    assert queue.fault is not None
    assert queue.fault.message == "打印机未连接"


def test_a_fault_is_reported_once_not_at_every_retry() -> None:
    printer, faults = FlakyPrinter(), list[str]()
    queue = PrintQueue(printer, InMemoryPrintJobStore(), lambda fault: faults.append(fault.message))
    queue.submit(sample_receipts.sale())

    queue.flush()
    queue.flush()

    assert faults == ["打印机未连接"]


def test_pending_jobs_print_in_order_when_the_printer_returns() -> None:
    printer, store, recovered = FlakyPrinter(), InMemoryPrintJobStore(), list[bool]()
    queue = PrintQueue(printer, store, on_recovered=lambda: recovered.append(True))
    queue.submit(sample_receipts.sale())
    queue.submit(sample_receipts.top_up())
    printer.online = True

    printed = queue.flush()

    assert printed == 2
    assert [r.kind.value for r in printer.printed] == ["sale", "top_up"]
    assert store.pending() == []
    assert recovered == [True]
    assert queue.fault is None


def test_any_past_receipt_can_be_reprinted_marked_as_a_reprint() -> None:
    printer = FlakyPrinter()
    printer.online = True
    queue = PrintQueue(printer, InMemoryPrintJobStore())
    job_id = queue.submit(sample_receipts.refund())

    queue.reprint(job_id)

    assert [r.header.reprint for r in printer.printed] == [False, True]
    assert printer.printed[1].header.receipt_no == "R001010000125"
