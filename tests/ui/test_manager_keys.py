"""The manager screens from the keyboard alone: function keys on every button, Ctrl+digit pages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from frontdesk.domain.cards import CardState
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import LineInput
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.services.till_port import Tender, TenderKind, TicketDraft
from frontdesk.ui.approval import ApprovalDialog
from frontdesk.ui.manager import ManagerDialog
from frontdesk.ui.receipt import ReceiptPreviewDialog
from tests.ui.drivers import ManagerAtHand, log_in, open_shift
from tests.ui.real_store import WATER, RealStore


@pytest.fixture
def manager(qtbot: QtBot, backend: ServicesTillBackend) -> ManagerDialog:
    open_shift(qtbot, backend, log_in(qtbot, backend))
    dialog = ManagerDialog(backend)
    qtbot.addWidget(dialog)
    return dialog


def test_a_manager_reports_a_card_lost_and_reissues_it_with_key_presses_alone(
    qtbot: QtBot,
    real_store: RealStore,
    manager: ManagerDialog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backend = real_store.backend
    monkeypatch.setattr(ApprovalDialog, "ask", ManagerAtHand(qtbot))
    cards = manager.card_page
    qtbot.keyClick(manager, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert manager.stack.currentWidget() is cards
    qtbot.keyClicks(cards.card.edit, real_store.gold)
    qtbot.keyClick(cards.card.edit, Qt.Key.Key_Return)
    assert cards.state_label.text().endswith("正常")
    with qtbot.waitSignal(cards.card_reported_lost):
        qtbot.keyClick(cards.card.edit, Qt.Key.Key_F2)
    assert backend.find_card(real_store.gold).card_state is CardState.LOST
    qtbot.keyClicks(cards.phone_edit, "13812341234")
    cards.name_edit.insert("张三丰")  # Chinese arrives through the IME, not keys

    with qtbot.waitSignal(cards.card_changed) as changed:
        qtbot.keyClick(cards.name_edit, Qt.Key.Key_F7)

    new = changed.args[0]
    assert new.card_no != real_store.gold
    assert new.card_state is CardState.ACTIVE
    assert backend.find_card(real_store.gold).card_state is CardState.REPLACED
    assert cards.card.text() == new.card_no
    assert cards.result_label.text() == f"新卡 {new.card_no} 已发放，工本费 ￥38.00"


def test_every_manager_button_prints_a_function_key_unique_on_its_page(
    manager: ManagerDialog,
) -> None:
    cards = manager.card_page

    texts = [
        b.text()
        for b in (
            cards.lookup_button,
            cards.report_lost_button,
            cards.unreport_button,
            cards.freeze_button,
            cards.unfreeze_button,
            cards.return_button,
            cards.reissue_button,
        )
    ]

    assert texts == ["F1 查询", "F2 挂失", "F3 解挂", "F4 冻结", "F5 解冻", texts[5], texts[6]]
    assert len({t.split()[0] for t in texts}) == len(texts)
    assert manager.refund_page.refund_button.text().startswith("F2 ")
    assert manager.audit_page.refresh_button.text().startswith("F5 ")
    assert manager.nav.item(2).text().startswith("3")


def test_english_buttons_carry_the_same_keys(
    qtbot: QtBot, en: None, backend: ServicesTillBackend
) -> None:
    dialog = ManagerDialog(backend)
    qtbot.addWidget(dialog)

    assert dialog.card_page.report_lost_button.text() == "F2 Report lost"


def test_every_english_page_title_fits_the_page_list(
    qtbot: QtBot, en: None, backend: ServicesTillBackend
) -> None:
    dialog = ManagerDialog(backend)
    qtbot.addWidget(dialog)
    dialog.show()
    room = dialog.nav.viewport().width()
    metrics = dialog.nav.fontMetrics()

    titles = [dialog.nav.item(i).text() for i in range(dialog.nav.count())]
    assert "    Erase personal data" in titles
    assert all(metrics.horizontalAdvance(t) < room for t in titles), (room, titles)


def test_the_refund_page_refunds_a_receipt_on_its_function_key(
    qtbot: QtBot,
    real_store: RealStore,
    backend: ServicesTillBackend,
    manager: ManagerDialog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ApprovalDialog, "ask", ManagerAtHand(qtbot))
    water = backend.add_product(WATER)
    sale = backend.checkout(
        TicketDraft(lines=(LineInput(water, 1),)), [Tender(TenderKind.CASH, Fen(200))], None
    )
    page = manager.refund_page
    qtbot.keyClick(manager, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.receipt_edit, sale.done.ticket.receipt_no)

    with qtbot.waitSignal(page.receipt_issued):
        qtbot.keyClick(page.receipt_edit, Qt.Key.Key_F2)

    with real_store.till.ctx.uow(write=False) as uow:
        original = uow.tickets.by_receipt(sale.done.ticket.receipt_no)
        assert original is not None
        [refund] = uow.tickets.refunds_of(original.ticket_id)
    assert refund.total == Fen(-200)
    assert sale.done.ticket.receipt_no in page.result_label.text()


def test_a_lost_card_shows_its_state_in_warning_colour_and_an_active_one_in_green(
    qtbot: QtBot, real_store: RealStore, manager: ManagerDialog
) -> None:
    cards = manager.card_page
    qtbot.keyClicks(cards.card.edit, real_store.lost)

    qtbot.keyClick(cards.card.edit, Qt.Key.Key_Return)

    assert cards.state_label.text().endswith("已挂失")
    assert "#e65100" in cards.state_label.styleSheet()
    cards.card.edit.clear()
    qtbot.keyClicks(cards.card.edit, real_store.gold)
    qtbot.keyClick(cards.card.edit, Qt.Key.Key_Return)
    assert "#1b5e20" in cards.state_label.styleSheet()


def test_escape_closes_the_manager_screens(qtbot: QtBot, manager: ManagerDialog) -> None:
    manager.show()
    qtbot.waitExposed(manager)
    assert manager.buttons.buttons()[0].text() == "Esc 关闭"

    with qtbot.waitSignal(manager.rejected):
        qtbot.keyClick(manager.topup_page.amount_edit, Qt.Key.Key_Escape)


def test_the_receipt_preview_reprints_on_its_function_key(qtbot: QtBot) -> None:
    asked: list[str] = []

    def reprint(receipt_no: str) -> list[str]:
        asked.append(receipt_no)
        return ["重印"]

    dialog = ReceiptPreviewDialog(["小票"], None, reprint, "R0001")
    qtbot.addWidget(dialog)
    assert dialog.reprint_button.text() == "F2 重打小票"

    qtbot.keyClick(dialog.receipt_no_edit, Qt.Key.Key_F2)

    assert asked == ["R0001"]
    assert dialog.text() == "重印"


def test_enter_in_a_shown_dialog_registers_once_not_again_through_a_default_button(
    qtbot: QtBot, manager: ManagerDialog
) -> None:
    register = manager.register_page.ui
    manager.show()
    qtbot.waitExposed(manager)
    qtbot.keyClicks(register.phone_edit, "13700001111")
    register.name_edit.insert("王芳")  # Chinese arrives through the IME, not keys
    qtbot.keyClicks(register.pin_edit, "582046")
    qtbot.keyClicks(manager.register_page.pin_confirm_edit, "582046")
    register.consent_terms_check.setChecked(True)
    registered: list[object] = []
    manager.register_page.member_registered.connect(registered.append)

    qtbot.keyClick(manager.register_page.pin_confirm_edit, Qt.Key.Key_Return)

    assert len(registered) == 1
    assert "王芳" in register.result_label.text()
