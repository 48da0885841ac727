"""Scans are classified once, at the hub, and every screen routes them by kind."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from frontdesk.domain.scan import Scan, ScanKind
from frontdesk.services.till_port import TenderKind
from frontdesk.ui.manager import ManagerDialog
from frontdesk.ui.receipt import ReceiptPreviewDialog
from frontdesk.ui.scanning import ScanHub, WedgeScanFilter
from frontdesk.ui.tender import TenderDialog
from frontdesk.ui.till_window import TillWindow
from tests.ui.drivers import till_window
from tests.ui.real_store import RICE, RealStore

WECHAT_CODE = "134567890123456789"  # the customer's 付款码, 18 digits from 13


@pytest.fixture
def window(qtbot: QtBot, real_store: RealStore, hub: ScanHub) -> TillWindow:
    return till_window(qtbot, real_store.backend, hub)


def test_a_wedge_scan_arrives_classified(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, window: TillWindow, wedge: WedgeScanFilter
) -> None:
    window.ui.scan_edit.setFocus()
    with qtbot.waitSignal(hub.scanned) as scanned:
        qtbot.keyClicks(window.ui.scan_edit, real_store.gold)
        qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_Return)

    assert scanned.args == [Scan(ScanKind.MEMBER_CARD, real_store.gold)]
    assert window.member is not None


def test_a_receipt_number_scanned_on_the_refund_page_goes_to_its_field_not_the_ticket(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, window: TillWindow
) -> None:
    manager = ManagerDialog(real_store.backend, hub, window)
    qtbot.addWidget(manager)
    manager.show_page("refund")

    with qtbot.waitSignal(hub.scanned):
        hub.deliver("R001010000002")

    assert manager.refund_page.receipt_edit.text() == "R001010000002"
    assert window.lines_model.rowCount() == 0
    assert "未找到商品" not in window.ui.message_label.text()


def test_a_receipt_number_on_the_till_says_where_refunds_are(
    qtbot: QtBot, hub: ScanHub, window: TillWindow
) -> None:
    with qtbot.waitSignal(hub.scanned):
        hub.deliver("R001010000002")

    assert window.ui.message_label.text() == "小票 R001010000002：退货请在店长界面办理（F9）"
    assert window.lines_model.rowCount() == 0


def test_eleven_digits_the_phone_rule_refuses_find_no_one(window: TillWindow) -> None:
    window.handle_code("12012341234")  # 11 digits from 1, but no mobile number

    assert window.member is None
    assert window.ui.message_label.text().startswith("无法识别的条码：12012341234")


def test_a_phone_the_domain_accepts_finds_the_member(window: TillWindow) -> None:
    window.handle_code("138 1234 1234")

    assert window.member is not None
    assert window.member.name == "张三丰"


def test_a_payment_code_scanned_while_paying_is_the_wechat_reference(
    qtbot: QtBot,
    real_store: RealStore,
    hub: ScanHub,
    window: TillWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ReceiptPreviewDialog, "ask", lambda *_: None)
    with qtbot.waitSignal(window.ticket_changed):
        hub.deliver(RICE)
    assert window.priced is not None
    dialog = TenderDialog(real_store.backend, window.draft, window.priced, window.member, window)
    qtbot.addWidget(dialog)
    dialog.setModal(True)
    dialog.show()
    qtbot.waitExposed(dialog)

    with qtbot.waitSignal(hub.scanned):
        hub.deliver(WECHAT_CODE)
    dialog.add_tender(TenderKind.WECHAT)
    with qtbot.waitSignal(dialog.checked_out) as paid:
        dialog.ui.confirm_button.click()

    assert paid.args[0].receipt is not None
    [tender] = paid.args[0].receipt.tenders
    assert (tender.kind.value, tender.reference) == ("wechat", WECHAT_CODE)
    assert window.lines_model.rowCount() == 1  # the window did not take the code as a product
