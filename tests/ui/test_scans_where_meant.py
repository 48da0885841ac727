"""Scans go where the cashier means: a field that expects a code takes the scan whole (Shift
included), and a card that cannot be used never takes the member off the ticket."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from frontdesk.domain.scan import Scan, ScanKind
from frontdesk.ui.receipt import ReceiptPreviewDialog
from frontdesk.ui.scanning import ScanHub, WedgeScanFilter
from frontdesk.ui.tender import TenderDialog
from frontdesk.ui.till_window import TillWindow
from tests.ui.drivers import scan, till_window
from tests.ui.real_store import RICE, RealStore


class Fast:
    """A wedge scanner's speed: 4 ms a key."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 0.004
        return self.now


@pytest.fixture
def wedge(qapp: QApplication, hub: ScanHub) -> Iterator[WedgeScanFilter]:
    scan_filter = WedgeScanFilter(hub, clock=Fast())
    qapp.installEventFilter(scan_filter)
    yield scan_filter
    qapp.removeEventFilter(scan_filter)


def wedge_types(field: QLineEdit, code: str) -> None:
    """What a keyboard-wedge scanner sends: Shift pressed around every shifted character."""
    for ch in code:
        if ch.isupper() or ch in "#]":
            QTest.keyPress(field, Qt.Key.Key_Shift)
            QTest.keyClicks(field, ch, Qt.KeyboardModifier.ShiftModifier)
            QTest.keyRelease(field, Qt.Key.Key_Shift)
        else:
            QTest.keyClicks(field, ch)
    QTest.keyClick(field, Qt.Key.Key_Return)


@pytest.fixture
def window(qtbot: QtBot, real_store: RealStore, hub: ScanHub) -> TillWindow:
    return till_window(qtbot, real_store.backend, hub)


def test_a_code_with_shifted_characters_is_one_scan(
    qtbot: QtBot, hub: ScanHub, wedge: WedgeScanFilter
) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    with qtbot.waitSignal(hub.scanned) as scanned:
        wedge_types(field, "R001010000002")  # the receipt's own barcode: Shift+r first

    assert scanned.args == [Scan(ScanKind.RECEIPT_NUMBER, "R001010000002")]
    assert field.text() == ""


def test_the_payment_reference_takes_whatever_is_scanned_into_it(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, window: TillWindow, wedge: WedgeScanFilter
) -> None:
    scan(qtbot, hub, window, RICE)
    assert window.priced is not None
    dialog = TenderDialog(real_store.backend, window.draft, window.priced, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.ui.reference_edit.setFocus()
    delivered: list[object] = []
    hub.scanned.connect(delivered.append)

    wedge_types(dialog.ui.reference_edit, "POS#20260310]A7")  # a bank slip: no shape the till knows

    assert dialog.ui.reference_edit.text() == "POS#20260310]A7"
    assert delivered == []
    assert dialog.result_ is None  # the scan's Enter confirmed nothing


def test_the_reprint_number_takes_the_receipts_scanned_barcode(
    qtbot: QtBot, hub: ScanHub, wedge: WedgeScanFilter
) -> None:
    dialog = ReceiptPreviewDialog(["小票"], None, lambda no: ["重印", no], "")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.receipt_no_edit.setFocus()

    wedge_types(dialog.receipt_no_edit, "R001010000002")

    assert dialog.receipt_no_edit.text() == "R001010000002"


def test_a_lost_or_misread_card_never_takes_the_member_off_the_ticket(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, window: TillWindow
) -> None:
    scan(qtbot, hub, window, real_store.gold)  # 张三丰, gold, his birthday month
    scan(qtbot, hub, window, RICE)
    assert window.priced is not None
    due = window.priced.due

    with qtbot.waitSignal(window.card_refused) as refused:
        hub.deliver(real_store.lost)
    misread = real_store.card[:-1] + str((int(real_store.card[-1]) + 1) % 10)
    with qtbot.waitSignal(hub.refused):
        hub.deliver(misread)

    assert refused.args == ["此卡已挂失"]
    assert window.member is not None
    assert window.member.name == "张三丰"
    assert window.draft.card_no == real_store.gold
    assert window.priced.due == due  # the sale as it was
    assert "校验位" in window.ui.message_label.text()
