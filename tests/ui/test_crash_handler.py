"""The window's crash handler: an error escaping a slot writes a report, says so in Chinese and
holds the open ticket, and the window carries on selling."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from frontdesk.domain.pricing import LineInput
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.ui.crash import CrashHandler, keep_open_ticket
from frontdesk.ui.scanning import ScanHub
from tests.ui.drivers import till_window
from tests.ui.real_store import RICE, WATER


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_writes_a_report_holds_the_ticket_and_tells_the_cashier(
    qtbot: QtBot,
    backend: ServicesTillBackend,
    hub: ScanHub,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = till_window(qtbot, backend, hub)
    crashes = CrashHandler(tmp_path / "crash", lambda: datetime(2026, 12, 1, 9, 30))  # noqa: DTZ001
    crashes.keep_sale_with(lambda: keep_open_ticket(backend, window))
    crashes.install()
    try:
        with qtbot.waitSignal(window.ticket_changed):
            hub.deliver(WATER)
        real_add = backend.add_product

        def broken(barcode: str) -> object:
            raise RuntimeError("injected: the product table went away, member phone 13800001111")

        monkeypatch.setattr(backend, "add_product", broken)
        hub.deliver(RICE)  # the slot raises; Qt hands the exception to sys.excepthook
        qtbot.waitUntil(lambda: crashes.dialog is not None)
    finally:
        crashes.uninstall()

    [report] = crashes.reports
    text = report.read_text(encoding="utf-8")
    assert "RuntimeError: injected" in text
    assert "13800001111" not in text  # redacted like the log
    assert crashes.dialog is not None
    shown = crashes.dialog.text()
    assert "意外错误" in shown
    assert str(report) in shown
    assert "已挂单保存（1 号）" in shown  # the open ticket is safe in the till database
    [held] = backend.held_tickets()
    assert [barcode for barcode, _quantity in held.lines] == [WATER]
    assert window.draft.lines == ()
    crashes.dialog.accept()

    monkeypatch.setattr(backend, "add_product", real_add)  # the window sells on
    with qtbot.waitSignal(window.ticket_changed):
        hub.deliver(RICE)
    lines: tuple[LineInput, ...] = window.draft.lines
    assert [line.product.barcode for line in lines] == [RICE]
