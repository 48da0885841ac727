"""改价 and discounts at the real window on the real store, by keys only.

Ctrl+J sets the selected line's price, Ctrl+D takes money off it, Ctrl+T off the ticket; under
the counter's limit (￥10) the cashier goes on alone, above it F5 asks the manager first (their
number and PIN typed into the real approval dialog), and the receipt says what was done.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import DiscountKind
from frontdesk.services import audit_trail
from frontdesk.services.audit_trail import AuditFilter
from frontdesk.services.till_port import Committed, SaleResult
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.till_window import TillWindow
from tests.ui.drivers import scan, till_window, type_keys
from tests.ui.real_store import MANAGER_NO, MANAGER_PIN, RICE, WATER, RealStore

CTRL = Qt.KeyboardModifier.ControlModifier
PRICE, LINE_OFF, TICKET_OFF = (Qt.Key.Key_J, CTRL), (Qt.Key.Key_D, CTRL), (Qt.Key.Key_T, CTRL)
ENTER, ESC, TAB, UP, F5 = (
    Qt.Key.Key_Return,
    Qt.Key.Key_Escape,
    Qt.Key.Key_Tab,
    Qt.Key.Key_Up,
    Qt.Key.Key_F5,
)


def paid(window: TillWindow) -> Committed[SaleResult] | None:
    return window.last_result


@pytest.fixture
def window(qtbot: QtBot, real_store: RealStore, hub: ScanHub) -> TillWindow:
    return till_window(qtbot, real_store.backend, hub)


def test_under_the_limit_the_cashier_changes_a_price_alone_and_pays(
    qtbot: QtBot, hub: ScanHub, window: TillWindow
) -> None:
    scan(qtbot, hub, window, WATER)
    scan(qtbot, hub, window, RICE)

    type_keys(qtbot, window, [PRICE, "85", ENTER])

    assert window.priced is not None
    rice = window.priced.lines[1]
    assert (rice.price, rice.overridden) == (Fen.of("85.00"), True)
    assert window.lines_model.index(1, 3).data() == "￥85.00"
    type_keys(qtbot, window, [F5, ENTER])
    assert window.last_result is not None
    text = "\n".join(window.last_result.receipt_lines)
    assert "改价，原价 ￥89.00" in text
    assert "审批店长" not in text


def test_above_the_limit_f5_asks_the_manager_and_the_receipt_names_them(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, window: TillWindow
) -> None:
    scan(qtbot, hub, window, RICE)
    scan(qtbot, hub, window, WATER)
    type_keys(qtbot, window, [UP, PRICE, "80", ENTER])  # −￥9 on the rice
    type_keys(qtbot, window, [Qt.Key.Key_Down, LINE_OFF, "1.50", ENTER])  # −￥1.50 on the water
    assert "manager" in window.ui.message_label.text() or "店长" in window.ui.message_label.text()
    type_keys(qtbot, window, [TICKET_OFF, "0.50", ENTER])
    assert window.priced is not None
    assert window.priced.discount(DiscountKind.LINE) == Fen.of("1.50")
    assert window.priced.discount(DiscountKind.TICKET) == Fen.of("0.50")
    assert window.priced.due == Fen.of("80.00")  # 80 + 2 − 1.50 − 0.50

    type_keys(qtbot, window, [F5, ESC])  # the manager is not there: nothing is paid
    assert paid(window) is None
    assert window.draft.lines
    type_keys(qtbot, window, [F5, MANAGER_NO, TAB, MANAGER_PIN, ENTER, ENTER])

    assert window.last_result is not None
    text = "\n".join(window.last_result.receipt_lines)
    assert "改价，原价 ￥89.00" in text
    assert "单品折扣" in text
    assert "整单折扣" in text
    assert f"审批店长：{MANAGER_NO}" in text
    day = real_store.backend.today()
    wanted = AuditFilter(day, day, action="price_override")
    [row] = audit_trail.rows(real_store.till.ctx, actor=MANAGER_NO, wanted=wanted)
    assert row.amount == 1100  # 9 + 1.50 + 0.50
    assert row.approver_no == MANAGER_NO


def test_a_discount_larger_than_the_line_is_refused_and_the_ticket_stays(
    qtbot: QtBot, hub: ScanHub, window: TillWindow
) -> None:
    scan(qtbot, hub, window, WATER)

    type_keys(qtbot, window, [LINE_OFF, "3", ENTER])

    assert window.priced is not None
    assert window.priced.due == Fen.of("2.00")
    assert window.draft.lines[0].discount == Fen(0)
    assert "￥3.00" in window.ui.message_label.text()


def test_a_held_ticket_comes_back_with_its_prices_and_discounts(
    qtbot: QtBot, hub: ScanHub, window: TillWindow
) -> None:
    scan(qtbot, hub, window, RICE)
    type_keys(qtbot, window, [PRICE, "88", ENTER, TICKET_OFF, "0.50", ENTER])
    assert window.priced is not None
    due = window.priced.due

    type_keys(qtbot, window, [(Qt.Key.Key_G, CTRL), (Qt.Key.Key_Q, CTRL), ENTER])

    assert window.priced is not None
    assert window.priced.due == due == Fen.of("87.50")
    assert window.draft.lines[0].price == Fen.of("88.00")
