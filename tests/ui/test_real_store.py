"""The till window on the real SQLite store, through ServicesTillBackend: the issue's flows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from frontdesk.domain.cards import CardState
from frontdesk.domain.money import Fen
from frontdesk.persistence.verify import verify
from frontdesk.services.till_port import (
    ApprovalAction,
    TenderKind,
)
from frontdesk.ui.approval import ApprovalDialog
from frontdesk.ui.manager import ManagerDialog
from frontdesk.ui.receipt import ReceiptPreviewDialog
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.tender import TenderDialog
from frontdesk.ui.till_window import TillWindow
from tests.ui.drivers import (
    ManagerAtHand,
    cash,
    log_in,
    open_shift,
    pay,
    previews,
    register_member,
    scan,
    show_member,
    squeezed,
    stored_value_and_cash,
    till_window,
)
from tests.ui.real_store import (
    CASHIER_NO,
    CASHIER_PIN,
    MANAGER_NO,
    MANAGER_PIN,
    MEMBER_PIN,
    RICE,
    TOBACCO,
    WATER,
    RealStore,
)


@pytest.fixture
def window(qtbot: QtBot, real_store: RealStore, hub: ScanHub) -> TillWindow:
    return till_window(qtbot, real_store.backend, hub, CASHIER_NO, CASHIER_PIN)


def test_a_member_sale_paid_by_stored_value_and_cash_is_in_the_books(
    qtbot: QtBot,
    real_store: RealStore,
    hub: ScanHub,
    window: TillWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(TenderDialog, "ask", stored_value_and_cash(qtbot, "50.00", "200.00"))
    receipts = previews(monkeypatch)
    show_member(qtbot, hub, window, real_store.card)
    scan(qtbot, hub, window, WATER, RICE, TOBACCO)

    result = pay(qtbot, window)

    assert result.done.change == Fen(9582)  # 50 + 200 − 154.18
    assert receipts == []  # printed without a preview in the way of the next scan
    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F10)  # the preview, on demand
    [receipt] = [squeezed(text) for text in receipts]
    assert "会员折扣 -￥1.82" in receipt  # 98折 on water and rice, none on tobacco
    assert "应付合计 ￥154.18" in receipt
    assert "原积分 0\n本次积分 +154\n现积分 154" in receipt
    assert "储值本金 ￥500.00 → ￥455.36" in receipt
    assert "储值赠金 ￥60.00 → ￥54.64" in receipt
    assert result.receipt is not None
    assert result.receipt.header.receipt_no == result.done.ticket.receipt_no
    assert result.member is not None
    assert (result.member.principal, result.member.bonus) == (Fen(45536), Fen(5464))
    with real_store.till.ctx.uow(write=False) as uow:
        ticket = uow.tickets.by_receipt(result.done.ticket.receipt_no)
    assert ticket is not None
    assert ticket.total == Fen(15418)
    assert verify(real_store.till.engine) == []


def test_five_wrong_pins_lock_stored_value_spending(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, window: TillWindow
) -> None:
    show_member(qtbot, hub, window, real_store.card)
    scan(qtbot, hub, window, RICE)
    assert window.priced is not None
    dialog = TenderDialog(real_store.backend, window.draft, window.priced, window.member)
    qtbot.addWidget(dialog)
    dialog.add_tender(TenderKind.STORED_VALUE)
    shown: list[str] = []

    for _ in range(5):
        qtbot.keyClicks(dialog.ui.pin_edit, "000000")
        dialog.ui.confirm_button.click()
        shown.append(dialog.ui.error_label.text())

    assert shown[:4] == [f"密码错误，还可尝试 {left} 次" for left in (4, 3, 2, 1)]
    assert shown[4].startswith("密码错误次数过多")
    assert real_store.backend.find_card(real_store.card).pin_locked
    qtbot.keyClicks(dialog.ui.pin_edit, MEMBER_PIN)
    dialog.ui.confirm_button.click()
    assert dialog.ui.error_label.text().startswith("密码错误次数过多")
    assert dialog.result_ is None


def test_a_manager_registers_reports_lost_and_reissues_and_only_the_new_card_works(
    qtbot: QtBot,
    real_store: RealStore,
    hub: ScanHub,
    window: TillWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    approver = ManagerAtHand(qtbot, MANAGER_PIN, MANAGER_NO)
    monkeypatch.setattr(ApprovalDialog, "ask", approver)
    manager = ManagerDialog(real_store.backend, None, window)
    qtbot.addWidget(manager)
    old = register_member(qtbot, manager).card_no
    assert old is not None
    cards = manager.card_page
    manager.show_page("cards")
    cards.card.edit.setText(old)
    with qtbot.waitSignal(cards.card_changed):
        cards.report_lost_button.click()
    qtbot.keyClicks(cards.phone_edit, "13700001111")
    cards.name_edit.insert("王芳")
    cards.waive_check.setChecked(True)
    cards.reason_edit.insert("卡片质量问题")

    with qtbot.waitSignal(cards.card_changed) as changed:
        cards.reissue_button.click()

    new = changed.args[0].card_no
    assert approver.asked == [(ApprovalAction.REISSUE_FEE_WAIVER, old, Fen(3800))]
    assert real_store.backend.find_card(old).card_state is CardState.REPLACED
    assert "￥0.00" in cards.result_label.text()
    manager.close()
    show_member(qtbot, hub, window, new)
    assert window.ui.member_name_label.text() == "王芳"
    with qtbot.waitSignal(window.card_refused) as refused:
        hub.deliver(old)
    assert refused.args == ["此卡已补卡作废，请使用新卡"]
    [replace] = [e for e in real_store.backend.audit_log(20) if e.action == "card_replace"]
    assert replace.approver == MANAGER_NO


def test_closing_the_shift_shows_the_reconciliation(
    qtbot: QtBot,
    real_store: RealStore,
    hub: ScanHub,
    window: TillWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ReceiptPreviewDialog, "ask", lambda lines, *_: None)

    monkeypatch.setattr(TenderDialog, "ask", cash(qtbot))
    scan(qtbot, hub, window, RICE)
    with qtbot.waitSignal(window.sale_completed):
        window.ui.pay_button.click()
    manager = ManagerDialog(real_store.backend, None, window)
    qtbot.addWidget(manager)
    page = manager.shift_page
    manager.show_page("shift")
    qtbot.keyClicks(page.counted_edit, "588.50")

    with qtbot.waitSignal(manager.shift_closed):
        page.close_button.click()

    assert page.expected_value.text() == "￥589.00"  # ￥500 float + ￥89 rice in cash
    assert page.counted_value.text() == "￥588.50"
    assert page.over_short_value.text() == "￥-0.50"
    report = squeezed(page.report_view.toPlainText())
    assert "现金销售 ￥89.00" in report
    assert "长短款 -￥0.50" in report
    assert "储值期末" in report
    assert "核对不符" not in report


def test_the_window_opens_on_the_real_store_after_login(
    qtbot: QtBot, real_store: RealStore, window: TillWindow, qapp: QApplication
) -> None:
    window.show()
    qtbot.waitExposed(window)

    assert window.ui.scan_edit.isVisible()
    assert window.staff_label.text() == "收银员 李收银（1001）"


def test_a_second_login_carries_on_the_shift_still_open(
    qtbot: QtBot, real_store: RealStore
) -> None:
    backend = real_store.backend
    first = open_shift(qtbot, backend, log_in(qtbot, backend))

    again = open_shift(qtbot, backend, log_in(qtbot, backend, MANAGER_NO, MANAGER_PIN))

    assert again.shift_id == first.shift_id
    assert (again.cashier, again.opening_float) == (CASHIER_NO, Fen(50000))
