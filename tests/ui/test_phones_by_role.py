"""The member's phone in the real window on the real store: full for a manager (audited), masked
for a cashier (DOMAIN §7), in the member panel, the member search and the member page."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import text

from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.till_window import TillWindow
from tests.ui.drivers import till_window
from tests.ui.real_store import CASHIER_NO, CASHIER_PIN, MANAGER_NO, MANAGER_PIN, RealStore


def _looks(real_store: RealStore) -> list[tuple[str, str]]:
    with real_store.till.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT actor, detail FROM audit_log WHERE action = 'member_full_details'")
        )
        return [(str(r.actor), str(r.detail)) for r in rows]


def _scan_member(qtbot: QtBot, hub: ScanHub, window: TillWindow, card: str) -> None:
    with qtbot.waitSignal(window.member_changed):
        hub.deliver(card)


def test_a_manager_at_the_till_sees_the_full_phone_and_the_look_is_audited(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub
) -> None:
    window = till_window(qtbot, real_store.backend, hub, MANAGER_NO, MANAGER_PIN)

    _scan_member(qtbot, hub, window, real_store.card)

    assert window.ui.member_phone_label.text() == "13800001111"
    looks = _looks(real_store)
    assert len(looks) == 1
    assert looks[0][0] == MANAGER_NO
    assert real_store.member_id in looks[0][1]
    hits = real_store.backend.search_members("1111")
    assert [h.phone for h in hits] == ["13800001111"]
    page = real_store.backend.member_history(real_store.member_id)
    assert page.member.shown_phone == "13800001111"
    assert len(_looks(real_store)) == 3  # the search and the page were looks too


def test_a_cashier_at_the_till_sees_a_masked_phone_and_never_holds_the_full_one(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub
) -> None:
    window = till_window(qtbot, real_store.backend, hub, CASHIER_NO, CASHIER_PIN)

    _scan_member(qtbot, hub, window, real_store.card)

    assert window.ui.member_phone_label.text() == "138****1111"
    member = window.member
    assert member is not None
    assert "13800001111" not in (member.phone, member.masked_phone, member.shown_phone)
    assert [h.phone for h in real_store.backend.search_members("1111")] == ["138****1111"]
    page = real_store.backend.member_history(real_store.member_id)
    assert (page.member.phone, page.member.shown_phone) == ("138****1111", "138****1111")
    assert _looks(real_store) == []
