"""The shift at the real counter, keys only: 开班 carrying a shift on, 中途报表 at any time, and
the top-ups and shift closes the program says are read back first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from frontdesk.domain.money import Fen
from frontdesk.ui.login import OpenShiftDialog
from frontdesk.ui.manager import ManagerDialog
from frontdesk.ui.prompts import ConfirmDialog, PromptDialog
from frontdesk.ui.receipt import ReceiptPreviewDialog
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.till_window import TillWindow
from tests.ui.drivers import answering, cash, log_in, scan, till_window
from tests.ui.real_store import MANAGER_NO, MANAGER_PIN, RICE, RealStore


@pytest.fixture
def window(qtbot: QtBot, real_store: RealStore, hub: ScanHub) -> TillWindow:
    return till_window(qtbot, real_store.backend, hub)


def test_a_login_during_an_open_shift_continues_it_and_asks_no_float(
    qtbot: QtBot, real_store: RealStore, window: TillWindow
) -> None:
    session = log_in(qtbot, real_store.backend, MANAGER_NO, MANAGER_PIN)
    dialog = OpenShiftDialog(real_store.backend, session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    assert dialog.ui.greeting_label.text().startswith("继续 李收银 的班次（开班 ")
    assert dialog.ui.greeting_label.text().endswith("，备用金 ￥500.00）")
    assert not dialog.ui.float_edit.isVisible()  # no float is taken that would be ignored
    with qtbot.waitSignal(dialog.shift_opened):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.shift is not None
    assert dialog.shift.cashier == "1001"
    assert dialog.shift.opening_float == Fen(50000)


def test_the_x_report_shows_the_shift_so_far_and_closes_nothing(
    qtbot: QtBot,
    real_store: RealStore,
    hub: ScanHub,
    window: TillWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("frontdesk.ui.tender.TenderDialog.ask", cash(qtbot, "100"))
    scan(qtbot, hub, window, RICE)
    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F5)
    shown: list[str] = []
    monkeypatch.setattr(
        ReceiptPreviewDialog, "ask", lambda lines, *_: shown.append("\n".join(lines))
    )

    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)

    [report] = shown
    assert "中途报表" in report
    assert "现金销售" in report
    assert "实点现金" not in report
    assert real_store.backend.current_shift() is not None  # the shift goes on


def test_a_large_top_up_is_read_back_with_the_member_and_amount(
    qtbot: QtBot,
    real_store: RealStore,
    hub: ScanHub,
    window: TillWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scan(qtbot, hub, window, real_store.card)
    monkeypatch.setattr(PromptDialog, "ask_text", lambda *_: "1000.01")  # over ￥1,000
    asked: list[str] = []
    monkeypatch.setattr(ConfirmDialog, "ask", answering(qtbot, Qt.Key.Key_Escape, asked))
    before = real_store.backend.lookup_card(real_store.card).principal

    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F8)

    assert asked == [f"为 张伟（卡号 {real_store.card}）充值 ￥1,000.01？"]
    assert real_store.backend.lookup_card(real_store.card).principal == before  # Esc: none
    monkeypatch.setattr(ConfirmDialog, "ask", answering(qtbot, Qt.Key.Key_Return, asked))
    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F8)
    assert real_store.backend.lookup_card(real_store.card).principal == before + Fen(100_001)

    monkeypatch.setattr(PromptDialog, "ask_text", lambda *_: "1000.00")  # not over: no question
    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F8)
    assert len(asked) == 2


def test_a_shift_close_far_off_the_expected_cash_is_read_back_first(
    qtbot: QtBot,
    real_store: RealStore,
    window: TillWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    manager = ManagerDialog(real_store.backend, None, window)
    qtbot.addWidget(manager)
    page = manager.shift_page
    manager.show_page("shift")
    asked: list[str] = []
    monkeypatch.setattr(ConfirmDialog, "ask", answering(qtbot, Qt.Key.Key_Return, asked))

    qtbot.keyClicks(page.counted_edit, "206.77")  # ￥500 expected: ￥293.23 short
    qtbot.keyClick(page.counted_edit, Qt.Key.Key_Return)

    assert asked == ["应有现金 ￥500.00，实点 ￥206.77：短款 ￥293.23。确定交班？"]
    assert real_store.backend.current_shift() is not None  # Enter answers no
    monkeypatch.setattr(ConfirmDialog, "ask", answering(qtbot, Qt.Key.Key_Y, asked))
    with qtbot.waitSignal(page.shift_closed):
        qtbot.keyClick(page.counted_edit, Qt.Key.Key_Return)
    assert real_store.backend.current_shift() is None
