import hashlib

import pytest

from frontdesk.domain import errors
from frontdesk.domain.money import Fen
from frontdesk.domain.program import SpendOrder
from frontdesk.domain.stored_value import (
    Split,
    check_pin_strength,
    hash_pin,
    needs_rehash,
    pin_matches,
    pin_secrets,
    split_refund,
    split_spend,
    topup_split,
)
from tests.builders import PROGRAM


@pytest.mark.parametrize(
    ("amount", "bonus"),
    [
        ("99.99", "0.00"),
        ("100.00", "10.00"),
        ("150.00", "10.00"),
        ("500.00", "60.00"),
        ("1000.00", "150.00"),
        ("5000.00", "150.00"),
    ],
)
def test_topup_gets_the_bonus_of_the_highest_rule_reached(amount: str, bonus: str) -> None:
    split = topup_split(Fen.of(amount), PROGRAM)

    assert split == Split(Fen.of(amount), Fen.of(bonus))


def test_proportional_spend_takes_from_both_buckets() -> None:
    split = split_spend(Fen.of("100.00"), Fen.of("10.00"), Fen.of("55.00"), SpendOrder.PROPORTIONAL)

    assert split == Split(Fen.of("50.00"), Fen.of("5.00"))


def test_spend_orders_can_take_principal_or_bonus_first() -> None:
    principal_first = split_spend(Fen(1000), Fen(500), Fen(1200), SpendOrder.PRINCIPAL_FIRST)
    bonus_first = split_spend(Fen(1000), Fen(500), Fen(1200), SpendOrder.BONUS_FIRST)

    assert principal_first == Split(Fen(1000), Fen(200))
    assert bonus_first == Split(Fen(700), Fen(500))


def test_spending_more_than_the_balance_is_refused() -> None:
    with pytest.raises(errors.InsufficientBalance):
        split_spend(Fen(1000), Fen(100), Fen(1101), SpendOrder.PROPORTIONAL)


def test_partial_refunds_return_to_the_buckets_and_add_up_to_the_spend() -> None:
    spend = Split(Fen(3333), Fen(667))

    first = split_refund(spend, Fen(0), Fen(1001))
    second = split_refund(spend, Fen(1001), Fen(1999))
    third = split_refund(spend, Fen(3000), Fen(1000))

    assert first.total + second.total + third.total == spend.total
    assert first.principal + second.principal + third.principal == spend.principal
    with pytest.raises(errors.InvalidAmount):
        split_refund(spend, Fen(4000), Fen(1))


@pytest.mark.parametrize("pin", ["123456", "000000", "654321", "12345", "abcdef", "1234567"])
def test_weak_or_malformed_pins_are_refused(pin: str) -> None:
    with pytest.raises(errors.WeakPin):
        check_pin_strength(pin, PROGRAM)


def test_pins_are_stored_as_salted_slow_hashes() -> None:
    a, b = hash_pin("135790", None), hash_pin("135790", None)

    assert a != b
    assert "135790" not in a
    assert pin_matches("135790", a, None)
    assert not pin_matches("135791", a, None)
    assert not pin_matches("135790", "garbage", None)


def test_a_peppered_pin_needs_the_same_pepper_and_names_its_cost() -> None:
    pepper = bytes(range(32))
    stored = hash_pin("135790", pepper)

    assert stored.startswith("scrypt$n=32768,r=8,p=1,k=")
    assert pin_matches("135790", stored, pepper)
    assert not pin_matches("135791", stored, pepper)
    assert not needs_rehash(stored, pepper)
    with pytest.raises(errors.PinSecretMissing):
        pin_matches("135790", stored, bytes(32))
    with pytest.raises(errors.PinSecretMissing):
        pin_matches("135790", stored, None)


def test_a_hash_from_before_the_pepper_still_verifies_and_asks_to_be_rewritten() -> None:
    salt = bytes(16)
    digest = hashlib.scrypt(b"135790", salt=salt, n=2**14, r=8, p=1, dklen=32)
    legacy = f"scrypt${salt.hex()}${digest.hex()}"

    assert pin_matches("135790", legacy, b"any pepper")
    assert not pin_matches("135791", legacy, None)
    assert needs_rehash(legacy, b"any pepper")


def test_a_hash_checks_with_whichever_held_secret_it_names_and_moves_to_the_current_one() -> None:
    own, chain = bytes(range(32)), bytes(range(1, 33))
    old = hash_pin("135790", own)  # made before the till joined its chain

    assert pin_matches("135790", old, chain, own)
    assert needs_rehash(old, chain)
    assert not needs_rehash(hash_pin("135790", chain), chain)
    with pytest.raises(errors.PinSecretMissing):
        pin_matches("135790", old, chain)


def test_member_pins_take_the_chain_secret_and_never_one_only_this_till_holds() -> None:
    own, chain = bytes(range(32)), bytes(range(1, 33))

    joined = pin_secrets(own, chain, in_chain=True)
    assert (joined.staff, joined.member, joined.known) == (chain, chain, (chain, own))
    # A chain's till that has not been handed the chain's secret: no pepper on member PINs,
    # which every other till of the chain can still check.
    waiting = pin_secrets(own, None, in_chain=True)
    assert (waiting.staff, waiting.member) == (own, None)
    alone = pin_secrets(own, None, in_chain=False)
    assert (alone.staff, alone.member, alone.known) == (own, own, (own,))
