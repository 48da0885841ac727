"""The keystroke budget on the real window and its real payment screen, keys only.

After the scans: a member's sale paid fully by stored value takes at most 3 keys plus the PIN,
exact cash at most 2, cash with change at most the amount typed plus 1.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from frontdesk.domain.money import Fen
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.till_window import TillWindow
from tests.ui.drivers import scan, till_window, type_keys
from tests.ui.real_store import MEMBER_PIN, RICE, WATER, RealStore

F1, F5, ENTER = Qt.Key.Key_F1, Qt.Key.Key_F5, Qt.Key.Key_Return


@pytest.fixture
def window(qtbot: QtBot, real_store: RealStore, hub: ScanHub) -> TillWindow:
    return till_window(qtbot, real_store.backend, hub)


def paid(window: TillWindow) -> str:
    assert window.last_result is not None
    assert not window.draft.lines  # the next customer's ticket is open, nothing on screen
    assert QApplication.activeModalWidget() is None  # no preview waits for an Esc
    return window.last_result.done.ticket.receipt_no


def test_a_member_sale_paid_by_stored_value_takes_three_keys_and_the_pin(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, window: TillWindow
) -> None:
    scan(qtbot, hub, window, real_store.card)
    scan(qtbot, hub, window, RICE)
    before, priced = window.member, window.priced
    assert before is not None
    assert priced is not None

    keys = type_keys(qtbot, window, [F5, F1, MEMBER_PIN, ENTER])

    assert keys - len(MEMBER_PIN) == 3
    paid(window)
    member = real_store.backend.lookup_card(real_store.card)
    assert member.principal + member.bonus == before.principal + before.bonus - priced.due


def test_exact_cash_takes_two_keys(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, window: TillWindow
) -> None:
    scan(qtbot, hub, window, RICE)
    assert type_keys(qtbot, window, [F5, ENTER]) == 2
    paid(window)
    assert window.last_result is not None
    assert window.last_result.done.change == Fen(0)

    scan(qtbot, hub, window, WATER)  # 收款 pressed twice is exact cash too, never 支付宝
    assert type_keys(qtbot, window, [F5, F5]) == 2
    paid(window)
    assert "现金" in "\n".join(window.last_result.receipt_lines)
    assert "支付宝" not in "\n".join(window.last_result.receipt_lines)


def test_cash_with_change_takes_the_amount_and_one_key(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, window: TillWindow
) -> None:
    scan(qtbot, hub, window, RICE)
    assert type_keys(qtbot, window, ["100", F5]) == len("100") + 1
    paid(window)
    assert window.last_result is not None
    assert window.last_result.done.change == Fen.of("11.00")
    assert window.change_label.isVisibleTo(window)
    assert window.change_label.text() == "找零 ￥11.00"

    scan(qtbot, hub, window, WATER)  # the next ticket: the change is gone
    assert not window.change_label.isVisibleTo(window)


def test_cash_typed_that_could_be_a_slip_opens_the_payment_screen(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, window: TillWindow
) -> None:
    scan(qtbot, hub, window, RICE)
    # ￥500 for ￥89: more change than a ￥100 note; the screen shows it, Enter takes it.
    type_keys(qtbot, window, ["500", F5, ENTER])
    paid(window)
    assert window.last_result is not None
    assert window.last_result.done.change == Fen.of("411.00")
