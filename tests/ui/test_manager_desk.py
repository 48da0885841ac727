"""The manager desk in context: the approving manager on every action, the ticket's member."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from frontdesk.domain import errors
from frontdesk.domain.approvals import ApprovalBinding
from frontdesk.domain.cards import CardAction
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.services.till_port import ApprovalAction
from frontdesk.ui.approval import ApprovalDialog
from frontdesk.ui.manager import ManagerDialog
from tests.ui.drivers import ManagerAtHand, log_in, open_shift
from tests.ui.real_store import CASHIER_NO, MANAGER_NO, MANAGER_PIN, RealStore


def screens_approval(backend: ServicesTillBackend) -> str:
    """What F9 gets from the manager: an approval to open the screens for this cashier."""
    return backend.approve(
        ApprovalBinding(ApprovalAction.MANAGER_SCREENS, CASHIER_NO), MANAGER_NO, MANAGER_PIN
    )


@pytest.fixture
def opened(qtbot: QtBot, backend: ServicesTillBackend) -> ManagerDialog:
    open_shift(qtbot, backend, log_in(qtbot, backend))
    dialog = ManagerDialog(backend, approval=screens_approval(backend))
    qtbot.addWidget(dialog)
    return dialog


def test_a_top_up_and_a_loss_report_in_the_manager_screens_name_the_approving_manager(
    qtbot: QtBot, real_store: RealStore, backend: ServicesTillBackend, opened: ManagerDialog
) -> None:
    topup = opened.topup_page
    qtbot.keyClicks(topup.card.edit, real_store.card)
    qtbot.keyClick(topup.card.edit, Qt.Key.Key_Return)
    qtbot.keyClicks(topup.amount_edit, "100")
    with qtbot.waitSignal(topup.receipt_issued):
        qtbot.keyClick(topup.amount_edit, Qt.Key.Key_Return)
    cards = opened.card_page
    qtbot.keyClick(opened, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(cards.card.edit, real_store.gold)
    qtbot.keyClick(cards.card.edit, Qt.Key.Key_F2)

    rows = {e.action: e for e in reversed(backend.audit_log(10))}  # the newest of each
    assert rows["manager_screens"].approver == MANAGER_NO
    assert rows["topup"].actor == CASHIER_NO
    assert rows["topup"].approver == MANAGER_NO
    assert rows["card_report_lost"].approver == MANAGER_NO
    with real_store.till.ctx.uow(write=False) as uow:
        entries = uow.ledger.for_member(real_store.member_id)
    assert {e.approver for e in entries if e.kind in ("topup", "bonus")} >= {MANAGER_NO}


def test_an_approval_opens_the_screens_once_and_closing_them_ends_its_reach(
    qtbot: QtBot, real_store: RealStore, backend: ServicesTillBackend
) -> None:
    open_shift(qtbot, backend, log_in(qtbot, backend))
    approval = screens_approval(backend)
    dialog = ManagerDialog(backend, approval=approval)
    qtbot.addWidget(dialog)

    dialog.reject()
    with pytest.raises(errors.ApprovalUsed):
        ManagerDialog(backend, approval=approval)
    backend.change_card_state(real_store.gold, CardAction.REPORT_LOST, None)

    [row] = [e for e in backend.audit_log(5) if e.action == "card_report_lost"]
    assert row.approver is None  # at the till itself, after the screens closed


def test_the_pages_start_from_the_member_on_the_ticket(
    qtbot: QtBot, real_store: RealStore, backend: ServicesTillBackend
) -> None:
    open_shift(qtbot, backend, log_in(qtbot, backend))
    member = backend.lookup_card(real_store.gold)

    dialog = ManagerDialog(backend, member=member)
    qtbot.addWidget(dialog)

    for page in (dialog.topup_page, dialog.card_page, dialog.pin_page, dialog.points_page):
        assert page.card.text() == real_store.gold
    assert real_store.gold in dialog.card_page.state_label.text()


def test_the_card_page_finds_a_members_card_by_phone_for_a_loss_reported_by_telephone(
    qtbot: QtBot,
    real_store: RealStore,
    backend: ServicesTillBackend,
    opened: ManagerDialog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ApprovalDialog, "ask", ManagerAtHand(qtbot))
    cards = opened.card_page
    qtbot.keyClick(opened, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(cards.card.edit, "13812341234")

    qtbot.keyClick(cards.card.edit, Qt.Key.Key_Return)
    qtbot.keyClick(cards.card.edit, Qt.Key.Key_F2)

    assert cards.card.text() == real_store.gold
    assert cards.state_label.text().endswith("已挂失")


def test_a_phone_tail_shared_by_no_one_says_so(qtbot: QtBot, opened: ManagerDialog) -> None:
    cards = opened.card_page
    qtbot.keyClicks(cards.card.edit, "9999")

    qtbot.keyClick(cards.card.edit, Qt.Key.Key_Return)

    assert cards.state_label.text() == "未找到会员"


def test_the_audit_log_reads_in_chinese_with_names_and_filters_by_action_with_keys(
    qtbot: QtBot, real_store: RealStore, backend: ServicesTillBackend, opened: ManagerDialog
) -> None:
    topup = opened.topup_page
    qtbot.keyClicks(topup.card.edit, real_store.card)
    qtbot.keyClick(topup.card.edit, Qt.Key.Key_Return)
    qtbot.keyClicks(topup.amount_edit, "100")
    with qtbot.waitSignal(topup.receipt_issued):
        qtbot.keyClick(topup.amount_edit, Qt.Key.Key_Return)
    page = opened.audit_page
    qtbot.keyClick(opened, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    model = page.model

    row = [model.index(r, c).data() for r in range(model.rowCount()) for c in (1, 2, 3, 4)]
    assert row[:4] == ["李收银", "王店长", "充值", "张伟"]  # names, words: no codes or ids
    steps = page.action_combo.findData("topup")
    for _ in range(steps):
        qtbot.keyClick(page.action_combo, Qt.Key.Key_Down)
    qtbot.keyClick(page.action_combo, Qt.Key.Key_F5)

    actions = {model.index(r, 3).data() for r in range(model.rowCount())}
    assert actions == {"充值"}
    assert page.result_label.text() == f"共 {model.rowCount()} 条"


def test_registration_asks_for_the_pin_twice_and_clears_after_success(
    qtbot: QtBot, backend: ServicesTillBackend, opened: ManagerDialog
) -> None:
    page = opened.register_page
    opened.show()
    opened.activateWindow()  # the focus moves only in the active window
    qtbot.waitUntil(opened.isActiveWindow)
    qtbot.keyClicks(page.ui.phone_edit, "13700001111")
    page.ui.name_edit.insert("王芳")  # Chinese arrives through the IME, not keys
    page.ui.consent_terms_check.setChecked(True)
    qtbot.keyClicks(page.ui.pin_edit, "582046")
    qtbot.keyClick(page.ui.pin_edit, Qt.Key.Key_Return)
    assert page.pin_confirm_edit.hasFocus()
    qtbot.keyClicks(page.pin_confirm_edit, "582047")
    qtbot.keyClick(page.pin_confirm_edit, Qt.Key.Key_Return)
    assert page.ui.result_label.text() == "两次输入的密码不一致，请会员重新输入"
    assert page.ui.pin_edit.hasFocus()

    qtbot.keyClicks(page.ui.pin_edit, "582046")
    qtbot.keyClick(page.ui.pin_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(page.pin_confirm_edit, "582046")
    with qtbot.waitSignal(page.member_registered):
        qtbot.keyClick(page.pin_confirm_edit, Qt.Key.Key_Return)

    assert "王芳" in page.ui.result_label.text()
    assert [page.ui.phone_edit.text(), page.ui.name_edit.text(), page.ui.pin_edit.text()] == [
        "",
        "",
        "",
    ]
    assert not page.ui.consent_terms_check.isChecked()
    assert page.ui.phone_edit.hasFocus()
    [row] = [e for e in backend.audit_log(3) if e.action == "member_register"]
    assert row.approver == MANAGER_NO
