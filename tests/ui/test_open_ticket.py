"""The open ticket on the real store: recalled by its G number, kept through a crash, and never
closed away without a question."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from pytestqt.qtbot import QtBot

from frontdesk.ui.prompts import ConfirmDialog
from frontdesk.ui.receipt import ReceiptPreviewDialog
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.tender import TenderDialog
from frontdesk.ui.till_window import TillWindow
from tests.ui.drivers import answering, cash, ctrl, restarted, scan, till_window, type_code
from tests.ui.real_store import RICE, WATER, RealStore


@pytest.fixture
def window(qtbot: QtBot, real_store: RealStore, hub: ScanHub) -> TillWindow:
    return till_window(qtbot, real_store.backend, hub)


@pytest.fixture
def gold_rice(qtbot: QtBot, real_store: RealStore, hub: ScanHub, window: TillWindow) -> TillWindow:
    """The window with two rice rung up for the gold member, unpaid, and painted: kept."""
    scan(qtbot, hub, window, real_store.gold, RICE, RICE)
    qtbot.waitUntil(lambda: not window.keep_pending)  # written right after the line's paint
    return window


Patch = pytest.MonkeyPatch


def test_a_held_ticket_comes_back_by_scanning_or_typing_its_number(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, gold_rice: TillWindow
) -> None:
    window = gold_rice
    ctrl(qtbot, window, Qt.Key.Key_G)
    assert "G1" in window.ui.message_label.text()
    scan(qtbot, hub, window, WATER)
    ctrl(qtbot, window, Qt.Key.Key_G)

    scan(qtbot, hub, window, "G000001")  # the number scanned from the held slip
    assert window.member is not None
    assert window.member.name == "张三丰"
    assert [(ln.product.barcode, ln.quantity) for ln in window.draft.lines] == [(RICE, 2)]
    assert window.ui.message_label.text() == "已取回挂单 G1"

    type_code(qtbot, window, "g2")  # typed by hand, while a ticket is open: refused
    assert "请先挂单" in window.ui.message_label.text()
    assert len(real_store.backend.held_tickets()) == 1
    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F7)
    type_code(qtbot, window, "g2")
    assert [line.product.barcode for line in window.draft.lines] == [WATER]
    type_code(qtbot, window, "G2")
    assert "G2" not in window.ui.message_label.text() or "没有" in window.ui.message_label.text()


def test_the_open_ticket_survives_a_crash_and_is_offered_back(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, gold_rice: TillWindow, monkeypatch: Patch
) -> None:
    txn_id = gold_rice.draft.txn_id
    # The process dies here: nothing is closed, nothing held. The till starts again.
    asked: list[str] = []
    monkeypatch.setattr(ConfirmDialog, "ask", answering(qtbot, Qt.Key.Key_Return, asked))
    again = till_window(qtbot, restarted(real_store), hub)
    qtbot.waitUntil(lambda: bool(again.draft.lines))

    assert "2 件" in asked[0]
    assert "张三丰" in asked[0]
    assert again.member is not None
    assert again.member.name == "张三丰"
    assert [(ln.product.barcode, ln.quantity) for ln in again.draft.lines] == [(RICE, 2)]
    assert again.draft.txn_id == txn_id  # still that one sale: paying twice is impossible


def test_a_kill_right_after_a_scan_restarts_one_scan_behind_and_never_empty(
    qtbot: QtBot, real_store: RealStore, gold_rice: TillWindow
) -> None:
    window = gold_rice
    txn_id = window.draft.txn_id

    window.handle_code(WATER)  # handled; the event loop has not turned, nothing is painted yet
    at_kill = real_store.backend.open_ticket()  # what a process killed at this instant leaves
    qtbot.waitUntil(lambda: not window.keep_pending)  # the loop turns: painted, then written
    after_paint = real_store.backend.open_ticket()

    assert at_kill is not None
    assert at_kill.lines in (((RICE, 2),), ((RICE, 2), (WATER, 1)))  # at most the water lost
    assert at_kill.member_name == "张三丰"
    assert at_kill.txn_id == txn_id
    assert after_paint is not None
    assert after_paint.lines == ((RICE, 2), (WATER, 1))


def test_an_open_ticket_declined_at_start_is_held_not_lost(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, gold_rice: TillWindow, monkeypatch: Patch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(ConfirmDialog, "ask", answering(qtbot, Qt.Key.Key_Escape, asked))
    backend = restarted(real_store)
    again = till_window(qtbot, backend, hub)
    qtbot.waitUntil(lambda: bool(asked))

    assert not again.draft.lines
    assert [h.member_name for h in backend.held_tickets()] == ["张三丰"]
    assert backend.open_ticket() is None
    assert "G1" in again.ui.message_label.text()


def test_a_paid_or_cancelled_ticket_is_not_offered_again(
    qtbot: QtBot,
    real_store: RealStore,
    hub: ScanHub,
    window: TillWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(TenderDialog, "ask", cash(qtbot, "10"))
    monkeypatch.setattr(ReceiptPreviewDialog, "ask", lambda *_: None)
    scan(qtbot, hub, window, WATER)
    paid = window.draft
    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F5)
    assert window.last_result is not None
    assert real_store.backend.open_ticket() is None
    # A crash between the sale's commit and the next write leaves the paid ticket kept.
    real_store.backend.keep_open_ticket(paid, "")
    assert real_store.backend.open_ticket() is None
    scan(qtbot, hub, window, WATER)
    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F7)  # a new ticket: nothing is kept
    assert real_store.backend.open_ticket() is None

    asked: list[str] = []
    monkeypatch.setattr(ConfirmDialog, "ask", answering(qtbot, Qt.Key.Key_Return, asked))
    till_window(qtbot, restarted(real_store), hub)
    qtbot.wait(50)
    assert asked == []


class FromWindowSystem(QCloseEvent):
    """The close Alt+F4 or the window's ✕ sends: spontaneous (offscreen Qt cannot make one)."""

    def spontaneous(self) -> bool:
        return True


def test_closing_the_window_mid_sale_asks_first(
    qtbot: QtBot,
    real_store: RealStore,
    hub: ScanHub,
    window: TillWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.show()
    qtbot.waitExposed(window)
    scan(qtbot, hub, window, RICE)
    asked: list[str] = []
    monkeypatch.setattr(ConfirmDialog, "ask", answering(qtbot, Qt.Key.Key_Return, asked))
    staying = FromWindowSystem()  # Enter answers no: closing mid-sale is never the default
    window.closeEvent(staying)
    assert len(asked) == 1
    assert "1 件" in asked[0]
    assert not staying.isAccepted()

    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F11)  # 交班 with a customer at the counter
    # On a shown window the key is the button's shortcut, which clicks it a moment later.
    qtbot.waitUntil(lambda: "再交班" in window.ui.message_label.text())

    monkeypatch.setattr(ConfirmDialog, "ask", answering(qtbot, Qt.Key.Key_Y, asked))
    leaving = FromWindowSystem()
    window.closeEvent(leaving)
    assert len(asked) == 2
    assert leaving.isAccepted()
    assert real_store.backend.open_ticket() is not None  # kept for the next start

    window.close()  # the program's own close (after 交班) does not ask
    assert len(asked) == 2
