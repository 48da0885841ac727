"""挂单/取单 on the real store: Ctrl+G holds, Ctrl+Q recalls, both outlive a restart."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from frontdesk.domain import errors
from frontdesk.domain.money import Fen
from frontdesk.services.till_port import HeldTicket
from frontdesk.ui.held_tickets import HeldTicketsDialog
from frontdesk.ui.manager import ManagerDialog
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.till_window import TillWindow
from tests.ui.drivers import ctrl, restarted, scan, till_window
from tests.ui.real_store import RICE, WATER, RealStore

Patch = pytest.MonkeyPatch


@pytest.fixture
def window(qtbot: QtBot, real_store: RealStore, hub: ScanHub) -> TillWindow:
    return till_window(qtbot, real_store.backend, hub)


@pytest.fixture
def held_rice(qtbot: QtBot, real_store: RealStore, hub: ScanHub, window: TillWindow) -> TillWindow:
    """The window after 挂单 of rice for the gold member: its ticket is empty again."""
    scan(qtbot, hub, window, real_store.gold, RICE)
    ctrl(qtbot, window, Qt.Key.Key_G)
    return window


def member_name(window: TillWindow) -> str | None:
    return None if window.member is None else window.member.name


def picking(
    qtbot: QtBot, keys: Sequence[Qt.Key], seen: list[list[str]]
) -> Callable[[Sequence[HeldTicket], object], int | None]:
    """Stands in for HeldTicketsDialog.ask: the real list on screen, driven by keys."""

    def ask(held: Sequence[HeldTicket], parent: object = None) -> int | None:
        dialog = HeldTicketsDialog(held)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        seen.append([dialog.tickets.item(i).text() for i in range(dialog.tickets.count())])
        for key in keys:
            qtbot.keyClick(dialog.tickets, key)
        return dialog.chosen if dialog.result() else None

    return ask


def test_two_tickets_held_with_their_member_and_the_second_recalled(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, held_rice: TillWindow, monkeypatch: Patch
) -> None:
    window = held_rice
    assert not window.draft.lines
    assert member_name(window) is None
    assert "已挂单" in window.ui.message_label.text()
    scan(qtbot, hub, window, WATER)
    ctrl(qtbot, window, Qt.Key.Key_G)

    seen: list[list[str]] = []
    monkeypatch.setattr(HeldTicketsDialog, "ask", picking(qtbot, [Qt.Key.Key_Return], seen))
    ctrl(qtbot, window, Qt.Key.Key_Q)
    assert len(seen[0]) == 2
    assert "张三丰" in seen[0][0]
    assert member_name(window) == "张三丰"
    assert [line.product.barcode for line in window.draft.lines] == [RICE]
    assert window.priced is not None  # priced again, gold member's discount included
    assert window.priced.due < window.priced.gross

    # With a ticket open, recalling another is refused rather than losing this one.
    ctrl(qtbot, window, Qt.Key.Key_Q)
    assert "挂单" in window.ui.message_label.text()
    assert len(real_store.backend.held_tickets()) == 1


def test_down_chooses_and_escape_recalls_nothing(
    qtbot: QtBot,
    real_store: RealStore,
    hub: ScanHub,
    window: TillWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for code in (RICE, WATER):
        scan(qtbot, hub, window, code)
        ctrl(qtbot, window, Qt.Key.Key_G)
    seen: list[list[str]] = []
    monkeypatch.setattr(HeldTicketsDialog, "ask", picking(qtbot, [Qt.Key.Key_Escape], seen))
    ctrl(qtbot, window, Qt.Key.Key_Q)
    assert not window.draft.lines
    assert len(real_store.backend.held_tickets()) == 2
    monkeypatch.setattr(
        HeldTicketsDialog, "ask", picking(qtbot, [Qt.Key.Key_Down, Qt.Key.Key_Return], seen)
    )
    ctrl(qtbot, window, Qt.Key.Key_Q)
    assert [line.product.barcode for line in window.draft.lines] == [WATER]


def test_an_empty_ticket_is_not_held(
    qtbot: QtBot, real_store: RealStore, window: TillWindow
) -> None:
    ctrl(qtbot, window, Qt.Key.Key_G)
    assert real_store.backend.held_tickets() == []
    ctrl(qtbot, window, Qt.Key.Key_Q)
    assert window.ui.message_label.text() == "没有挂单"


def test_held_tickets_outlive_a_restart_and_stop_the_shift_close(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, held_rice: TillWindow, monkeypatch: Patch
) -> None:
    manager = ManagerDialog(real_store.backend, None, held_rice)
    qtbot.addWidget(manager)
    page = manager.shift_page
    manager.show_page("shift")
    qtbot.keyClicks(page.counted_edit, "500.00")
    page.close_button.click()
    assert "还有 1 张挂单" in page.result_label.text()
    with pytest.raises(errors.TicketsHeld):
        real_store.backend.close_shift(Fen(50000))

    again = till_window(qtbot, restarted(real_store), hub)  # the till restarts
    seen: list[list[str]] = []
    monkeypatch.setattr(HeldTicketsDialog, "ask", picking(qtbot, [Qt.Key.Key_Return], seen))
    ctrl(qtbot, again, Qt.Key.Key_Q)
    assert member_name(again) == "张三丰"
    assert [line.product.barcode for line in again.draft.lines] == [RICE]
