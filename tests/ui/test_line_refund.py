"""退货 by line in the window, on the real store: scan the receipt, pick, see the plan, approve."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from frontdesk.domain.pricing import LineInput
from frontdesk.printing_setup import QueuedReceiptOutput, receipt_text
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.services.till_port import Committed, SaleResult, Tender, TenderKind, TicketDraft
from frontdesk.ui.approval import ApprovalDialog
from frontdesk.ui.manager import ManagerDialog
from frontdesk.ui.scanning import ScanHub
from tests.ui.drivers import ManagerAtHand, log_in, open_shift
from tests.ui.real_store import MEMBER_PIN, RICE, WATER, RealStore


@pytest.fixture
def sale(qtbot: QtBot, real_store: RealStore) -> Committed[SaleResult]:
    """张三丰 (gold) buys two bags of rice and a water, paid from stored value."""
    backend = real_store.backend
    open_shift(qtbot, backend, log_in(qtbot, backend))
    member = backend.lookup_card(real_store.gold)
    draft = TicketDraft(
        lines=(LineInput(backend.add_product(RICE), 2), LineInput(backend.add_product(WATER), 1)),
        member_id=member.member_id,
        card_no=real_store.gold,
    )
    due = backend.price(draft).due
    return backend.checkout(draft, [Tender(TenderKind.STORED_VALUE, due)], MEMBER_PIN)


@pytest.fixture
def manager(qtbot: QtBot, backend: ServicesTillBackend, hub: ScanHub) -> ManagerDialog:
    dialog = ManagerDialog(backend, hub)
    qtbot.addWidget(dialog)
    dialog.show()  # the cursor goes to the lines only on a visible page
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    return dialog


def test_a_scanned_receipt_shows_its_lines_and_one_bag_of_rice_is_refunded_as_previewed(
    qtbot: QtBot,
    real_store: RealStore,
    hub: ScanHub,
    sale: Committed[SaleResult],
    manager: ManagerDialog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backend = real_store.backend
    page = manager.refund_page
    monkeypatch.setattr(ApprovalDialog, "ask", ManagerAtHand(qtbot))
    with qtbot.waitSignal(page.preview_changed):
        hub.deliver(sale.done.ticket.receipt_no)
    assert page.model.rowCount() == 2
    assert page.table.hasFocus()

    with qtbot.waitSignal(page.preview_changed):
        qtbot.keyClick(page.table, Qt.Key.Key_Plus)  # one bag of the two
    expected = backend.refund_preview(sale.done.ticket.receipt_no, {1: 1}).plan
    assert expected is not None
    shown = page.plan_label.text()
    assert f"退款 {expected.amount}" in shown
    assert "储值" in shown
    assert "本金" in shown
    assert "积分" in shown
    with qtbot.waitSignal(page.receipt_issued):
        qtbot.keyClick(page.table, Qt.Key.Key_F2)

    with real_store.till.ctx.uow(write=False) as uow:
        original = uow.tickets.by_receipt(sale.done.ticket.receipt_no)
        assert original is not None
        [refund] = uow.tickets.refunds_of(original.ticket_id)
        entries = uow.ledger.for_ticket(refund.ticket_id)
    assert [(ln.refund_of_line, ln.quantity) for ln in refund.lines] == [(1, -1)]
    assert refund.total == -expected.amount
    assert sorted((e.kind, e.bucket, e.amount) for e in entries) == sorted(
        (m.kind.value, m.bucket.value, m.amount) for m in expected.moves if m.amount
    )
    assert page.model.data(page.model.index(0, 3)) == "1"  # refunded before, on screen now
    assert page.model.data(page.model.index(0, 4)) == "1"  # left


def test_space_takes_a_whole_line_and_minus_gives_one_back(
    qtbot: QtBot, sale: Committed[SaleResult], manager: ManagerDialog
) -> None:
    page = manager.refund_page
    qtbot.keyClicks(page.receipt_edit, sale.done.ticket.receipt_no)
    qtbot.keyClick(page.receipt_edit, Qt.Key.Key_Return)

    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert page.model.wanted == {1: 2}
    qtbot.keyClick(page.table, Qt.Key.Key_Minus)
    assert page.model.wanted == {1: 1}
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Plus)
    qtbot.keyClick(page.table, Qt.Key.Key_Plus)  # only one water was sold

    assert page.model.wanted == {1: 1, 2: 1}


def test_an_unknown_receipt_is_refused_in_chinese_with_no_lines(
    qtbot: QtBot, sale: Committed[SaleResult], manager: ManagerDialog
) -> None:
    page = manager.refund_page
    qtbot.keyClicks(page.receipt_edit, "R009990000001")

    qtbot.keyClick(page.receipt_edit, Qt.Key.Key_Return)

    assert page.result_label.text() == "未找到小票：R009990000001"
    assert page.model.rowCount() == 0


def test_a_reprint_of_a_refunded_sale_says_it_was_refunded(
    qtbot: QtBot,
    real_store: RealStore,
    sale: Committed[SaleResult],
    manager: ManagerDialog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backend = real_store.backend
    monkeypatch.setattr(ApprovalDialog, "ask", ManagerAtHand(qtbot))
    output = QueuedReceiptOutput(
        real_store.till.engine, None, backend.past_receipt, refunded=backend.was_refunded
    )
    before = "\n".join(receipt_text(output.reprint(sale.done.ticket.receipt_no)))
    page = manager.refund_page
    qtbot.keyClicks(page.receipt_edit, sale.done.ticket.receipt_no)
    with qtbot.waitSignal(page.receipt_issued):
        qtbot.keyClick(page.receipt_edit, Qt.Key.Key_F2)  # nothing picked: all that is left

    after = "\n".join(receipt_text(output.reprint(sale.done.ticket.receipt_no)))
    output.stop()

    assert "已退货" not in before
    assert "销售小票（重印·已退货）" in after
    assert "*** 已退货 ***" in after
    assert backend.refund_preview(sale.done.ticket.receipt_no, {}).lines[0].left == 0


def test_the_member_page_shows_what_a_refund_moved_in_points(
    qtbot: QtBot,
    real_store: RealStore,
    sale: Committed[SaleResult],
    manager: ManagerDialog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backend = real_store.backend
    monkeypatch.setattr(ApprovalDialog, "ask", ManagerAtHand(qtbot))
    plan = backend.refund_preview(sale.done.ticket.receipt_no, {1: 1}).plan
    assert plan is not None
    page = manager.refund_page
    qtbot.keyClicks(page.receipt_edit, sale.done.ticket.receipt_no)
    qtbot.keyClick(page.receipt_edit, Qt.Key.Key_Return)
    qtbot.keyClick(page.table, Qt.Key.Key_Plus)
    with qtbot.waitSignal(page.receipt_issued):
        qtbot.keyClick(page.table, Qt.Key.Key_F2)

    member = backend.lookup_card(real_store.gold)
    [refund] = [t for t in backend.member_history(member.member_id).tickets if t.kind == "refund"]

    assert refund.points == plan.points_restored - plan.points_reversed
    assert refund.points < 0  # the bag of rice earned points; they are taken back
