"""挂单 prints a slip whose barcode recalls the ticket: on the real store, a loopback printer.

The ESC/POS bytes that reached the printer are read back: GB18030 text naming the held number,
the lines and what is due, and a CODE128 barcode of G000001; that code scanned recalls it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from frontdesk.domain.scan import ScanKind, classify, held_barcode
from frontdesk.hardware.config import DeviceConfig, save_config
from frontdesk.hardware.escpos_printer import Backend, PrinterConnection
from frontdesk.hardware.escpos_receipt import DRAWER_KICK, PAPER_80MM
from frontdesk.printing_setup import QueuedReceiptOutput
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.till_window import TillWindow
from tests.integration.devices.conftest import LoopbackPrinter
from tests.integration.devices.escpos_stream import parse
from tests.ui.drivers import log_in, open_shift, scan, type_keys
from tests.ui.real_store import CASHIER_NO, CASHIER_PIN, RICE, WATER, RealStore

DEADLINE_MS = 10_000
HOLD = (Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)


@pytest.fixture
def printer() -> Iterator[LoopbackPrinter]:
    loopback = LoopbackPrinter()
    loopback.listen()
    yield loopback
    loopback.close()


@pytest.fixture
def window(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, printer: LoopbackPrinter
) -> Iterator[TillWindow]:
    devices = Path(str(real_store.engine_path) + ".devices.toml")
    connection = PrinterConnection(Backend.NETWORK, "127.0.0.1", printer.port, timeout=1.0)
    save_config(DeviceConfig(printer=connection, paper=PAPER_80MM), devices)
    output = QueuedReceiptOutput(
        real_store.till.engine, devices, real_store.backend.past_receipt, retry_seconds=0.05
    )
    session = log_in(qtbot, real_store.backend, CASHIER_NO, CASHIER_PIN)
    shift = open_shift(qtbot, real_store.backend, session)
    till = TillWindow(real_store.backend, hub, session, shift, receipts=output)
    qtbot.addWidget(till)
    output.start()
    yield till
    output.stop()


def test_the_held_ticket_slip_carries_its_barcode_and_scanning_it_recalls_the_ticket(
    qtbot: QtBot, hub: ScanHub, window: TillWindow, printer: LoopbackPrinter
) -> None:
    scan(qtbot, hub, window, RICE)
    scan(qtbot, hub, window, WATER)
    assert window.priced is not None
    due = window.priced.due

    type_keys(qtbot, window, [HOLD])

    assert not window.draft.lines
    qtbot.waitUntil(lambda: len(printer.jobs) == 1, timeout=DEADLINE_MS)
    job = parse(printer.jobs[0])
    text = "\n".join(job.lines)
    assert "挂单小票" in text
    assert "挂单号：G1" in text
    assert "大米" in text
    assert "待付合计" in text
    assert str(due) in text
    assert job.barcodes == [b"{B" + held_barcode(1).encode()]
    assert DRAWER_KICK not in printer.jobs[0]  # nothing was paid
    code = job.barcodes[0].removeprefix(b"{B").decode()
    assert classify(code).kind is ScanKind.HELD_TICKET

    with qtbot.waitSignal(window.ticket_changed):
        hub.deliver(code)  # the slip's barcode, from the scanner

    assert [ln.product.barcode for ln in window.draft.lines] == [RICE, WATER]
    assert window.priced is not None
    assert window.priced.due == due
    assert window.ui.scan_edit.text() == ""
