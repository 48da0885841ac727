"""A job is printed only when the printer's status came back after it; otherwise it is 已发送."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from frontdesk.hardware import sample_receipts
from frontdesk.hardware.escpos_printer import (
    Backend,
    EscposReceiptPrinter,
    PrinterConnection,
)
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.print_jobs import SqlitePrintJobStore
from frontdesk.services.printing import Delivery, PrintQueue
from tests.integration.devices.conftest import StatusPrinter


@pytest.fixture
def printers() -> Iterator[list[StatusPrinter]]:
    made: list[StatusPrinter] = []
    yield made
    for p in made:
        p.close()


def _queue(tmp_path: Path, port: int, answers: bool) -> tuple[PrintQueue, SqlitePrintJobStore]:
    engine = open_database(tmp_path / "till.db", create=True)
    store = SqlitePrintJobStore(engine)
    connection = PrinterConnection(
        Backend.NETWORK, host="127.0.0.1", port=port, timeout=0.5, check_paper=answers
    )
    return PrintQueue(EscposReceiptPrinter(connection), store), store


def test_a_printer_that_answers_its_status_marks_the_job_printed(
    tmp_path: Path, printers: list[StatusPrinter]
) -> None:
    printer = StatusPrinter(reads=True)
    printers.append(printer)
    queue, store = _queue(tmp_path, printer.port, answers=True)

    job_id = queue.submit(sample_receipts.sale())

    job = store.get(job_id)
    assert job is not None
    assert (job.printed, job.delivery) == (True, Delivery.PRINTED)


def test_a_printer_that_accepts_but_never_reads_is_not_marked_printed(
    tmp_path: Path, printers: list[StatusPrinter]
) -> None:
    printer = StatusPrinter(reads=False)
    printers.append(printer)
    queue, store = _queue(tmp_path, printer.port, answers=True)

    job_id = queue.submit(sample_receipts.sale())

    job = store.get(job_id)
    assert job is not None
    assert not job.printed
    assert [j.id for j in store.pending()] == [job_id]
    assert queue.fault is not None
    assert "已保存" in queue.fault.message
    assert "saved" in queue.fault.text("en")


def test_a_printer_without_status_gets_its_job_sent_not_printed(
    tmp_path: Path, printers: list[StatusPrinter]
) -> None:
    printer = StatusPrinter(reads=False)
    printers.append(printer)
    queue, store = _queue(tmp_path, printer.port, answers=False)

    job_id = queue.submit(sample_receipts.sale())

    job = store.get(job_id)
    assert job is not None
    assert (job.printed, job.delivery) == (True, Delivery.SENT)
    assert queue.last_delivery is Delivery.SENT
    assert store.pending() == []
