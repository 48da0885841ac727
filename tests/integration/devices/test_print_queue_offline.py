"""A printer that is offline during a sale: the job waits in the queue and prints on its return."""

from __future__ import annotations

from frontdesk.hardware import sample_receipts
from frontdesk.hardware.escpos_printer import (
    OFFLINE,
    Backend,
    EscposReceiptPrinter,
    PrinterConnection,
)
from frontdesk.hardware.escpos_receipt import PAPER_58MM
from frontdesk.services.printing import InMemoryPrintJobStore, PrintQueue
from tests.integration.devices.conftest import LoopbackPrinter, wait_until
from tests.integration.devices.escpos_stream import parse


def test_a_sale_printed_while_the_printer_is_off_prints_when_it_comes_back(
    loopback_printer: LoopbackPrinter,
) -> None:
    connection = PrinterConnection(Backend.NETWORK, "127.0.0.1", loopback_printer.port, timeout=1)
    store = InMemoryPrintJobStore()
    faults: list[str] = []  # each fault as its Chinese sentence, the one kept with the job
    queue = PrintQueue(
        EscposReceiptPrinter(connection, PAPER_58MM),
        store,
        lambda f: faults.append(f.message),
        retry_seconds=0.05,
    )
    queue.start()
    try:
        queue.submit(sample_receipts.sale())
        assert wait_until(lambda: faults == [OFFLINE])
        assert len(store.pending()) == 1

        loopback_printer.listen()
        assert wait_until(lambda: len(loopback_printer.jobs) == 1)
    finally:
        queue.stop()

    assert wait_until(lambda: store.pending() == [])
    assert "销售小票" in "\n".join(parse(loopback_printer.jobs[0]).lines)
    assert queue.fault is None
