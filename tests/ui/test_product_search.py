"""Ctrl+F at the till on the real store: a product found by name, pinyin or barcode, by keys."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from frontdesk.domain.pricing import Product
from frontdesk.services.till_port import TillBackend
from frontdesk.ui.product_search import ProductSearchDialog
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.till_window import TillWindow
from tests.ui.drivers import till_window
from tests.ui.real_store import RICE, WATER, RealStore

Keys = list[str | Qt.Key]


@pytest.fixture
def window(qtbot: QtBot, real_store: RealStore, hub: ScanHub) -> TillWindow:
    return till_window(qtbot, real_store.backend, hub)


def searching(
    qtbot: QtBot, keys: Keys, seen: list[list[str]]
) -> Callable[[TillBackend, object], Product | None]:
    """Stands in for ProductSearchDialog.ask: the real dialog on screen, typed into key by key."""

    def ask(backend: TillBackend, parent: object = None) -> Product | None:
        dialog = ProductSearchDialog(backend)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        for key in keys:
            if isinstance(key, str) and not key.isascii():
                commit_as_input_method(dialog.query_edit, key)
            elif isinstance(key, str):
                qtbot.keyClicks(dialog.query_edit, key)
            else:
                qtbot.keyClick(dialog.query_edit, key)
        seen.append([dialog.results.item(i).text() for i in range(dialog.results.count())])
        return dialog.chosen if dialog.result() else None

    return ask


def commit_as_input_method(field: QLineEdit, text: str) -> None:
    """What a pinyin input method sends when the cashier picks 大米 from its candidates."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


def press_ctrl_f(
    qtbot: QtBot, window: TillWindow, monkeypatch: pytest.MonkeyPatch, keys: Keys
) -> list[list[str]]:
    seen: list[list[str]] = []
    monkeypatch.setattr(ProductSearchDialog, "ask", searching(qtbot, keys, seen))
    qtbot.keyClick(window.ui.scan_edit, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    return seen


def names_on_ticket(window: TillWindow) -> list[str]:
    return [line.product.name for line in window.draft.lines]


@pytest.mark.parametrize("typed", ["dm", "dami", "大米", "DM"])
def test_rice_is_found_by_initials_pinyin_or_name(
    qtbot: QtBot, window: TillWindow, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    seen = press_ctrl_f(qtbot, window, monkeypatch, [typed, Qt.Key.Key_Return])
    assert seen[0][0].startswith("大米 5kg")
    assert names_on_ticket(window) == ["大米 5kg"]
    assert window.priced is not None
    assert str(window.priced.due) == "￥89.00"


def test_barcode_prefix_lists_products_and_down_chooses_the_next(
    qtbot: QtBot, window: TillWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    prefix = WATER[:8]
    assert RICE.startswith(prefix)
    seen = press_ctrl_f(qtbot, window, monkeypatch, [prefix, Qt.Key.Key_Down, Qt.Key.Key_Return])
    assert len(seen[0]) == 4  # the store's four products share the prefix
    second = seen[0][1]
    assert [line.product.barcode for line in window.draft.lines] == [second.split()[-1]]


def test_escape_closes_the_search_and_the_ticket_is_unchanged(
    qtbot: QtBot, window: TillWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    press_ctrl_f(qtbot, window, monkeypatch, ["kqs", Qt.Key.Key_Escape])
    assert window.draft.lines == ()
    assert window.ui.scan_edit.hasFocus() or not window.isActiveWindow()


def test_nothing_found_is_said_and_enter_adds_nothing(
    qtbot: QtBot, window: TillWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = press_ctrl_f(qtbot, window, monkeypatch, ["zzzz", Qt.Key.Key_Return])
    assert seen == [["未找到商品"]]
    assert window.draft.lines == ()


def test_the_search_field_takes_an_input_method(qtbot: QtBot, real_store: RealStore) -> None:
    dialog = ProductSearchDialog(real_store.backend)
    qtbot.addWidget(dialog)
    assert dialog.query_edit.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
