"""Ticket lines by keyboard on the real store: ↑/↓ choose the line F2 and F3 act on, and the
same product scanned again goes on its line (or a line of its own, as the program says)."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from frontdesk.domain.counter_rules import CounterRules, SameScan
from frontdesk.ui.prompts import PromptDialog
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.till_window import TillWindow
from tests.builders import PROGRAM
from tests.ui.drivers import restarted, scan, till_window
from tests.ui.real_store import RICE, TOBACCO, WATER, RealStore


@pytest.fixture
def window(qtbot: QtBot, real_store: RealStore, hub: ScanHub) -> TillWindow:
    return till_window(qtbot, real_store.backend, hub)


def key(qtbot: QtBot, window: TillWindow, k: Qt.Key) -> None:
    qtbot.keyClick(window.ui.scan_edit, k)


def lines(window: TillWindow) -> list[tuple[str, int]]:
    return [(line.product.barcode, line.quantity) for line in window.draft.lines]


def selected(window: TillWindow) -> int:
    [row] = window.ui.lines_view.selectionModel().selectedRows()
    return row.row()


def test_the_same_product_scanned_again_goes_on_its_line(
    qtbot: QtBot, hub: ScanHub, window: TillWindow
) -> None:
    for code in (WATER, RICE, WATER, WATER):
        scan(qtbot, hub, window, code)

    assert lines(window) == [(WATER, 3), (RICE, 1)]
    assert selected(window) == 0  # the line that changed
    assert window.lines_model.rowCount() == 2


def test_up_and_down_choose_the_line_quantity_and_void_act_on(
    qtbot: QtBot, hub: ScanHub, window: TillWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    for code in (WATER, RICE, TOBACCO):
        scan(qtbot, hub, window, code)
    assert selected(window) == 2
    monkeypatch.setattr(PromptDialog, "ask_int", lambda *_: 4)

    key(qtbot, window, Qt.Key.Key_Up)
    key(qtbot, window, Qt.Key.Key_Up)
    key(qtbot, window, Qt.Key.Key_Up)  # stays on the first line
    assert selected(window) == 0
    key(qtbot, window, Qt.Key.Key_Down)
    key(qtbot, window, Qt.Key.Key_F2)
    assert lines(window) == [(WATER, 1), (RICE, 4), (TOBACCO, 1)]

    key(qtbot, window, Qt.Key.Key_Up)
    key(qtbot, window, Qt.Key.Key_F3)
    assert lines(window) == [(RICE, 4), (TOBACCO, 1)]
    assert window.ui.scan_edit.hasFocus() or not window.isActiveWindow()
    assert window.ui.lines_view.focusPolicy() == Qt.FocusPolicy.NoFocus  # scans keep going in


def test_a_program_may_give_each_scan_a_line_of_its_own(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub
) -> None:
    program = dataclasses.replace(PROGRAM, counter=CounterRules(same_scan=SameScan.NEW_LINE))
    window = till_window(qtbot, restarted(real_store, program), hub)
    for code in (WATER, WATER):
        scan(qtbot, hub, window, code)

    assert lines(window) == [(WATER, 1), (WATER, 1)]
