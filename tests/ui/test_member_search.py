"""会员查询 (F1) and the member page on the real store, by key presses alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from frontdesk.domain.cards import CardState
from frontdesk.domain.money import Fen
from frontdesk.services.till_port import MemberHit, TillBackend
from frontdesk.ui.manager.member_page import MemberPageDialog
from frontdesk.ui.manager.member_search import MemberSearchDialog
from frontdesk.ui.receipt import ReceiptPreviewDialog
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.tender import TenderDialog
from frontdesk.ui.till_window import TillWindow
from tests.ui.drivers import cash, till_window
from tests.ui.real_store import MANAGER_NO, MANAGER_PIN, RICE, RealStore
from tests.ui.test_product_search import commit_as_input_method

Keys = Callable[[QtBot, MemberSearchDialog], None]


def searching(qtbot: QtBot, keys: Keys, seen: list[MemberSearchDialog]) -> object:
    """Stands in for MemberSearchDialog.ask: the real dialog, where `keys` is the cashier."""

    def ask(backend: TillBackend, parent: object = None) -> MemberHit | None:
        dialog = MemberSearchDialog(backend)
        qtbot.addWidget(dialog)
        seen.append(dialog)
        keys(qtbot, dialog)
        return dialog.chosen if dialog.result() else None

    return ask


def type_and_enter(*texts: str, downs: int = 0, take: bool = True) -> Keys:
    def keys(qtbot: QtBot, dialog: MemberSearchDialog) -> None:
        for text in texts:
            dialog.query_edit.clear()
            if text.isascii():
                qtbot.keyClicks(dialog.query_edit, text)
            else:
                commit_as_input_method(dialog.query_edit, text)
            qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Return)
        for _ in range(downs):
            qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Down)
        if take:
            qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Return)

    return keys


@pytest.fixture
def window(qtbot: QtBot, real_store: RealStore, hub: ScanHub) -> TillWindow:
    return till_window(qtbot, real_store.backend, hub)


def test_f1_finds_a_member_by_the_last_four_digits_and_puts_them_on_the_ticket(
    qtbot: QtBot, window: TillWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[MemberSearchDialog] = []
    monkeypatch.setattr(MemberSearchDialog, "ask", searching(qtbot, type_and_enter("1111"), seen))

    with qtbot.waitSignal(window.member_changed):
        qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F1)

    assert window.member is not None
    assert window.member.name == "张伟"
    line = seen[0].results.item(0).text()
    assert "138****1111" in line  # a cashier sees the phone masked
    assert "13800001111" not in line
    assert "800101000000206" in line  # and the active card's number


def test_a_name_lists_every_match_and_down_then_enter_takes_the_second(
    qtbot: QtBot, window: TillWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[MemberSearchDialog] = []
    keys = type_and_enter("张", downs=1)
    monkeypatch.setattr(MemberSearchDialog, "ask", searching(qtbot, keys, seen))

    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F1)

    assert seen[0].results.count() == 2
    assert window.member is not None
    assert window.member.name == "张伟"  # 张三丰, then 张伟


def test_digits_that_are_no_phone_tail_or_card_are_refused_in_chinese_and_nothing_attaches(
    qtbot: QtBot, window: TillWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[MemberSearchDialog] = []
    keys = type_and_enter("12345", take=False)
    monkeypatch.setattr(MemberSearchDialog, "ask", searching(qtbot, keys, seen))

    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F1)

    assert seen[0].status_label.text() == ("「12345」不是手机号（11 位）、尾号（4 位）或会员卡号")
    assert window.member is None


def test_a_member_without_an_active_card_is_found_but_not_put_on_the_ticket(
    qtbot: QtBot, window: TillWindow, real_store: RealStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[MemberSearchDialog] = []
    keys = type_and_enter("13500005555")
    monkeypatch.setattr(MemberSearchDialog, "ask", searching(qtbot, keys, seen))

    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F1)

    assert "陈静" in seen[0].status_label.text()
    assert window.member is None


def test_the_member_page_shows_tickets_top_ups_points_lots_with_expiry_and_cards(
    qtbot: QtBot,
    hub: ScanHub,
    window: TillWindow,
    real_store: RealStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with qtbot.waitSignal(window.member_changed):
        hub.deliver(real_store.gold)
    with qtbot.waitSignal(window.ticket_changed):
        hub.deliver(RICE)
    monkeypatch.setattr(TenderDialog, "ask", cash(qtbot, "200"))
    monkeypatch.setattr(ReceiptPreviewDialog, "ask", lambda *_: None)
    with qtbot.waitSignal(window.sale_completed):
        qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F5)
    pages: list[MemberPageDialog] = []
    monkeypatch.setattr(
        MemberPageDialog,
        "ask",
        lambda backend, member_id, parent=None: pages.append(MemberPageDialog(backend, member_id)),
    )

    def keys(qtbot: QtBot, dialog: MemberSearchDialog) -> None:
        qtbot.keyClicks(dialog.query_edit, "1234")
        qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Return)
        qtbot.keyClick(dialog.query_edit, Qt.Key.Key_F2)

    monkeypatch.setattr(MemberSearchDialog, "ask", searching(qtbot, keys, []))
    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F1)

    [page] = pages
    qtbot.addWidget(page)
    history = page.history
    assert history is not None
    assert history.member.phone == "138****1234"
    assert [t.kind for t in history.tickets][:2] == ["sale", "topup"]
    assert history.topups[0].principal == Fen(50000)
    assert history.topups[0].bonus == Fen(6000)
    assert next((lot.year, lot.expires.isoformat()) for lot in history.lots) == (
        2025,
        "2026-12-31",
    )
    assert [c.state for c in history.cards] == [CardState.ACTIVE]
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles[0] == f"小票（{len(history.tickets)}）"
    assert "张三丰" in page.summary_label.text()


def test_a_manager_logged_in_sees_full_phones_and_the_look_is_audited(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = till_window(qtbot, real_store.backend, hub, MANAGER_NO, MANAGER_PIN)
    seen: list[MemberSearchDialog] = []
    monkeypatch.setattr(
        MemberSearchDialog, "ask", searching(qtbot, type_and_enter("1111", take=False), seen)
    )

    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F1)

    assert "13800001111" in seen[0].results.item(0).text()
    [look] = real_store.backend.audit_log(1)
    assert look.action == "member_full_details"
    assert look.actor == MANAGER_NO


@pytest.mark.usefixtures("en")
def test_in_english_the_search_names_the_tier_in_english_from_the_catalogue(
    qtbot: QtBot, window: TillWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[MemberSearchDialog] = []
    keys = type_and_enter("1234", take=False)
    monkeypatch.setattr(MemberSearchDialog, "ask", searching(qtbot, keys, seen))

    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F1)

    line = seen[0].results.item(0).text()
    assert "Gold member" in line  # 张三丰
    assert "金卡会员" not in line


def test_in_chinese_the_search_names_the_tier_as_the_program_does(
    qtbot: QtBot, window: TillWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[MemberSearchDialog] = []
    keys = type_and_enter("1234", take=False)
    monkeypatch.setattr(MemberSearchDialog, "ask", searching(qtbot, keys, seen))

    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F1)

    assert "金卡会员" in seen[0].results.item(0).text()
