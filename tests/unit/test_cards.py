import pytest

from frontdesk.domain import errors
from frontdesk.domain.cards import (
    Card,
    CardAction,
    CardState,
    active_card,
    card_generation,
    ensure_no_live_card,
    ensure_usable,
    luhn_valid,
    make_card_number,
    next_generation,
    next_state,
    parse_card_number,
)


def test_card_numbers_carry_a_luhn_check_digit_and_the_generation() -> None:
    number = make_card_number(store=1, till=2, serial=345, generation=1)

    assert len(number) == 15
    assert number.startswith("8")
    assert luhn_valid(number)
    assert card_generation(number) == 1
    assert make_card_number(1, 2, 345, 2) != number


def test_a_misread_digit_is_refused_before_any_lookup() -> None:
    number = make_card_number(1, 1, 42, 0)
    misread = number[:5] + str((int(number[5]) + 1) % 10) + number[6:]

    with pytest.raises(errors.InvalidCardNumber):
        parse_card_number(misread)
    assert parse_card_number(f" {number} ") == number


@pytest.mark.parametrize("code", ["6901234567892", "13800001111", "", "8" * 15])
def test_other_codes_are_not_card_numbers(code: str) -> None:
    with pytest.raises(errors.InvalidCardNumber):
        parse_card_number(code)


def test_card_state_machine_follows_domain_rules() -> None:
    assert next_state(CardState.ACTIVE, CardAction.REPORT_LOST) is CardState.LOST
    assert next_state(CardState.LOST, CardAction.UNREPORT) is CardState.ACTIVE
    assert next_state(CardState.LOST, CardAction.REPLACE) is CardState.REPLACED
    assert next_state(CardState.ACTIVE, CardAction.FREEZE) is CardState.FROZEN
    assert next_state(CardState.FROZEN, CardAction.UNFREEZE) is CardState.ACTIVE
    assert next_state(CardState.ACTIVE, CardAction.RETURN) is CardState.RETURNED


@pytest.mark.parametrize("state", [CardState.REPLACED, CardState.RETURNED])
def test_replaced_and_returned_cards_are_terminal(state: CardState) -> None:
    for action in CardAction:
        with pytest.raises(errors.CardStateChangeRefused):
            next_state(state, action)


@pytest.mark.parametrize(
    ("state", "refusal", "text"),
    [
        (CardState.LOST, errors.CardReportedLost, "此卡已挂失"),
        (CardState.FROZEN, errors.CardFrozen, "冻结"),
        (CardState.REPLACED, errors.CardReplaced, "补卡"),
        (CardState.RETURNED, errors.CardReturned, "退卡"),
    ],
)
def test_a_card_that_is_not_active_is_refused_with_its_reason(
    state: CardState, refusal: type[errors.DomainError], text: str
) -> None:
    with pytest.raises(refusal) as caught:
        ensure_usable(state)

    assert text in caught.value.message


def _card(n: int, state: CardState) -> Card:
    return Card(make_card_number(1, 1, n, n), "m1", n, state)


@pytest.mark.parametrize("state", [CardState.ACTIVE, CardState.LOST, CardState.FROZEN])
def test_a_member_holds_one_live_card_a_lost_or_frozen_one_included(state: CardState) -> None:
    cards = [_card(0, CardState.REPLACED), _card(1, state)]

    with pytest.raises(errors.LiveCardExists) as refused:
        ensure_no_live_card(cards)

    assert refused.value.details["state"] is state


def test_a_new_card_once_every_earlier_one_is_replaced_or_returned() -> None:
    cards = [_card(0, CardState.REPLACED), _card(1, CardState.RETURNED)]

    ensure_no_live_card(cards)

    assert next_generation(cards) == 2
    assert next_generation([]) == 0


def test_a_member_found_by_phone_pays_with_the_latest_active_card() -> None:
    cards = [_card(0, CardState.REPLACED), _card(1, CardState.ACTIVE)]

    assert active_card(cards) == cards[1]
    assert active_card([_card(0, CardState.LOST)]) is None


def test_a_refused_state_change_names_state_and_action_in_each_language() -> None:
    with pytest.raises(errors.CardStateChangeRefused) as refused:
        next_state(CardState.LOST, CardAction.FREEZE)

    assert refused.value.message == "卡状态为「已挂失」，不能冻结"
    assert refused.value.message_en == "The card is reported lost: freeze is not possible"
