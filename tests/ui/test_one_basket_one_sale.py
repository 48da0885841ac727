"""One basket, one sale: whatever fails after the commit, Enter again never takes the money twice.

The store and its rules are real; what fails is a device-side piece (the printer's text layout,
the print queue, the preview) or, for the retry, a call that commits and then raises.
"""

from __future__ import annotations

from typing import Any, cast

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import LineInput
from frontdesk.domain.receipt import Receipt
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.services.till_port import (
    BankPayout,
    Tender,
    TenderKind,
    TicketDraft,
    TillBackend,
)
from frontdesk.ui.approval import ApprovalDialog
from frontdesk.ui.manager import ManagerDialog
from frontdesk.ui.manager.card_return_dialog import BankPayoutDialog
from frontdesk.ui.receipt import ReceiptPreviewDialog
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.tender import TenderDialog
from frontdesk.ui.till_window import TillWindow
from tests.ui.drivers import ManagerAtHand, TenderAsk, log_in, open_shift, paying
from tests.ui.quiet_printer import QuietPrinter
from tests.ui.real_store import RICE, RealStore

NOT_PRINTED = "已收款，小票未打印（已排队）"


class Broken(Exception):
    """The injected failure."""


# 张伟's own account and ID card, for his ￥500 退卡 (above ￥100: no cash from the drawer).
ZHANG_WEI_ACCOUNT = BankPayout("6222021234567890123", "张伟", "工商银行", "11010519491231002X")


def broken_layout(receipt: Receipt) -> list[str]:
    raise Broken("the printer's text layout failed")


class BrokenQueue(QuietPrinter):
    """A print queue that fails on every job handed to it."""

    def submit(self, receipt: Receipt) -> None:
        raise Broken("the print queue is broken")

    def reprint(self, receipt_no: str) -> Receipt:
        raise Broken("the print queue is broken")


class FailsOnceAfterCommit:
    """The real backend, whose named calls commit and then raise the first time only."""

    def __init__(self, real: TillBackend, *names: str) -> None:
        self._real = real
        self._left = set(names)
        self.calls: list[str] = []

    def __getattr__(self, name: str) -> Any:
        call = getattr(self._real, name)
        if not callable(call) or name not in ("checkout", "topup", "refund"):
            return call

        def committing(*args: object) -> object:
            self.calls.append(name)
            result = call(*args)
            if name in self._left:
                self._left.discard(name)
                raise Broken(f"{name} committed, then the line dropped")
            return result

        return committing


def enter_twice(qtbot: QtBot) -> TenderAsk:
    """The cashier types the cash amount and presses Enter, then Enter again at once."""

    def pay(dialog: TenderDialog) -> None:
        qtbot.keyClicks(dialog.ui.amount_edit, "100")
        qtbot.keyClick(dialog.ui.amount_edit, Qt.Key.Key_Return)
        qtbot.keyClick(dialog.ui.amount_edit, Qt.Key.Key_Return)

    return paying(qtbot, pay, shown=True)


def window_on(
    qtbot: QtBot, backend: TillBackend, hub: ScanHub, receipts: BrokenQueue | None = None
) -> TillWindow:
    session = log_in(qtbot, backend)
    window = TillWindow(backend, hub, session, open_shift(qtbot, backend, session), None, receipts)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def previews(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    shown: list[object] = []
    monkeypatch.setattr(ReceiptPreviewDialog, "ask", lambda lines, *_: shown.append(lines))
    return shown


@pytest.mark.parametrize("failure", ["receipt", "printing"])
def test_a_failure_after_the_commit_leaves_one_sale_and_says_the_receipt_is_queued(
    qtbot: QtBot,
    real_store: RealStore,
    hub: ScanHub,
    monkeypatch: pytest.MonkeyPatch,
    previews: list[object],
    failure: str,
) -> None:
    ctx = real_store.till.ctx
    layout = broken_layout if failure == "receipt" else (lambda receipt: ["小票"])
    backend = ServicesTillBackend(ctx, receipt_text=layout)
    window = window_on(qtbot, backend, hub, BrokenQueue() if failure == "printing" else None)
    monkeypatch.setattr(TenderDialog, "ask", enter_twice(qtbot))
    before = real_store.receipt_numbers()
    with qtbot.waitSignal(window.ticket_changed):
        hub.deliver(RICE)

    with qtbot.waitSignal(window.sale_completed) as sale:
        qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F5)
    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F5)  # and pay again: the basket is gone

    [new] = real_store.receipt_numbers()[len(before) :]
    assert sale.args[0].done.ticket.receipt_no == new
    assert window.ui.message_label.text() == f"{NOT_PRINTED}  小票 {new} 已收款，找零 ￥11.00"
    assert window.lines_model.rowCount() == 0


def test_a_checkout_that_failed_after_committing_is_replayed_by_the_second_enter(
    qtbot: QtBot,
    real_store: RealStore,
    hub: ScanHub,
    monkeypatch: pytest.MonkeyPatch,
    previews: list[object],
) -> None:
    backend = FailsOnceAfterCommit(real_store.backend, "checkout")
    window = window_on(qtbot, cast(TillBackend, backend), hub)
    monkeypatch.setattr(TenderDialog, "ask", enter_twice(qtbot))
    before = real_store.receipt_numbers()
    with qtbot.waitSignal(window.ticket_changed):
        hub.deliver(RICE)

    with qtbot.waitSignal(window.sale_completed) as sale:
        qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F5)

    assert backend.calls == ["checkout", "checkout"]  # the first Enter raised, the second replayed
    [new] = real_store.receipt_numbers()[len(before) :]
    assert sale.args[0].done.ticket.receipt_no == new
    assert sale.args[0].done.change == Fen(1100)
    assert window.ui.message_label.text() == f"小票 {new} 已收款，找零 ￥11.00"


def test_a_top_up_that_failed_after_committing_is_not_paid_twice_by_pressing_again(
    qtbot: QtBot, real_store: RealStore
) -> None:
    backend = FailsOnceAfterCommit(real_store.backend, "topup")
    open_shift(qtbot, real_store.backend, log_in(qtbot, real_store.backend))
    manager = ManagerDialog(cast(TillBackend, backend))
    qtbot.addWidget(manager)
    page = manager.topup_page
    page.card.edit.setText(real_store.card)
    qtbot.keyClicks(page.amount_edit, "100")
    before = real_store.receipt_numbers()

    page.topup_button.click()
    failed = page.result_label.text()
    page.topup_button.click()

    assert failed == "未完成，请重试（重试不会重复收款）"
    assert len(real_store.receipt_numbers()) == len(before) + 1
    assert real_store.backend.find_card(real_store.card).principal == Fen(60000)
    assert page.result_label.text().startswith("已充值 ￥100.00")


def test_a_refund_that_failed_after_committing_is_not_paid_twice_by_pressing_again(
    qtbot: QtBot, real_store: RealStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ApprovalDialog, "ask", ManagerAtHand(qtbot))
    real = real_store.backend
    open_shift(qtbot, real, log_in(qtbot, real))
    rice = real.add_product(RICE)
    sale = real.checkout(
        TicketDraft(lines=(LineInput(rice, 1),)), [Tender(TenderKind.CASH, Fen(8900))], None
    )
    backend = FailsOnceAfterCommit(real, "refund")
    manager = ManagerDialog(cast(TillBackend, backend))
    qtbot.addWidget(manager)
    page = manager.refund_page
    qtbot.keyClicks(page.receipt_edit, sale.done.ticket.receipt_no)
    before = real_store.receipt_numbers()

    page.refund_button.click()
    failed = page.result_label.text()
    page.refund_button.click()

    assert failed == "未完成，请重试（重试不会重复收款）"
    assert len(real_store.receipt_numbers()) == len(before) + 1
    assert page.result_label.text() == f"小票 {sale.done.ticket.receipt_no} 已退款 ￥89.00"


def test_a_card_return_whose_receipt_failed_is_done_once_and_says_so(
    qtbot: QtBot, real_store: RealStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ApprovalDialog, "ask", ManagerAtHand(qtbot))
    monkeypatch.setattr(BankPayoutDialog, "ask", lambda parent: ZHANG_WEI_ACCOUNT)  # ￥500
    backend = ServicesTillBackend(real_store.till.ctx, receipt_text=broken_layout)
    open_shift(qtbot, backend, log_in(qtbot, backend))
    manager = ManagerDialog(backend)
    qtbot.addWidget(manager)
    page = manager.card_page
    page.card.edit.setText(real_store.card)
    before = real_store.receipt_numbers()

    page.return_button.click()
    page.return_button.click()

    assert len(real_store.receipt_numbers()) == len(before) + 1
    assert page.result_label.text().startswith("卡状态为")  # the second press: already returned
    with real_store.till.ctx.uow(write=False) as uow:
        [ticket] = [uow.tickets.by_receipt(n) for n in real_store.receipt_numbers()[len(before) :]]
    assert ticket is not None
    assert ticket.total == Fen(-50000)  # the principal paid back once
