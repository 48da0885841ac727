"""The manager pages on the real store: register, 挂失 and 补卡, top-up, points, tiers, shift."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from frontdesk.domain.approvals import ApprovalBinding
from frontdesk.domain.cards import CardState
from frontdesk.domain.money import Fen
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.services.till_port import ApprovalAction
from frontdesk.ui.approval import ApprovalDialog
from frontdesk.ui.manager import ManagerDialog
from tests.ui.drivers import ManagerAtHand, fill_registration, log_in, open_shift, register_member
from tests.ui.real_store import CASHIER_NO, MANAGER_NO, MANAGER_PIN, RealStore


@pytest.fixture
def manager(qtbot: QtBot, backend: ServicesTillBackend) -> ManagerDialog:
    open_shift(qtbot, backend, log_in(qtbot, backend))
    dialog = ManagerDialog(backend)
    qtbot.addWidget(dialog)
    return dialog


def test_a_manager_registers_a_member_reports_the_card_lost_and_reissues_it_free(
    qtbot: QtBot,
    backend: ServicesTillBackend,
    manager: ManagerDialog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    approver = ManagerAtHand(qtbot)
    monkeypatch.setattr(ApprovalDialog, "ask", approver)
    register = manager.register_page.ui
    member = register_member(qtbot, manager)
    assert member.card_no is not None
    assert "王芳" in register.result_label.text()
    cards = manager.card_page
    manager.show_page("cards")
    cards.card.edit.setText(member.card_no)
    with qtbot.waitSignal(cards.card_changed):
        cards.report_lost_button.click()
    assert backend.find_card(member.card_no).card_state is CardState.LOST
    qtbot.keyClicks(cards.phone_edit, "13700001111")
    cards.name_edit.insert("王芳")  # Chinese arrives through the IME, not keys
    cards.waive_check.setChecked(True)
    cards.reason_edit.insert("卡片质量问题")  # Chinese arrives through the IME, not keys

    with qtbot.waitSignal(cards.card_changed) as changed:
        cards.reissue_button.click()

    new = changed.args[0]
    assert approver.asked == [(ApprovalAction.REISSUE_FEE_WAIVER, member.card_no, Fen(3800))]
    assert new.card_no != member.card_no
    assert new.card_state is CardState.ACTIVE
    assert backend.find_card(member.card_no).card_state is CardState.REPLACED
    assert cards.result_label.text() == f"新卡 {new.card_no} 已发放，工本费 ￥0.00"
    [replaced, approval] = backend.audit_log(2)
    assert (replaced.action, replaced.approver) == ("card_replace", MANAGER_NO)
    assert (approval.action, approval.actor) == ("approval", MANAGER_NO)


def test_registering_a_phone_twice_is_refused_with_the_existing_member(
    qtbot: QtBot, manager: ManagerDialog
) -> None:
    register = manager.register_page.ui
    fill_registration(qtbot, manager, "13812341234", "张三")

    register.register_button.click()

    assert register.result_label.text() == "该手机号已注册会员：138****1234（张三丰）"


def test_unreporting_needs_a_manager_and_a_wrong_manager_pin_is_refused(
    qtbot: QtBot,
    real_store: RealStore,
    backend: ServicesTillBackend,
    manager: ManagerDialog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wrong = ManagerAtHand(qtbot, pin="000000")
    monkeypatch.setattr(ApprovalDialog, "ask", wrong)
    cards = manager.card_page
    cards.card.edit.setText(real_store.lost)

    cards.unreport_button.click()

    assert wrong.asked == [(ApprovalAction.UNREPORT, real_store.lost, None)]
    assert backend.find_card(real_store.lost).card_state is CardState.LOST
    monkeypatch.setattr(ApprovalDialog, "ask", ManagerAtHand(qtbot))
    with qtbot.waitSignal(cards.card_changed):
        cards.unreport_button.click()
    assert backend.find_card(real_store.lost).card_state is CardState.ACTIVE


def test_a_top_up_shows_the_bonus(
    qtbot: QtBot, real_store: RealStore, manager: ManagerDialog
) -> None:
    page = manager.topup_page
    page.card.edit.setText(real_store.gold)
    qtbot.keyClicks(page.amount_edit, "500")

    with qtbot.waitSignal(page.member_changed):
        page.topup_button.click()

    assert page.result_label.text() == (
        "已充值 ￥500.00，赠送 ￥60.00。余额：本金 ￥1,000.00，赠金 ￥120.00"
    )


def test_points_adjustment_needs_a_reason_and_an_approval(
    qtbot: QtBot,
    real_store: RealStore,
    manager: ManagerDialog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ApprovalDialog, "ask", ManagerAtHand(qtbot))
    page = manager.points_page
    page.card.edit.setText(real_store.gold)
    page.points_spin.setValue(500)
    page.adjust_button.click()
    assert page.result_label.text() == "请填写原因"
    page.reason_edit.insert("系统故障补录")  # Chinese arrives through the IME, not keys

    with qtbot.waitSignal(page.member_changed):
        page.adjust_button.click()

    assert page.result_label.text() == "张三丰 现有积分 29,900"


def test_the_audit_log_lists_approvals_with_the_manager(
    qtbot: QtBot,
    real_store: RealStore,
    manager: ManagerDialog,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: object,
) -> None:
    monkeypatch.setattr(ApprovalDialog, "ask", ManagerAtHand(qtbot))
    page = manager.tier_page
    page.card.edit.setText(real_store.gold)
    page.tier_combo.setCurrentIndex(4)
    page.reason_edit.insert("大客户")  # Chinese arrives through the IME, not keys
    with qtbot.waitSignal(page.member_changed):
        page.lock_button.click()

    approval = real_store.backend.approve(
        ApprovalBinding(ApprovalAction.MANAGER_SCREENS, CASHIER_NO), MANAGER_NO, MANAGER_PIN
    )
    screens = ManagerDialog(real_store.backend, approval=approval)  # the log is a manager's
    qtbot.addWidget(screens)
    screens.show_page("audit")

    model = screens.audit_page.model
    actions = [model.index(r, 3).data() for r in range(model.rowCount())]
    # Words, not codes: the screens opened after the tier lock, each with its approval.
    assert actions[:4] == ["进入店长功能", "店长审批", "等级锁定", "店长审批"]
    assert model.index(2, 2).data() == "王店长"  # the approving manager by name
    assert model.index(2, 4).data() == "张三丰"  # the member's name, not their id
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_closing_the_shift_shows_the_reconciliation(
    qtbot: QtBot, backend: ServicesTillBackend, manager: ManagerDialog
) -> None:
    page = manager.shift_page
    manager.show_page("shift")
    qtbot.keyClicks(page.counted_edit, "498.50")

    with qtbot.waitSignal(manager.shift_closed):
        page.close_button.click()

    assert page.expected_value.text() == "￥500.00"
    assert page.counted_value.text() == "￥498.50"
    assert page.over_short_value.text() == "￥-1.50"
    report = "\n".join(" ".join(ln.split()) for ln in page.report_view.toPlainText().splitlines())
    assert "应有现金 ￥500.00" in report
    assert "长短款 -￥1.50" in report
