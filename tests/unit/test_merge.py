from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from frontdesk.domain.cards import CardState
from frontdesk.domain.merge import (
    CardVerdict,
    head_office_card_verdict,
    member_update,
    project_balance,
    till_takes_card,
)

LOST_AT = datetime(2026, 3, 10, 10, 5, tzinfo=UTC)
LATER = LOST_AT + timedelta(days=30)


def test_head_office_takes_a_report_lost_after_an_activation_dated_in_the_future() -> None:
    # Arrival order: the forged activation came first and is taken (the card was active) …
    assert (
        head_office_card_verdict(CardState.ACTIVE, LOST_AT, CardState.ACTIVE, None)
        is CardVerdict.ACCEPT
    )
    # … and the 挂失 that arrives after it wins, whatever the dates say.
    assert (
        head_office_card_verdict(CardState.ACTIVE, LATER, CardState.LOST, None)
        is CardVerdict.ACCEPT
    )


@pytest.mark.parametrize("incoming", [CardState.ACTIVE, CardState.FROZEN])
@pytest.mark.parametrize("undoes", [None, LATER, LOST_AT - timedelta(microseconds=1)])
def test_a_lost_card_comes_back_only_by_naming_its_report_lost(
    incoming: CardState, undoes: datetime | None
) -> None:
    refused = head_office_card_verdict(CardState.LOST, LOST_AT, incoming, undoes)
    named = head_office_card_verdict(CardState.LOST, LOST_AT, incoming, LOST_AT)

    assert refused is CardVerdict.LOST_NOT_NAMED
    assert named is CardVerdict.ACCEPT


@pytest.mark.parametrize("incoming", [CardState.LOST, CardState.REPLACED, CardState.RETURNED])
def test_a_lost_card_may_be_lost_again_replaced_or_returned(incoming: CardState) -> None:
    assert head_office_card_verdict(CardState.LOST, LOST_AT, incoming, None) is CardVerdict.ACCEPT


@pytest.mark.parametrize("current", [CardState.REPLACED, CardState.RETURNED])
@pytest.mark.parametrize("incoming", list(CardState))
def test_a_replaced_or_returned_card_never_changes(current: CardState, incoming: CardState) -> None:
    verdict = head_office_card_verdict(current, LOST_AT, incoming, LOST_AT)
    assert verdict is CardVerdict.CARD_TERMINAL


def test_a_card_head_office_has_never_seen_is_taken() -> None:
    assert head_office_card_verdict(None, None, CardState.ACTIVE, None) is CardVerdict.ACCEPT


def test_the_till_takes_head_offices_word_even_when_its_clock_says_older() -> None:
    # A forged future activation reached this till; head office's later 挂失 carries an
    # earlier till time. Head office decides: the till takes it.
    assert till_takes_card(CardState.ACTIVE, LATER, CardState.LOST, LOST_AT, pending_here=False)


def test_the_till_keeps_a_change_head_office_has_not_taken_yet() -> None:
    assert not till_takes_card(CardState.LOST, LATER, CardState.ACTIVE, LOST_AT, pending_here=True)


@pytest.mark.parametrize("local", [CardState.REPLACED, CardState.RETURNED])
def test_a_terminal_card_at_the_till_stays_terminal(local: CardState) -> None:
    assert not till_takes_card(local, LOST_AT, CardState.ACTIVE, LATER, pending_here=False)


def test_the_same_word_again_changes_nothing_at_the_till() -> None:
    assert not till_takes_card(CardState.LOST, LOST_AT, CardState.LOST, LOST_AT, pending_here=False)


def test_a_pin_set_elsewhere_replaces_the_tills_and_clears_its_wrong_tries() -> None:
    row = {"phone": "13800000001", "name": "张三", "pin_hash": "new"}

    changed = member_update(row, "old")
    same = member_update(row, "new")
    without = member_update({**row, "pin_hash": None}, "old")

    assert changed["pin_hash"] == "new"
    assert (changed["pin_failures"], changed["pin_locked"]) == (0, False)
    assert "pin_hash" not in same
    assert "pin_failures" not in same
    assert "pin_hash" not in without  # a row without a PIN never takes the till's away
    assert (changed["phone"], changed["name"]) == ("13800000001", "张三")


def test_the_balance_is_head_offices_plus_this_tills_entries_it_lacks() -> None:
    hq = {
        ("principal", None): 50_000,
        ("bonus", None): 5_000,
        ("points", None): 300,
        ("lot", 2026): 300,
    }
    local = {("principal", None): -10_000, ("points", None): 40, ("lot", 2026): 40}

    p = project_balance(hq, local, lot_years={2025})

    assert p.base == {"principal": 50_000, "bonus": 5_000, "points": 300}
    assert p.now == {"principal": 40_000, "bonus": 5_000, "points": 340}
    assert p.lots == {2026: (300, 340), 2025: (0, 0)}
    assert not p.negative


def test_a_negative_balance_at_head_office_is_flagged() -> None:
    p = project_balance({("principal", None): 100}, {("principal", None): -200}, set())
    assert p.negative
