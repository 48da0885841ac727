"""Receipts from the till window on the real store: queued, printed, reprinted, never blocking."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from frontdesk.domain.receipt import Receipt
from frontdesk.hardware.config import DeviceConfig, save_config
from frontdesk.hardware.escpos_printer import OFFLINE, Backend, PrinterConnection
from frontdesk.hardware.escpos_receipt import DRAWER_KICK, PAPER_80MM
from frontdesk.persistence.print_jobs import SqlitePrintJobStore
from frontdesk.printing_setup import QueuedReceiptOutput
from frontdesk.services.printing import Delivery
from frontdesk.services.till_port import (
    SaleResult,
    TenderKind,
)
from frontdesk.ui.i18n import Translations
from frontdesk.ui.manager import ManagerDialog
from frontdesk.ui.receipt import ReceiptPreviewDialog, Reprint
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.tender import TenderDialog
from frontdesk.ui.till_window import TillWindow
from tests.integration.devices.conftest import LoopbackPrinter, StatusPrinter
from tests.ui.drivers import cash, log_in, open_shift, till_window
from tests.ui.real_store import CASHIER_NO, CASHIER_PIN, RICE, RealStore

DEADLINE_MS = 10_000  # bounds a failing wait only; a passing one returns at once


@pytest.fixture
def printer() -> Iterator[LoopbackPrinter]:
    loopback = LoopbackPrinter()  # bound but not accepting: a printer that is switched off
    yield loopback
    loopback.close()


@pytest.fixture
def output(real_store: RealStore, printer: LoopbackPrinter) -> Iterator[QueuedReceiptOutput]:
    devices = Path(str(real_store.engine_path) + ".devices.toml")
    connection = PrinterConnection(Backend.NETWORK, "127.0.0.1", printer.port, timeout=1.0)
    save_config(DeviceConfig(printer=connection, paper=PAPER_80MM), devices)
    queued = QueuedReceiptOutput(
        real_store.till.engine, devices, real_store.backend.past_receipt, retry_seconds=0.05
    )
    yield queued
    queued.stop()


def _window(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, output: QueuedReceiptOutput
) -> TillWindow:
    session = log_in(qtbot, real_store.backend, CASHIER_NO, CASHIER_PIN)
    shift = open_shift(qtbot, real_store.backend, session)
    till = TillWindow(real_store.backend, hub, session, shift, receipts=output)
    qtbot.addWidget(till)
    output.start()
    return till


@pytest.fixture
def window(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, output: QueuedReceiptOutput
) -> TillWindow:
    return _window(qtbot, real_store, hub, output)


def printed_text(job: bytes) -> str:
    return job.decode("gb18030", errors="replace")


CJK = re.compile("[\u4e00-\u9fff]")


def test_a_sale_while_the_printer_is_off_is_kept_and_prints_when_it_comes_back(
    qtbot: QtBot,
    real_store: RealStore,
    hub: ScanHub,
    window: TillWindow,
    printer: LoopbackPrinter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(TenderDialog, "ask", cash(qtbot))
    monkeypatch.setattr(ReceiptPreviewDialog, "ask", lambda *_: None)
    with qtbot.waitSignal(window.ticket_changed):
        hub.deliver(RICE)

    with (
        qtbot.waitSignal(window.printer_changed, timeout=DEADLINE_MS),
        qtbot.waitSignal(window.sale_completed) as sale,
    ):
        window.ui.pay_button.click()

    result = sale.args[0]
    assert isinstance(result.done, SaleResult)
    receipt_no = result.done.ticket.receipt_no
    with real_store.till.ctx.uow(write=False) as uow:
        assert uow.tickets.by_receipt(receipt_no) is not None  # committed, not waiting
    [pending] = SqlitePrintJobStore(real_store.till.engine).pending()
    assert pending.receipt.header.receipt_no == receipt_no
    assert window.printer_label.text() == OFFLINE  # "打印机未连接，小票已保存，恢复后自动补打"
    assert window.ui.scan_edit.isEnabled()

    with qtbot.waitSignal(window.printer_changed, timeout=DEADLINE_MS):
        printer.listen()

    qtbot.waitUntil(lambda: len(printer.jobs) == 1, timeout=DEADLINE_MS)
    assert result.done.ticket.receipt_no in printed_text(printer.jobs[0])
    assert "销售小票" in printed_text(printer.jobs[0])
    # This loopback printer answers no status request: the till knows the bytes left, no more.
    qtbot.waitUntil(lambda: "已发送" in window.printer_label.text(), timeout=DEADLINE_MS)
    assert SqlitePrintJobStore(real_store.till.engine).pending() == []


def test_f10_reprints_any_receipt_by_number_marked_reprint(
    qtbot: QtBot,
    real_store: RealStore,
    hub: ScanHub,
    window: TillWindow,
    printer: LoopbackPrinter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    printer.listen()
    monkeypatch.setattr(TenderDialog, "ask", cash(qtbot))
    monkeypatch.setattr(ReceiptPreviewDialog, "ask", lambda *_: None)
    with qtbot.waitSignal(window.ticket_changed):
        hub.deliver(RICE)
    with qtbot.waitSignal(window.sale_completed) as sale:
        window.ui.pay_button.click()
    qtbot.waitUntil(lambda: len(printer.jobs) == 1, timeout=DEADLINE_MS)
    receipt_no = sale.args[0].done.ticket.receipt_no
    opened: list[ReceiptPreviewDialog] = []

    def open_preview(
        lines: list[str], parent: object, reprint: Reprint | None, number: str
    ) -> None:
        dialog = ReceiptPreviewDialog(lines, None, reprint, number)
        qtbot.addWidget(dialog)
        opened.append(dialog)

    monkeypatch.setattr(ReceiptPreviewDialog, "ask", open_preview)
    window.ui.receipt_button.click()
    [preview] = opened
    assert preview.receipt_no_edit.text() == receipt_no

    preview.reprint_button.click()

    qtbot.waitUntil(lambda: len(printer.jobs) == 2, timeout=DEADLINE_MS)
    again = printed_text(printer.jobs[1])
    assert receipt_no in again
    assert "重印" in again
    assert "重印" in preview.text()
    assert receipt_no in window.ui.message_label.text()
    assert DRAWER_KICK in printer.jobs[0]  # the cash sale opened the drawer
    assert DRAWER_KICK not in printer.jobs[1]  # its reprint never does
    [logged] = real_store.backend.audit_log(1)
    assert (logged.action, logged.subject, logged.actor) == ("receipt_reprint", receipt_no, "1001")


def test_a_reprint_of_an_unknown_number_is_refused_in_the_preview(
    qtbot: QtBot, window: TillWindow, printer: LoopbackPrinter
) -> None:
    preview = ReceiptPreviewDialog([], None, window.reprint, "R009990009999")
    qtbot.addWidget(preview)

    preview.reprint_button.click()

    assert "未找到小票" in preview.result_label.text()
    assert printer.jobs == []


def test_a_top_up_by_bank_card_needs_its_reference_and_prints_it(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, output: QueuedReceiptOutput
) -> None:
    window = till_window(qtbot, real_store.backend, hub, CASHIER_NO, CASHIER_PIN)
    manager = ManagerDialog(real_store.backend, None, window)
    qtbot.addWidget(manager)
    manager.receipt_issued.connect(window.issue_receipt)
    page = manager.topup_page
    manager.show_page("topup")
    page.card.edit.setText(real_store.card)
    page.tender_combo.setCurrentIndex(page.tender_combo.findData(TenderKind.BANK_CARD))
    qtbot.keyClicks(page.amount_edit, "100.00")
    page.topup_button.click()
    assert "交易参考号" in page.result_label.text()  # refused: no reference yet

    qtbot.keyClicks(page.reference_edit, "POS-887766")
    with qtbot.waitSignal(manager.receipt_issued) as issued:
        page.topup_button.click()

    receipt = issued.args[0]
    assert isinstance(receipt, Receipt)
    [tender] = receipt.tenders
    assert (tender.kind.value, tender.reference) == ("bank_card", "POS-887766")
    assert page.result_label.text() == (
        "已充值 ￥100.00，赠送 ￥10.00。余额：本金 ￥600.00，赠金 ￥70.00"
    )
    assert window.last_receipt == receipt


def test_the_reference_field_is_only_open_for_card_and_wallet_top_ups(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub
) -> None:
    window = till_window(qtbot, real_store.backend, hub, CASHIER_NO, CASHIER_PIN)
    page = ManagerDialog(real_store.backend, None, window).topup_page
    qtbot.addWidget(page)

    page.tender_combo.setCurrentIndex(page.tender_combo.findData(TenderKind.CASH))
    cash_open = page.reference_edit.isEnabled()
    page.tender_combo.setCurrentIndex(page.tender_combo.findData(TenderKind.WECHAT))

    assert (cash_open, page.reference_edit.isEnabled()) == (False, True)


def _sell_on(
    qtbot: QtBot,
    real_store: RealStore,
    hub: ScanHub,
    monkeypatch: pytest.MonkeyPatch,
    port: int,
    *,
    reports_status: bool,
) -> tuple[TillWindow, str, QueuedReceiptOutput]:
    """The real window on a printer at `port`, said (in the device file) to report its status
    or not; one cash sale of rice. Returns the window, the receipt number and the output."""
    devices = Path(str(real_store.engine_path) + ".devices.toml")
    connection = PrinterConnection(
        Backend.NETWORK, "127.0.0.1", port, timeout=0.5, check_paper=reports_status
    )
    save_config(DeviceConfig(printer=connection, paper=PAPER_80MM), devices)
    output = QueuedReceiptOutput(
        real_store.till.engine, devices, real_store.backend.past_receipt, retry_seconds=0.05
    )
    window = _window(qtbot, real_store, hub, output)
    monkeypatch.setattr(TenderDialog, "ask", cash(qtbot))
    monkeypatch.setattr(ReceiptPreviewDialog, "ask", lambda *_: None)
    with qtbot.waitSignal(window.ticket_changed):
        hub.deliver(RICE)
    with qtbot.waitSignal(window.sale_completed) as sale:
        window.ui.pay_button.click()
    return window, sale.args[0].done.ticket.receipt_no, output


def test_a_printer_that_reports_no_status_shows_sent_not_printed(
    qtbot: QtBot,
    real_store: RealStore,
    hub: ScanHub,
    printer: LoopbackPrinter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    printer.listen()  # reads every byte and never answers a DLE EOT
    window, receipt_no, output = _sell_on(
        qtbot, real_store, hub, monkeypatch, printer.port, reports_status=False
    )
    try:
        qtbot.waitUntil(lambda: len(printer.jobs) == 1, timeout=DEADLINE_MS)
        qtbot.waitUntil(lambda: "已发送" in window.printer_label.text(), timeout=DEADLINE_MS)
    finally:
        output.stop()

    assert window.printer_label.text() == f"打印机：小票 {receipt_no} 已发送（未确认打印）"
    assert "无法确认已打出" in window.printer_label.toolTip()
    assert "已打印" not in window.printer_label.text()
    job = SqlitePrintJobStore(real_store.till.engine).for_receipt(receipt_no)
    assert job is not None
    assert (job.printed, job.delivery) == (True, Delivery.SENT)
    assert receipt_no in printed_text(printer.jobs[0])


def test_a_printer_that_answers_its_status_shows_printed(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    printer = StatusPrinter(reads=True)  # answers every DLE EOT: paper present, online
    try:
        window, receipt_no, output = _sell_on(
            qtbot, real_store, hub, monkeypatch, printer.port, reports_status=True
        )
        qtbot.waitUntil(lambda: "已打印" in window.printer_label.text(), timeout=DEADLINE_MS)
        output.stop()
    finally:
        printer.close()

    assert window.printer_label.text() == f"打印机：小票 {receipt_no} 已打印"
    assert window.printer_label.toolTip() == ""
    job = SqlitePrintJobStore(real_store.till.engine).for_receipt(receipt_no)
    assert job is not None
    assert (job.printed, job.delivery) == (True, Delivery.PRINTED)
    assert receipt_no.encode() in bytes(printer.received)


def _sold_on_a_silent_printer(
    qtbot: QtBot,
    real_store: RealStore,
    hub: ScanHub,
    printer: LoopbackPrinter,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[TillWindow, str]:
    """A sale on a printer the device file says answers DLE EOT, which never does."""
    printer.listen()
    window, receipt_no, output = _sell_on(
        qtbot, real_store, hub, monkeypatch, printer.port, reports_status=True
    )
    try:
        qtbot.waitUntil(lambda: window.status.printer_fault is not None, timeout=DEADLINE_MS)
    finally:
        output.stop()
    return window, receipt_no


def test_a_printer_said_to_report_status_that_never_answers_keeps_the_job_pending(
    qtbot: QtBot,
    real_store: RealStore,
    hub: ScanHub,
    printer: LoopbackPrinter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, receipt_no = _sold_on_a_silent_printer(qtbot, real_store, hub, printer, monkeypatch)

    assert "小票已保存" in window.printer_label.text()
    assert "已打印" not in window.printer_label.text()
    [pending] = SqlitePrintJobStore(real_store.till.engine).pending()
    assert pending.receipt.header.receipt_no == receipt_no


def test_a_printer_fault_is_said_in_the_language_on_screen_and_again_after_a_switch(
    qtbot: QtBot,
    en: None,
    real_store: RealStore,
    hub: ScanHub,
    printer: LoopbackPrinter,
    monkeypatch: pytest.MonkeyPatch,
    till_application: Translations,
    qapp: QApplication,
) -> None:
    window, _receipt_no = _sold_on_a_silent_printer(qtbot, real_store, hub, printer, monkeypatch)

    english = window.printer_label.text()
    assert "saved" in english
    assert not CJK.search(english)
    till_application.install(qapp, "zh_CN")
    qtbot.waitUntil(lambda: "已保存" in window.printer_label.text(), timeout=DEADLINE_MS)
