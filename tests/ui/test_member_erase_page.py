"""The manager desk's erase page on the real store (个人信息保护法 第四十七条, 第十九条).

A member with money on the card, or within the retention period after the last movement, is
refused with the service's reason in the screen's language, and no manager is asked; after a
退卡 and the 30 days, a manager approves and the raw member row keeps no name or phone.
"""

from __future__ import annotations

import sqlite3

import pytest
from pytestqt.qtbot import QtBot

from frontdesk.domain.approvals import ApprovalAction
from frontdesk.services.till_port import BankPayout
from frontdesk.ui.approval import ApprovalDialog
from frontdesk.ui.manager import ManagerDialog
from frontdesk.ui.manager.card_return_dialog import BankPayoutDialog
from tests.ui.drivers import ManagerAtHand, log_in, open_shift
from tests.ui.real_store import RealStore

ZHANG_WEI = BankPayout("6222 0212 3456 7890 123", "张伟", "工商银行", "11010519491231002X")


def _erase_page(qtbot: QtBot, real_store: RealStore) -> ManagerDialog:
    backend = real_store.backend
    open_shift(qtbot, backend, log_in(qtbot, backend))
    manager = ManagerDialog(backend)
    qtbot.addWidget(manager)
    manager.show_page("erase")
    page = manager.erase_page
    page.card.edit.setText(real_store.card)
    page.look_up()
    return manager


def _raw_member(real_store: RealStore) -> str:
    """Everything the member's raw rows say, sealed personal fields included, as one text."""
    with sqlite3.connect(real_store.engine_path) as raw:
        rows = [
            raw.execute(
                f"SELECT * FROM {table} WHERE member_id = ?", (real_store.member_id,)
            ).fetchall()
            for table in ("member", "member_personal")
        ]
    return repr(rows)


def _member_read(real_store: RealStore) -> tuple[str, str]:
    with real_store.till.ctx.uow(write=False) as uow:
        member = uow.members.get(real_store.member_id)
    assert member is not None
    return member.name, member.phone


@pytest.mark.usefixtures("zh")
def test_a_member_with_a_balance_is_refused_in_chinese_and_no_manager_is_asked(
    qtbot: QtBot, real_store: RealStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    manager_at_hand = ManagerAtHand(qtbot)
    monkeypatch.setattr(ApprovalDialog, "ask", manager_at_hand)
    page = _erase_page(qtbot, real_store).erase_page
    assert "张伟" in page.member_label.text()

    page.erase_button.click()
    assert "请勾选会员本人已提出要求" in page.result_label.text()
    page.asked_check.setChecked(True)
    page.erase_button.click()

    assert page.result_label.text() == (
        "会员卡内仍有余额（本金 ￥500.00，赠金 ￥60.00），须先退卡或用完余额才能删除个人信息"
    )
    assert manager_at_hand.asked == []
    assert _member_read(real_store) == ("张伟", "13800001111")


@pytest.mark.usefixtures("en")
def test_the_refusal_reads_in_english_on_an_english_screen(
    qtbot: QtBot, real_store: RealStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ApprovalDialog, "ask", ManagerAtHand(qtbot))
    page = _erase_page(qtbot, real_store).erase_page
    assert page.erase_button.text().endswith("Erase personal data")
    page.asked_check.setChecked(True)

    page.erase_button.click()

    assert page.result_label.text().startswith("The card still holds a balance (principal ￥500.00")


@pytest.mark.usefixtures("zh")
def test_after_the_return_and_the_retention_period_a_manager_approves_the_erasure(
    qtbot: QtBot, real_store: RealStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    manager_at_hand = ManagerAtHand(qtbot)
    monkeypatch.setattr(ApprovalDialog, "ask", manager_at_hand)
    monkeypatch.setattr(BankPayoutDialog, "ask", lambda parent: ZHANG_WEI)
    manager = _erase_page(qtbot, real_store)
    manager.card_page.card.edit.setText(real_store.card)
    manager.card_page.return_button.click()  # 退卡 first: ￥500 to 张伟's own account
    assert manager.card_page.result_label.text().startswith("已退卡")
    page = manager.erase_page
    page.asked_check.setChecked(True)

    page.erase_button.click()  # the same day: the retention period is not over
    assert page.result_label.text().startswith("个人信息须保存至最后一笔交易后 30 天")
    real_store.till.clock.advance(days=31)
    page.erase_button.click()

    assert page.result_label.text() == "个人信息已删除；账本只保留会员编号"
    assert manager_at_hand.asked[-1][0] is ApprovalAction.MEMBER_ERASE
    raw = _raw_member(real_store)
    assert "张伟" not in raw
    assert "13800001111" not in raw
    assert _member_read(real_store)[0] == "已删除"
    assert "已删除" in page.member_label.text()
