"""The member rules as the counter meets them, through the real services on a real store."""

from __future__ import annotations

import pytest

from frontdesk.domain import errors
from frontdesk.domain.cards import CardAction, CardState
from frontdesk.services import membership
from tests.integration.core_fixtures import Till


def test_a_10_kb_name_is_refused_as_too_long_and_nothing_is_registered(till: Till) -> None:
    with pytest.raises(errors.NameTooLong) as refused:
        membership.register(
            till.ctx, actor="1001", phone="13800002222", name="王" * 10_240, consent_terms=True
        )

    assert refused.value.message == "姓名最多 50 个字符（现为 10240 个）"
    with pytest.raises(errors.UnknownMember):
        membership.find_member(till.ctx, "13800002222", actor="1001")


def test_a_pin_of_full_width_digits_is_refused_at_registration(till: Till) -> None:
    with pytest.raises(errors.WeakPin):
        membership.register(
            till.ctx,
            actor="1001",
            phone="13800002222",
            name="李娜",
            consent_terms=True,
            pin="１３５７９０",
        )


def test_no_second_card_while_the_first_is_lost_and_a_new_one_after_it_is_returned(
    till: Till,
) -> None:
    reg = till.member()
    membership.change_card_state(
        till.ctx, actor="1001", card_no=reg.card_no, action=CardAction.REPORT_LOST
    )

    with pytest.raises(errors.LiveCardExists) as refused:
        membership.issue_card(till.ctx, actor="1001", member_id=reg.member.member_id)

    assert refused.value.details["state"] is CardState.LOST
    assert "reported lost" in refused.value.message_en
    membership.return_card(
        till.ctx,
        actor="1001",
        card_no=reg.card_no,
        approval_id=till.approve("card_return", reg.card_no),
    )
    new = membership.issue_card(till.ctx, actor="1001", member_id=reg.member.member_id)
    assert new[-2] == "1"  # the second generation


def test_reissue_takes_the_name_however_it_is_spaced(till: Till) -> None:
    reg = till.member(name="欧阳 娜娜")

    done = membership.reissue_card(
        till.ctx,
        actor="1001",
        card_no=reg.card_no,
        phone="138 0000 1111",
        name="  欧阳\u3000娜娜 ",
        fee_tender="cash",
    )

    assert done.old_card == reg.card_no
    with pytest.raises(errors.IdentityMismatch):
        membership.reissue_card(
            till.ctx, actor="1001", card_no=done.new_card, phone="13800001111", name="欧阳娜娜"
        )
