from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import PricedTicket
from frontdesk.services.till_port import (
    CheckoutResult,
    MemberView,
    TenderKind,
    TicketDraft,
    TillBackend,
)
from frontdesk.ui.prompts import PromptDialog
from frontdesk.ui.receipt import ReceiptPreviewDialog
from frontdesk.ui.scanning import ScanHub, WedgeScanFilter
from frontdesk.ui.tender import TenderDialog
from frontdesk.ui.till_window import TillWindow
from tests.ui.drivers import till_window
from tests.ui.fake_backend import CIGARETTES, MEMBER_PIN, RICE, TEA, WATER, FakeTillBackend


@pytest.fixture
def window(qtbot: QtBot, backend: FakeTillBackend, hub: ScanHub) -> TillWindow:
    return till_window(qtbot, backend, hub)


@pytest.fixture
def wedge(qapp: QApplication, hub: ScanHub) -> Iterator[WedgeScanFilter]:
    scan_filter = WedgeScanFilter(hub)
    qapp.installEventFilter(scan_filter)
    yield scan_filter
    qapp.removeEventFilter(scan_filter)
    scan_filter.deleteLater()


def scan(qtbot: QtBot, hub: ScanHub, window: TillWindow, code: str) -> None:
    with qtbot.waitSignal(window.ticket_changed):
        hub.deliver(code)


class PayingCustomer:
    """Stands in for TenderDialog.ask: pays ￥100 from stored value with the PIN, rest in cash."""

    def __init__(self, qtbot: QtBot, stored: str = "100.00", cash: str = "300.00") -> None:
        self.qtbot, self.stored, self.cash = qtbot, stored, cash
        self.dialog: TenderDialog | None = None

    def __call__(
        self,
        backend: TillBackend,
        draft: TicketDraft,
        priced: PricedTicket,
        member: MemberView | None,
        parent: object = None,
    ) -> CheckoutResult | None:
        dialog = TenderDialog(backend, draft, priced, member)
        self.qtbot.addWidget(dialog)
        self.dialog = dialog
        self.qtbot.keyClicks(dialog.ui.amount_edit, self.stored)
        dialog.ui.stored_value_button.click()
        for digit in MEMBER_PIN:
            getattr(dialog.ui, f"pin_{digit}_button").click()
        self.qtbot.keyClicks(dialog.ui.amount_edit, self.cash)
        dialog.ui.cash_button.click()
        with self.qtbot.waitSignal(dialog.checked_out):
            dialog.ui.confirm_button.click()
        return dialog.result_


def test_a_member_sale_paid_by_stored_value_and_cash_shows_the_receipt(
    qtbot: QtBot,
    backend: FakeTillBackend,
    hub: ScanHub,
    window: TillWindow,
    wedge: WedgeScanFilter,
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    customer = PayingCustomer(qtbot)
    receipts: list[str] = []
    monkeypatch.setattr(TenderDialog, "ask", customer)
    monkeypatch.setattr(
        ReceiptPreviewDialog, "ask", lambda lines, *_: receipts.append("\n".join(lines))
    )
    window.ui.scan_edit.setFocus()
    with qtbot.waitSignal(hub.scanned):
        qtbot.keyClicks(window.ui.scan_edit, backend.gold)
        qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_Return)
    qapp.removeEventFilter(wedge)  # the rest is typed into dialogs, not scanned
    for barcode in (WATER, RICE, TEA):
        scan(qtbot, hub, window, barcode)

    with qtbot.waitSignal(window.sale_completed) as sale:
        window.ui.pay_button.click()

    result = sale.args[0]
    assert isinstance(result, CheckoutResult)
    assert result.change == Fen(6408)  # 100 + 300 - 335.92 (gold birthday 8折 on ￥419.90)
    assert window.ui.scan_edit.text() == ""  # the wedge burst never reached the field
    [receipt] = receipts
    assert "生日折扣 -￥83.98" in receipt
    assert "积分 12,300" not in receipt
    assert "积分 12300 +806 -0 = 13106" in receipt  # ×2 birthday points at gold 1.2
    assert "本金 ￥500.00 → ￥410.71" in receipt
    assert "赠金 ￥60.00 → ￥50.71" not in receipt or "赠金 ￥60.00 → ￥49.29" in receipt
    assert window.lines_model.rowCount() == 0
    assert "R000001" in window.ui.message_label.text()


def test_a_scanned_card_fills_the_member_panel_with_a_masked_phone(
    qtbot: QtBot, backend: FakeTillBackend, hub: ScanHub, window: TillWindow
) -> None:
    with qtbot.waitSignal(window.member_changed):
        hub.deliver(backend.gold)

    ui = window.ui
    assert ui.member_name_label.text() == "张三丰"
    assert ui.member_phone_label.text() == "138****1234"
    assert ui.tier_label.text() == "金卡会员"
    assert ui.principal_value_label.text() == "￥500.00"
    assert ui.bonus_value_label.text() == "￥60.00"
    assert ui.points_value_label.text() == "12,300"
    assert "2,500" in ui.expiring_label.text()
    assert "2026-12-31" in ui.expiring_label.text()
    assert ui.birthday_label.text() != ""


def test_a_lost_card_shows_the_red_banner_with_its_reason_and_is_logged(
    qtbot: QtBot, backend: FakeTillBackend, hub: ScanHub, window: TillWindow
) -> None:
    with qtbot.waitSignal(window.card_refused) as refused:
        hub.deliver(backend.lost)

    assert refused.args == ["此卡已挂失"]
    assert window.ui.refusal_label.text() == "此卡已挂失"
    assert not window.ui.refusal_label.isHidden()
    assert window.member is None
    assert [e.action for e in backend.audit_log(1)] == ["card_refused"]


def test_the_refusal_is_in_english_when_the_till_is(
    qtbot: QtBot, backend: FakeTillBackend, hub: ScanHub, window: TillWindow, en: None
) -> None:
    with qtbot.waitSignal(window.card_refused) as refused:
        hub.deliver(backend.lost)

    assert refused.args == ["This card has been reported lost"]


def test_totals_show_savings_by_kind_and_points_to_earn(
    qtbot: QtBot, backend: FakeTillBackend, hub: ScanHub, window: TillWindow
) -> None:
    with qtbot.waitSignal(window.member_changed):
        hub.deliver(backend.gold)

    scan(qtbot, hub, window, RICE)
    scan(qtbot, hub, window, CIGARETTES)

    ui = window.ui
    assert ui.gross_value_label.text() == "￥134.90"
    assert ui.savings_detail_label.text() == "生日折扣 -￥17.98"
    assert ui.due_value_label.text() == "￥116.92"
    assert ui.earn_value_label.text() == "280 (×2)"


def test_quantity_void_and_points_redemption_reprice_the_ticket(
    qtbot: QtBot,
    backend: FakeTillBackend,
    hub: ScanHub,
    window: TillWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with qtbot.waitSignal(window.member_changed):
        hub.deliver(backend.gold)
    scan(qtbot, hub, window, TEA)
    scan(qtbot, hub, window, WATER)
    monkeypatch.setattr(PromptDialog, "ask_int", lambda *args: 3)

    with qtbot.waitSignal(window.ticket_changed):
        window.ui.quantity_button.click()  # the last scanned line is selected
    assert window.lines_model.line_at(1).quantity == 3
    with qtbot.waitSignal(window.ticket_changed):
        window.ui.void_button.click()
    assert window.lines_model.rowCount() == 1
    monkeypatch.setattr(PromptDialog, "ask_int", lambda *args: 1)
    with qtbot.waitSignal(window.ticket_changed):
        window.ui.redeem_button.click()

    assert window.priced is not None
    assert window.priced.redeemed_points == 10000
    assert "积分抵现 -￥200.00" in window.ui.savings_detail_label.text()


def test_redeeming_more_points_than_the_member_has_is_refused_and_undone(
    qtbot: QtBot,
    backend: FakeTillBackend,
    hub: ScanHub,
    window: TillWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with qtbot.waitSignal(window.member_changed):
        hub.deliver(backend.gold)
    scan(qtbot, hub, window, TEA)
    monkeypatch.setattr(PromptDialog, "ask_int", lambda *args: 2)

    window.ui.redeem_button.click()

    assert window.draft.redeem_blocks == 0
    assert "积分不足" in window.ui.message_label.text()


def test_an_unknown_barcode_is_reported_and_adds_nothing(
    qtbot: QtBot, hub: ScanHub, window: TillWindow
) -> None:
    with qtbot.waitSignal(hub.scanned):
        hub.deliver("1234567")

    assert window.lines_model.rowCount() == 0
    assert window.ui.message_label.text() == "未找到商品：1234567"


def test_a_member_found_by_phone_is_attached(
    qtbot: QtBot, backend: FakeTillBackend, window: TillWindow
) -> None:
    with qtbot.waitSignal(window.member_changed):
        qtbot.keyClicks(window.ui.scan_edit, "13812341234")
        qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_Return)

    assert window.member is not None
    assert window.member.card_no == backend.gold


def test_five_wrong_pins_lock_stored_value_spending(
    qtbot: QtBot, backend: FakeTillBackend, hub: ScanHub, window: TillWindow
) -> None:
    with qtbot.waitSignal(window.member_changed):
        hub.deliver(backend.gold)
    scan(qtbot, hub, window, WATER)
    assert window.priced is not None
    dialog = TenderDialog(backend, window.draft, window.priced, window.member)
    qtbot.addWidget(dialog)
    dialog.add_tender(TenderKind.STORED_VALUE)
    shown: list[str] = []

    for _ in range(5):
        qtbot.keyClicks(dialog.ui.pin_edit, "000000")
        dialog.ui.confirm_button.click()
        shown.append(dialog.ui.error_label.text())

    assert shown[:4] == [f"密码错误，还可尝试 {left} 次" for left in (4, 3, 2, 1)]
    assert shown[4].startswith("密码错误次数过多")
    assert dialog.result_ is None
    assert backend.find_card(backend.gold).pin_locked
    qtbot.keyClicks(dialog.ui.pin_edit, MEMBER_PIN)
    dialog.ui.confirm_button.click()
    assert dialog.ui.error_label.text().startswith("密码错误次数过多")


def test_a_cash_sale_can_be_rung_up_with_the_keyboard_only(
    qtbot: QtBot,
    backend: FakeTillBackend,
    hub: ScanHub,
    window: TillWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    receipts: list[str] = []
    monkeypatch.setattr(
        ReceiptPreviewDialog, "ask", lambda lines, *_: receipts.append("\n".join(lines))
    )
    opened: list[TenderDialog] = []

    def cashier_types(
        backend: TillBackend,
        draft: TicketDraft,
        priced: PricedTicket,
        member: MemberView | None,
        parent: object = None,
    ) -> CheckoutResult | None:
        dialog = TenderDialog(backend, draft, priced, member)
        qtbot.addWidget(dialog)
        opened.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.keyClicks(dialog.ui.amount_edit, "10")
        qtbot.keyClick(dialog.ui.amount_edit, Qt.Key.Key_Return)  # Enter: cash, then confirm
        return dialog.result_

    monkeypatch.setattr(TenderDialog, "ask", cashier_types)
    window.show()
    qtbot.keyClicks(window.ui.scan_edit, WATER)
    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_Return)

    with qtbot.waitSignal(window.sale_completed) as sale:
        qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F5)

    assert sale.args[0].change == Fen(800)
    assert backend.cash_taken == Fen(200)
