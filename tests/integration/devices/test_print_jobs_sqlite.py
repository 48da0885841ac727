"""Print jobs in the till's SQLite file: a committed sale's receipt waits out an offline printer,
survives a restart, prints when the printer is back, and can be printed again marked 重印."""

from __future__ import annotations

import uuid

from frontdesk.domain.money import Fen
from frontdesk.domain.receipt import Receipt
from frontdesk.hardware.escpos_printer import (
    OFFLINE,
    Backend,
    EscposReceiptPrinter,
    PrinterConnection,
)
from frontdesk.hardware.escpos_receipt import PAPER_58MM
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.print_jobs import SqlitePrintJobStore
from frontdesk.services import checkout
from frontdesk.services.checkout import Payment, SaleItem
from frontdesk.services.printing import PrinterFault, PrintQueue
from frontdesk.services.receipts import Printed, sale_receipt
from tests.integration.core_fixtures import RICE, Till
from tests.integration.devices.conftest import LoopbackPrinter, wait_until
from tests.integration.devices.escpos_stream import parse

WHO = Printed("测试店", "01", "李收银")


class OfflinePrinter:
    def print(self, receipt: Receipt) -> None:
        raise PrinterFault(OFFLINE)


def _printer(loopback: LoopbackPrinter) -> EscposReceiptPrinter:
    connection = PrinterConnection(Backend.NETWORK, "127.0.0.1", loopback.port, timeout=1)
    return EscposReceiptPrinter(connection, PAPER_58MM)


def _sale(till: Till) -> checkout.SaleResult:
    reg = till.member()
    return checkout.checkout(
        till.ctx,
        txn_id=str(uuid.uuid4()),
        cashier="1001",
        card_no=reg.card_no,
        items=[SaleItem(RICE, 2)],
        payments=[Payment("cash", Fen.of("200.00"))],
    )


def test_a_receipt_queued_while_the_printer_is_off_survives_a_restart_and_then_prints(
    till: Till, loopback_printer: LoopbackPrinter
) -> None:
    sale = _sale(till)  # the sale is committed before anything is printed
    receipt = sale_receipt(sale, WHO, till.ctx.program)
    faults: list[str] = []  # each fault as its Chinese sentence, the one kept with the job
    job_id = PrintQueue(
        _printer(loopback_printer),
        SqlitePrintJobStore(till.engine),
        lambda f: faults.append(f.message),
    ).submit(receipt)
    till.engine.dispose()  # the till is switched off with the job still waiting

    engine = open_database(till.path)
    try:
        store = SqlitePrintJobStore(engine)
        waiting = [job.id for job in store.pending()]
        error = store.last_error(job_id)
        loopback_printer.listen()
        printed = PrintQueue(_printer(loopback_printer), store).flush()
        left = store.pending()
        assert wait_until(lambda: len(loopback_printer.jobs) == 1)
    finally:
        engine.dispose()

    assert faults == [OFFLINE]
    assert waiting == [job_id]
    assert error == OFFLINE
    assert printed == 1
    assert left == []
    text = "\n".join(parse(loopback_printer.jobs[0]).lines)
    assert sale.ticket.receipt_no in text
    assert "找零" in text


def test_any_past_receipt_prints_again_marked_reprint(
    till: Till, loopback_printer: LoopbackPrinter
) -> None:
    loopback_printer.listen()
    store = SqlitePrintJobStore(till.engine)
    queue = PrintQueue(_printer(loopback_printer), store)
    first = _sale(till)
    job_id = queue.submit(sale_receipt(first, WHO, till.ctx.program))
    queue.submit(sale_receipt(_sale_again(till), WHO, till.ctx.program))

    queue.reprint(job_id)
    found = store.for_receipt(first.ticket.receipt_no)

    assert wait_until(lambda: len(loopback_printer.jobs) == 3)
    reprinted = "\n".join(parse(loopback_printer.jobs[2]).lines)
    assert "重印" in reprinted
    assert first.ticket.receipt_no in reprinted
    assert found is not None
    assert found.id == job_id  # the original, not the 重印 copy
    assert found.printed


def _sale_again(till: Till) -> checkout.SaleResult:
    return checkout.checkout(
        till.ctx,
        txn_id=str(uuid.uuid4()),
        cashier="1001",
        card_no=None,
        items=[SaleItem(RICE)],
        payments=[Payment("wechat", Fen.of("89.00"), "WX1")],
    )


def test_pending_jobs_come_back_oldest_first(till: Till) -> None:
    store = SqlitePrintJobStore(till.engine)
    receipts = [sale_receipt(_sale_again(till), WHO, till.ctx.program) for _ in range(3)]

    queue = PrintQueue(OfflinePrinter(), store)
    ids = [queue.submit(r) for r in receipts]

    assert [job.id for job in store.pending()] == ids
    assert [job.receipt for job in store.pending()] == receipts
