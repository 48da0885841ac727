"""退卡 in the window: above ￥100 the card page asks for the member's own account and ID card.

Source: 《单用途商业预付卡管理办法（试行）》 — a named card's return above ￥100 goes to a bank
account in the holder's name, with the holder's identity recorded.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from frontdesk.services.till_port import BankPayout
from frontdesk.ui.approval import ApprovalDialog
from frontdesk.ui.manager import ManagerDialog
from frontdesk.ui.manager.card_return_dialog import BankPayoutDialog
from tests.ui.drivers import ManagerAtHand, log_in, open_shift
from tests.ui.real_store import RealStore

ZHANG_WEI = BankPayout("6222 0212 3456 7890 123", "张伟", "工商银行", "11010519491231002X")


def _page(qtbot: QtBot, real_store: RealStore) -> ManagerDialog:
    backend = real_store.backend
    open_shift(qtbot, backend, log_in(qtbot, backend))
    manager = ManagerDialog(backend)
    qtbot.addWidget(manager)
    manager.card_page.card.edit.setText(real_store.card)
    return manager


def _payouts(real_store: RealStore) -> list[tuple[object, ...]]:
    with real_store.till.ctx.uow(write=False) as uow:
        records = uow.card_returns.for_member(real_store.member_id)
    return [(r.payout, r.account, r.holder, r.id_number) for r in records]


def test_the_500_yuan_return_goes_to_the_account_typed_in_the_dialog(
    qtbot: QtBot, real_store: RealStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ApprovalDialog, "ask", ManagerAtHand(qtbot))
    monkeypatch.setattr(BankPayoutDialog, "ask", lambda parent: ZHANG_WEI)
    page = _page(qtbot, real_store).card_page

    page.return_button.click()

    assert page.result_label.text().startswith("已退卡：退还本金 ￥500.00")
    assert _payouts(real_store) == [
        ("bank_transfer", "6222021234567890123", "张伟", "11010519491231002X")
    ]


def test_cancelling_the_dialog_returns_nothing_and_a_wrong_holder_is_refused(
    qtbot: QtBot, real_store: RealStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ApprovalDialog, "ask", ManagerAtHand(qtbot))
    page = _page(qtbot, real_store).card_page

    monkeypatch.setattr(BankPayoutDialog, "ask", lambda parent: None)
    page.return_button.click()
    assert _payouts(real_store) == []
    other = BankPayout(ZHANG_WEI.account, "李四", ZHANG_WEI.bank, ZHANG_WEI.id_number)
    monkeypatch.setattr(BankPayoutDialog, "ask", lambda parent: other)
    page.return_button.click()

    assert "户名须与会员实名一致" in page.result_label.text()
    assert _payouts(real_store) == []


def test_the_dialog_hands_back_what_was_typed(qtbot: QtBot) -> None:
    dialog = BankPayoutDialog()
    qtbot.addWidget(dialog)

    dialog.account.setText(ZHANG_WEI.account)
    dialog.holder.setText(ZHANG_WEI.holder)
    dialog.bank.setText(ZHANG_WEI.bank)
    dialog.id_number.setText(ZHANG_WEI.id_number)

    assert dialog.form() == ZHANG_WEI
