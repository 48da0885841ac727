"""The window's backend, the CLI and the services refuse alike: one rule, one refusal, one binding.

Each test here was written against a divergence found when the facade and the CLI kept their own
copies of a rule (the top-up tender, the 补卡 fee-waiver ask, the approval bindings).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontdesk.cli import main
from frontdesk.domain import errors
from frontdesk.domain.approvals import ApprovalAction, ApprovalBinding
from frontdesk.domain.cards import CardAction
from frontdesk.domain.money import Fen
from frontdesk.domain.permissions import Operation
from frontdesk.services import accounts, membership
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.services.till_port import TenderKind
from tests.integration.core_fixtures import Till

STAFF = ["--staff", "1001", "--pin", "1001"]
MANAGER = ["--manager", "8001", "--manager-pin", "8001"]


def backend(till: Till) -> ServicesTillBackend:
    window = ServicesTillBackend(till.ctx, receipt_text=lambda receipt: [])
    window.login("1001", "1001")
    return window


def test_a_top_up_paid_with_stored_value_is_refused_for_what_it_is(till: Till) -> None:
    reg = till.member()

    # The service raised a ValueError (a crash, not a refusal); the window's backend said the
    # amount was invalid. Both now give the one refusal, naming the tender.
    with pytest.raises(errors.TopupTenderRefused) as by_service:
        accounts.topup(
            till.ctx,
            actor="1001",
            member_id=reg.member.member_id,
            amount=Fen.of("100.00"),
            tender="stored_value",
        )
    with pytest.raises(errors.TopupTenderRefused) as by_window:
        backend(till).topup(reg.card_no, Fen.of("100.00"), TenderKind.STORED_VALUE, "", "t-1")

    for refused in (by_service.value, by_window.value):
        assert refused.message == "充值须以现金、银行卡、微信或支付宝支付，不能用储值"
        assert "stored value" in refused.message_en


def test_the_fee_waiver_is_asked_for_by_the_service_with_its_exact_binding(till: Till) -> None:
    reg = till.member()
    window = backend(till)

    with pytest.raises(errors.ApprovalRequired) as asked:
        window.reissue_card(reg.card_no, "13800001111", "张伟", "卡面损坏", None)
    binding = ApprovalBinding.of(asked.value)
    assert binding == ApprovalBinding(ApprovalAction.REISSUE_FEE_WAIVER, reg.card_no, 3800)
    assert window.required_approval(Operation.REISSUE_FEE_WAIVER, reg.card_no, 3800) == binding

    approval = window.approve(binding, "8001", "8001")
    done = window.reissue_card(reg.card_no, "13800001111", "张伟", "卡面损坏", approval)
    assert done.done.fee == Fen(0)


def test_a_pin_reset_binds_the_member_not_the_card_the_window_shows(till: Till) -> None:
    reg = till.member()
    window = backend(till)

    with pytest.raises(errors.ApprovalRequired) as asked:
        window.reset_pin(reg.card_no, "246810", None)
    binding = ApprovalBinding.of(asked.value)
    assert binding == ApprovalBinding(ApprovalAction.PIN_RESET, reg.member.member_id, 0)
    window.reset_pin(reg.card_no, "246810", window.approve(binding, "8001", "8001"))


def test_a_phone_with_no_live_card_is_refused_by_the_service_itself(till: Till) -> None:
    reg = till.member()
    membership.change_card_state(
        till.ctx, actor="1001", card_no=reg.card_no, action=CardAction.REPORT_LOST
    )

    with pytest.raises(errors.NoActiveCard) as refused:
        membership.find_member(till.ctx, "13800001111", actor="1001", for_sale=True)
    assert reg.card_no in refused.value.message
    # Without for_sale (a statement, a manager's look) the member is still found.
    assert membership.find_member(till.ctx, "13800001111", actor="1001").card_no is None


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_cli_never_charges_a_fee_it_was_asked_to_waive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "store.db"
    code, out, _ = run(db, "--json", "demo", capsys=capsys)
    assert code == 0
    card = {m["name"]: m["card_no"] for m in json.loads(out)["members"]}["张伟"]
    reissue = ["card", "reissue", card, "--phone", "13800001111", "--name", "张伟"]
    waive = ["--waive-reason", "卡面损坏，门店责任"]

    # Asked to waive without a manager, the CLI used to charge the ￥38 fee and succeed.
    code, _, err = run(db, *STAFF, *reissue, *waive, capsys=capsys)
    assert code == 2
    assert "此操作需店长审批：免收补卡工本费" in err

    code, out, err = run(db, *STAFF, *MANAGER, "--json", *reissue, *waive, capsys=capsys)
    assert code == 0, err
    assert json.loads(out)["fee"] == 0
