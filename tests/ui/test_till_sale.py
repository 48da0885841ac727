"""The till window ringing up sales on the real store: members, totals, PINs, the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from frontdesk.domain.money import Fen
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.ui.scanning import ScanHub, WedgeScanFilter
from frontdesk.ui.tender import TenderDialog
from frontdesk.ui.till_window import TillWindow
from tests.builders import at
from tests.ui.drivers import (
    answering_int,
    pay,
    paying,
    previews,
    refused_card,
    scan,
    show_member,
    squeezed,
    stored_value_and_cash,
    till_window,
)
from tests.ui.real_store import GOLD_BAR, RICE, TOBACCO, WATER, RealStore


@pytest.fixture
def window(qtbot: QtBot, backend: ServicesTillBackend, hub: ScanHub) -> TillWindow:
    return till_window(qtbot, backend, hub)


@pytest.fixture
def gold_bar(qtbot: QtBot, real_store: RealStore, hub: ScanHub, window: TillWindow) -> TillWindow:
    """The window with a ￥15,000 gold bar rung up for the gold member (29,400 points)."""
    show_member(qtbot, hub, window, real_store.gold)
    scan(qtbot, hub, window, GOLD_BAR)
    return window


def test_a_member_sale_paid_by_stored_value_and_cash_shows_the_receipt(
    qtbot: QtBot,
    real_store: RealStore,
    hub: ScanHub,
    window: TillWindow,
    wedge: WedgeScanFilter,
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    customer = stored_value_and_cash(qtbot, "100.00", "100.00")
    monkeypatch.setattr(TenderDialog, "ask", customer)
    receipts = previews(monkeypatch)
    window.ui.scan_edit.setFocus()
    with qtbot.waitSignal(hub.scanned):
        qtbot.keyClicks(window.ui.scan_edit, real_store.gold)
        qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_Return)
    qapp.removeEventFilter(wedge)  # the rest is typed into dialogs, not scanned
    scan(qtbot, hub, window, WATER, RICE, TOBACCO)

    result = pay(qtbot, window)

    assert result.done.change == Fen(6220)  # 100 + 100 − 137.80 (gold birthday 8折 on ￥91.00)
    assert receipts == []  # printed without a preview in the way of the next scan
    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F10)  # the preview, on demand
    assert window.ui.scan_edit.text() == ""  # the wedge burst never reached the field
    [receipt] = [squeezed(text) for text in receipts]
    assert "生日折扣 -￥18.20" in receipt
    assert "应付合计 ￥137.80" in receipt
    assert "原积分 29,400\n本次积分 +330\n现积分 29,730" in receipt  # ×2 at gold 1.2
    assert "储值本金 ￥500.00 → ￥410.71" in receipt
    assert "储值赠金 ￥60.00 → ￥49.29" in receipt  # ￥100 split 500:60
    assert window.lines_model.rowCount() == 0
    receipt_no = result.done.ticket.receipt_no
    assert window.ui.message_label.text() == f"小票 {receipt_no} 已收款，找零 ￥62.20"


def test_a_scanned_card_fills_the_member_panel_with_a_masked_phone(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, window: TillWindow
) -> None:
    show_member(qtbot, hub, window, real_store.gold)

    ui = window.ui
    assert ui.member_name_label.text() == "张三丰"
    assert ui.member_phone_label.text() == "138****1234"
    assert ui.tier_label.text() == "金卡会员"
    assert ui.principal_value_label.text() == "￥500.00"
    assert ui.bonus_value_label.text() == "￥60.00"
    assert ui.points_value_label.text() == "29,400"
    assert ui.birthday_label.text() == "★ 生日月"
    assert ui.expiring_label.isHidden()  # last year's points last until 2026-12-31


def test_points_about_to_expire_are_shown_with_their_date(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, window: TillWindow
) -> None:
    real_store.till.clock.moment = at(2026, 12, 10)  # 21 days before last year's lot expires

    show_member(qtbot, hub, window, real_store.gold)

    assert window.ui.expiring_label.text() == "29,400 积分将于 2026-12-31 过期"
    assert window.ui.birthday_label.isHidden()  # March was his birthday month, not December


def test_a_lost_card_shows_the_red_banner_with_its_reason_and_is_logged(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, window: TillWindow
) -> None:
    assert refused_card(qtbot, hub, window, real_store.lost) == "此卡已挂失"
    assert window.ui.refusal_label.text() == "此卡已挂失"
    assert not window.ui.refusal_label.isHidden()
    assert window.member is None
    [logged] = real_store.backend.audit_log(1)
    assert (logged.action, logged.subject, logged.actor) == (
        "card_refused",
        real_store.lost,
        "1001",
    )


def test_the_refusal_is_in_english_when_the_till_is(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, window: TillWindow, en: None
) -> None:
    assert refused_card(qtbot, hub, window, real_store.lost) == "This card has been reported lost"


def test_totals_show_savings_by_kind_and_points_to_earn(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, window: TillWindow
) -> None:
    show_member(qtbot, hub, window, real_store.gold)

    scan(qtbot, hub, window, RICE, TOBACCO)

    ui = window.ui
    assert ui.gross_value_label.text() == "￥154.00"
    assert ui.savings_detail_label.text() == "生日折扣 -￥17.80"  # tobacco has no discount
    assert ui.due_value_label.text() == "￥136.20"
    assert ui.earn_value_label.text() == "326 (×2)"  # ￥136.20 × 1.2 × 2, whole points


def test_quantity_void_and_points_redemption_reprice_the_ticket(
    qtbot: QtBot, hub: ScanHub, gold_bar: TillWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = gold_bar
    scan(qtbot, hub, window, WATER)
    answering_int(monkeypatch, 3)

    with qtbot.waitSignal(window.ticket_changed):
        window.ui.quantity_button.click()  # the last scanned line is selected
    assert window.lines_model.line_at(1).quantity == 3
    with qtbot.waitSignal(window.ticket_changed):
        window.ui.void_button.click()
    assert window.lines_model.rowCount() == 1
    answering_int(monkeypatch, 1)
    with qtbot.waitSignal(window.ticket_changed):
        window.ui.redeem_button.click()

    assert window.priced is not None
    assert window.priced.redeemed_points == 10000
    assert window.priced.due == Fen(1180000)  # ￥15,000 × 0.8 − ￥200
    assert "积分抵现 -￥200.00" in window.ui.savings_detail_label.text()


def test_redeeming_more_points_than_the_member_has_is_refused_and_undone(
    gold_bar: TillWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = gold_bar
    answering_int(monkeypatch, 3)  # 30,000 of his 29,400

    window.ui.redeem_button.click()

    assert window.draft.redeem_blocks == 0
    assert window.ui.message_label.text().startswith("积分不足")


def test_an_unknown_barcode_is_reported_and_adds_nothing(
    qtbot: QtBot, hub: ScanHub, window: TillWindow
) -> None:
    with qtbot.waitSignal(hub.scanned):
        hub.deliver("6900000000991")

    assert window.lines_model.rowCount() == 0
    assert window.ui.message_label.text() == "未找到商品：6900000000991"


def test_a_member_found_by_phone_is_attached(
    qtbot: QtBot, real_store: RealStore, window: TillWindow
) -> None:
    with qtbot.waitSignal(window.member_changed):
        qtbot.keyClicks(window.ui.scan_edit, "13812341234")
        qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_Return)

    assert window.member is not None
    assert window.member.card_no == real_store.gold


def test_a_cash_sale_can_be_rung_up_with_the_keyboard_only(
    qtbot: QtBot,
    real_store: RealStore,
    hub: ScanHub,
    window: TillWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    previews(monkeypatch)  # none in the way of the keys

    def cashier_types(dialog: TenderDialog) -> None:
        qtbot.keyClicks(dialog.ui.amount_edit, "10")
        qtbot.keyClick(dialog.ui.amount_edit, Qt.Key.Key_Return)  # Enter: cash, then confirm

    monkeypatch.setattr(TenderDialog, "ask", paying(qtbot, cashier_types, shown=True))
    window.show()
    qtbot.keyClicks(window.ui.scan_edit, WATER)
    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_Return)

    with qtbot.waitSignal(window.sale_completed) as sale:
        qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F5)

    result = sale.args[0]
    assert result.done.change == Fen(800)
    assert result.receipt is not None
    assert [(t.kind.value, t.amount) for t in result.receipt.tenders] == [("cash", Fen(1000))]
    with real_store.till.ctx.uow(write=False) as uow:
        ticket = uow.tickets.by_receipt(result.done.ticket.receipt_no)
    assert ticket is not None
    assert (ticket.total, ticket.member_id) == (Fen(200), None)
