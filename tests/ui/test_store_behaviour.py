"""Four answers a stand-in backend once gave unlike the real store, pinned on the real one.

The window's tests ran on an in-memory copy of the application for a while; side by side with the
store, these four calls came out differently. Each is pinned here on the real services.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from frontdesk.domain import errors
from frontdesk.domain.money import Fen
from frontdesk.domain.scan import RECEIPT_NO
from frontdesk.services.till_port import TenderKind
from frontdesk.ui.manager import ManagerDialog
from frontdesk.ui.receipt import ReceiptPreviewDialog
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.tender import TenderDialog
from frontdesk.ui.till_window import TillWindow
from tests.ui.drivers import paying, till_window
from tests.ui.real_store import RICE, RealStore


@pytest.fixture
def window(qtbot: QtBot, real_store: RealStore, hub: ScanHub) -> TillWindow:
    return till_window(qtbot, real_store.backend, hub)


def test_a_lost_cards_member_found_by_phone_is_named_with_the_cards_state(
    real_store: RealStore, window: TillWindow
) -> None:
    # The stand-in answered 此卡已挂失 and nothing else; the store names who and which card.
    window.handle_code("13500005555")  # 陈静, whose only card is reported lost

    assert window.ui.message_label.text() == (
        f"会员陈静（135****5555）没有可用的会员卡：卡{real_store.lost}已挂失，请先补卡"
    )
    assert window.member is None


def test_a_top_up_is_never_paid_with_stored_value(
    qtbot: QtBot, real_store: RealStore, window: TillWindow
) -> None:
    # The stand-in asked for a payment reference; the store refuses stored value buying itself.
    page = ManagerDialog(real_store.backend, None, window).topup_page
    qtbot.addWidget(page)
    offered = [page.tender_combo.itemData(i) for i in range(page.tender_combo.count())]
    before = real_store.receipt_numbers()

    with pytest.raises(errors.DomainError):
        real_store.backend.topup(real_store.card, Fen(10000), TenderKind.STORED_VALUE, "X", "t1")

    assert TenderKind.STORED_VALUE not in offered
    assert offered == [TenderKind.CASH, TenderKind.BANK_CARD, TenderKind.WECHAT, TenderKind.ALIPAY]
    assert real_store.receipt_numbers() == before
    assert real_store.backend.find_card(real_store.card).principal == Fen(50000)


def test_a_wechat_payment_without_its_reference_is_refused_in_words(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, window: TillWindow
) -> None:
    # The stand-in said 微信支付; the store once said the raw code (wechat付款…).
    with qtbot.waitSignal(window.ticket_changed):
        hub.deliver(RICE)
    assert window.priced is not None
    dialog = TenderDialog(real_store.backend, window.draft, window.priced, window.member)
    qtbot.addWidget(dialog)
    dialog.add_tender(TenderKind.WECHAT)
    before = real_store.receipt_numbers()

    dialog.ui.confirm_button.click()

    assert dialog.ui.error_label.text() == "微信支付付款须填写交易参考号"
    assert dialog.result_ is None
    assert real_store.receipt_numbers() == before


def test_a_receipt_number_is_store_till_and_serial(
    qtbot: QtBot,
    real_store: RealStore,
    hub: ScanHub,
    window: TillWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The stand-in numbered R000001; the store prints R + store 001 + till 01 + a 7-digit serial.
    monkeypatch.setattr(ReceiptPreviewDialog, "ask", lambda *_: None)

    def pay_exact(dialog: TenderDialog) -> None:
        dialog.add_tender(TenderKind.CASH)
        dialog.ui.confirm_button.click()

    monkeypatch.setattr(TenderDialog, "ask", paying(qtbot, pay_exact))
    with qtbot.waitSignal(window.ticket_changed):
        hub.deliver(RICE)

    with qtbot.waitSignal(window.sale_completed) as sale:
        window.ui.pay_button.click()

    receipt_no = sale.args[0].done.ticket.receipt_no
    assert receipt_no == "R001010000004"  # after 2025's sale and today's two top-ups
    assert RECEIPT_NO.fullmatch(receipt_no)
    assert real_store.receipt_numbers()[-1] == receipt_no
    assert receipt_no in window.ui.message_label.text()
