"""May this member's personal data be erased now, at the default retention of 30 days?

Sources: 个人信息保护法 第四十七条 (deletion once the purpose is met) and 第十九条 (kept no longer
than the purpose needs); the purpose of a stored-value member's data lasts while a balance is on
the card, so erasure waits for a zero balance or a 退卡, then for the retention period.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from importlib.resources import files

import pytest

from frontdesk.domain import erasure, messages
from frontdesk.domain.money import Fen
from frontdesk.domain.program import ProgramInvalid
from frontdesk.domain.program_file import parse_program
from tests.builders import PROGRAM

EMPTY = erasure.ErasureState(
    phone="13800001111",
    principal=Fen(0),
    bonus=Fen(0),
    card_returned=False,
    last_movement=date(2026, 3, 1),
)
RETENTION = PROGRAM.retention_days


def test_the_default_retention_is_30_days_pipl_article_19() -> None:
    assert RETENTION == 30


def test_a_zero_balance_member_is_erasable_the_day_after_the_retention_pipl_47() -> None:
    with pytest.raises(erasure.RetentionNotOver) as refused:  # 3-01 + 30 days: 3-31 still kept
        erasure.check_erasable(EMPTY, date(2026, 3, 31), RETENTION)
    erasure.check_erasable(EMPTY, date(2026, 4, 1), RETENTION)
    assert "2026-03-31" in refused.value.message
    assert "30" in refused.value.message


def test_the_last_keep_day_is_the_retention_after_the_last_movement() -> None:
    assert erasure.last_keep_day(date(2026, 3, 1), 30) == date(2026, 3, 31)


def test_money_on_the_card_refuses_erasure_in_both_languages() -> None:
    for principal, bonus in ((Fen(100), Fen(0)), (Fen(0), Fen(1))):
        state = replace(EMPTY, principal=principal, bonus=bonus)
        with pytest.raises(erasure.MemberHasBalance) as refused:
            erasure.check_erasable(state, date(2027, 1, 1), RETENTION)
    assert "本金" in refused.value.message
    assert "退卡" in refused.value.message
    assert "balance" in refused.value.message_en


def test_after_a_card_return_the_rule_asks_only_the_retention() -> None:
    returned = replace(EMPTY, card_returned=True, bonus=Fen(0))
    erasure.check_erasable(returned, date(2026, 4, 1), RETENTION)
    with pytest.raises(erasure.RetentionNotOver):
        erasure.check_erasable(returned, date(2026, 3, 5), RETENTION)


def test_a_member_who_never_moved_money_may_be_erased_at_once() -> None:
    erasure.check_erasable(replace(EMPTY, last_movement=None), date(2026, 3, 1), RETENTION)


def test_an_erased_member_is_not_erased_twice() -> None:
    gone = replace(EMPTY, phone=erasure.erased_phone("M1"))
    with pytest.raises(erasure.MemberAlreadyErased):
        erasure.check_erasable(gone, date(2027, 1, 1), RETENTION)
    assert erasure.is_erased(gone.phone)
    assert not erasure.is_erased(EMPTY.phone)


def test_the_erased_profile_keeps_no_personal_field() -> None:
    profile = erasure.erased_profile("M1")
    assert profile["name"] == erasure.ERASED_NAME
    assert profile["phone"] == "erased:M1"
    assert all(profile[k] is None for k in ("birthday", "gender", "pin_hash", "tier_lock_reason"))


def test_every_refusal_has_a_catalogue_sentence_in_both_languages() -> None:
    for key in ("member_already_erased", "erase_balance_left", "erase_retention"):
        assert key in messages.known_keys()
        said = messages.sentence(key)
        assert said.zh
        assert said.en
        assert said.zh != said.en


def _program_text() -> str:
    return (files("frontdesk.resources") / "program.toml").read_text(encoding="utf-8")


def test_the_program_file_sets_the_retention_and_refuses_one_shorter_than_the_cooling_off() -> None:
    text = _program_text()
    assert parse_program(text).retention_days == 30
    assert (
        parse_program(text.replace("retention_days = 30", "retention_days = 90")).retention_days
        == 90
    )
    with pytest.raises(ProgramInvalid) as refused:
        parse_program(text.replace("retention_days = 30", "retention_days = 3"))
    assert "retention_days" in refused.value.message
