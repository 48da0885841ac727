"""A job is printed only when the printer's status came back after it; otherwise it is 已发送."""

from __future__ import annotations

import contextlib
import socket
import threading
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

STATUS_REQUEST = b"\x10\x04"


class StatusPrinter:
    """127.0.0.1: reads everything and answers each DLE EOT with a status byte, or never reads."""

    def __init__(self, *, reads: bool) -> None:
        self.reads = reads
        self.received = bytearray()
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._held: list[socket.socket] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._server.accept()
            except OSError:
                return
            self._held.append(conn)
            if not self.reads:
                continue  # accepts, then never reads nor answers
            with contextlib.suppress(OSError):
                while chunk := conn.recv(65536):
                    self.received += chunk
                    for _ in range(chunk.count(STATUS_REQUEST)):
                        conn.sendall(b"\x12")  # online, paper present, no error

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._server.shutdown(socket.SHUT_RDWR)
        self._server.close()
        for c in self._held:
            c.close()


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
    assert "小票已保存" in queue.fault or "已保存" in queue.fault


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
