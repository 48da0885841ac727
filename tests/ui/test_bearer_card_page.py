"""不记名卡 from the manager desk's card page, on the real store.

Source: 《单用途商业预付卡管理办法（试行）》第十八条 (no holder recorded), 第十九条 (￥1,000 cap).
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from frontdesk.domain.cards import CardKind
from frontdesk.ui.manager import ManagerDialog
from tests.ui.drivers import log_in, open_shift
from tests.ui.real_store import RealStore


def test_the_card_page_issues_a_bearer_card_and_says_its_cap(
    qtbot: QtBot, real_store: RealStore
) -> None:
    backend = real_store.backend
    open_shift(qtbot, backend, log_in(qtbot, backend))
    manager = ManagerDialog(backend)
    qtbot.addWidget(manager)
    page = manager.card_page

    page.bearer_button.click()

    card_no = page.card.text()
    assert page.result_label.text().startswith(f"不记名卡 {card_no} 已发放，单卡限额 ￥1,000.00")
    member = backend.find_card(card_no)
    assert member.card_kind is CardKind.BEARER
    assert member.name == ""
    assert member.masked_phone == ""
    with real_store.till.ctx.uow(write=False) as uow:
        row = uow.members.get(member.member_id)
    assert row is not None
    assert row.phone.startswith("bearer:")
