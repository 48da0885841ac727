"""Stored value (储值): 本金/赠金 buckets, top-up bonus, spend order, refunds and PINs."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from frontdesk.domain import errors
from frontdesk.domain.money import ZERO, Fen, allocate
from frontdesk.domain.program import PinPolicy, Program, SpendOrder


@dataclass(frozen=True)
class Split:
    principal: Fen
    bonus: Fen

    @property
    def total(self) -> Fen:
        return self.principal + self.bonus


def split_spend(principal: Fen, bonus: Fen, amount: Fen, order: SpendOrder) -> Split:
    """Which bucket pays how much of a stored-value spend; refuses more than the balance."""
    if amount.value <= 0:
        raise errors.InvalidAmount(amount=str(amount))
    balance = principal + bonus
    if amount > balance:
        raise errors.InsufficientBalance(balance=str(balance), amount=str(amount))
    if order is SpendOrder.PRINCIPAL_FIRST:
        p = min(principal, amount)
        return Split(p, amount - p)
    if order is SpendOrder.BONUS_FIRST:
        b = min(bonus, amount)
        return Split(amount - b, b)
    p, b = allocate(amount, [principal.value, bonus.value])
    return Split(p, b)


def split_refund(original: Split, refunded_before: Fen, amount: Fen) -> Split:
    """Return a refund to the buckets the spend came from, exactly, over any number of refunds.

    Allocating the running total and taking the difference keeps every partial refund in
    proportion and makes the refunds of a spend add up to it to the fen.
    """
    if refunded_before + amount > original.total:
        raise errors.InvalidAmount(amount=str(amount))
    weights = [original.principal.value, original.bonus.value]
    before = allocate(refunded_before, weights)
    after = allocate(refunded_before + amount, weights)
    return Split(after[0] - before[0], after[1] - before[1])


def topup_split(amount: Fen, program: Program) -> Split:
    if amount.value <= 0:
        raise errors.InvalidAmount(amount=str(amount))
    return Split(amount, program.topup_bonus(amount))


def cash_out(principal: Fen, bonus: Fen) -> Split:
    """退卡: principal is paid back, bonus is forfeited (DOMAIN §5)."""
    return Split(max(principal, ZERO), max(bonus, ZERO))


def pin_needed(amount: Fen, program: Program) -> bool:
    return program.pin_policy is PinPolicy.ALWAYS or amount > program.pin_above_amount


def check_pin_strength(pin: str, program: Program) -> None:
    """A PIN is the right number of digits and not one of the first guesses a thief tries."""
    weak = (
        len(pin) != program.pin_length
        or not pin.isdigit()
        or len(set(pin)) == 1
        or pin in "01234567890123456789"
        or pin in "98765432109876543210"
    )
    if weak:
        raise errors.WeakPin(length=program.pin_length)


# scrypt: salted and memory-hard, so a stolen till database does not give PINs away cheaply.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt_hex), dklen=32, **_SCRYPT)
    return hmac.compare_digest(digest.hex(), digest_hex)


def topup_allowance(balance: Fen, program: Program) -> Fen:
    """The largest top-up that keeps 本金 + 赠金 (its bonus included) within the card's cap.

    The bonus steps up with the amount, so amount + bonus only grows with the amount; the
    largest amount that fits is found by bisection over whole fen.
    """
    room = program.balance_cap - balance
    if room.value <= 0:
        return Fen(0)
    low, high = 0, room.value  # low always fits (a zero top-up adds nothing)
    while low < high:
        mid = (low + high + 1) // 2
        if mid + program.topup_bonus(Fen(mid)).value <= room.value:
            low = mid
        else:
            high = mid - 1
    return Fen(low)


def check_balance_cap(balance: Fen, amount: Fen, program: Program) -> None:
    """Refuses a top-up that would take the card past its cap, naming what may still be paid in."""
    if balance + amount + program.topup_bonus(amount) > program.balance_cap:
        raise errors.BalanceCapExceeded(
            cap=str(program.balance_cap), allowed=str(topup_allowance(balance, program))
        )
