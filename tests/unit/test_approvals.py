"""One approval vocabulary: every action is an operation of the table, bound by one rule."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from frontdesk.domain import errors, messages
from frontdesk.domain.approvals import ApprovalAction, ApprovalBinding, required_approval
from frontdesk.domain.counter_rules import CounterRules
from frontdesk.domain.money import Fen
from frontdesk.domain.permissions import Operation, needs_approval
from tests.builders import PROGRAM

CJK = re.compile(r"[\u3400-\u9fff]")


def test_the_actions_are_exactly_the_operations_the_table_approves() -> None:
    approved = {op for op in Operation if needs_approval(op)}
    assert {a.operation for a in ApprovalAction} == approved


def test_there_is_one_spelling_of_each_action() -> None:
    names = messages.vocabularies()["ApprovalAction"]
    for spelling in ("return", "waive_reissue_fee"):
        assert spelling not in names
        with pytest.raises(ValueError, match="is not a valid ApprovalAction"):
            ApprovalAction(spelling)


@pytest.mark.parametrize("action", list(ApprovalAction))
def test_every_action_is_named_in_both_languages(action: ApprovalAction) -> None:
    zh, en = messages.label(action, "zh_CN"), messages.label(action, "en")
    assert CJK.search(zh)
    assert not CJK.search(en)
    assert "_" not in en  # words, never the code (card_return)


@pytest.mark.parametrize(
    ("operation", "subject", "amount", "action"),
    [
        (Operation.REFUND, "R001010000002", 12_800, ApprovalAction.REFUND),
        (Operation.CARD_RETURN, "10010000001", 50_000, ApprovalAction.CARD_RETURN),
        (Operation.REISSUE_FEE_WAIVER, "10010000001", 3800, ApprovalAction.REISSUE_FEE_WAIVER),
        (Operation.POINTS_ADJUST, "member-1", -300, ApprovalAction.POINTS_ADJUST),
        (Operation.MEMBER_PIN_RESET, "member-1", 0, ApprovalAction.PIN_RESET),
        (Operation.MEMBER_IMPORT, "members.csv 12", 9_000, ApprovalAction.MEMBER_IMPORT),
    ],
)
def test_an_approved_operation_binds_its_action_subject_and_amount(
    operation: Operation, subject: str, amount: int, action: ApprovalAction
) -> None:
    assert required_approval(operation, subject, amount, PROGRAM) == ApprovalBinding(
        action, subject, amount
    )


@pytest.mark.parametrize(
    "operation", [Operation.SALE, Operation.TOPUP, Operation.REPORT_LOST, Operation.MEMBER_PIN_SET]
)
def test_an_operation_the_table_does_not_approve_needs_nothing(operation: Operation) -> None:
    assert required_approval(operation, "x", 10_000, PROGRAM) is None


def test_the_program_may_let_small_amounts_go_without_an_approval() -> None:
    counter = replace(CounterRules(), discount_without_approval=Fen(500))
    program = replace(PROGRAM, counter=counter)

    assert required_approval(Operation.PRICE_OVERRIDE, "line 1", 500, program) is None
    assert required_approval(Operation.PRICE_OVERRIDE, "line 1", -500, program) is None
    assert required_approval(Operation.PRICE_OVERRIDE, "line 1", 501, program) is not None
    assert required_approval(Operation.REFUND, "R1", 1, program) is not None


def test_the_refusal_carries_the_binding_and_says_the_action_in_words() -> None:
    binding = ApprovalBinding(ApprovalAction.CARD_RETURN, "10010000001", 50_000)
    refusal = binding.refusal()

    assert isinstance(refusal, errors.ApprovalRequired)
    assert ApprovalBinding.of(refusal) == binding
    assert refusal.message == "此操作需店长审批：退卡"
    assert refusal.message_en == "This action needs a manager approval: card return"


def test_only_money_is_shown_as_money() -> None:
    assert ApprovalBinding(ApprovalAction.REFUND, "R1", 1280).money == Fen(1280)
    assert ApprovalBinding(ApprovalAction.POINTS_ADJUST, "m", 300).money is None
    assert ApprovalBinding(ApprovalAction.FREEZE, "c", 0).money is None
