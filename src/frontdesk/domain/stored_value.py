"""Stored value (储值): 本金/赠金 buckets, top-up bonus, spend order, refunds and PINs."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from frontdesk.domain import errors
from frontdesk.domain.cards import CardKind
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


def check_offline_cap(spent_today: Fen, amount: Fen, program: Program) -> None:
    """Offline, a card spends at most the floor limit of stored value a day (DOMAIN §9).

    Head office cannot see the balance then, so the risk of a card spent at two tills is bounded.
    """
    cap = program.offline_cap_per_card_per_day
    if spent_today + amount > cap:
        raise errors.OfflineCapExceeded(cap=cap, used=spent_today)


def check_pin_strength(pin: str, program: Program) -> None:
    """A PIN is the right number of digits and not one of the first guesses a thief tries."""
    weak = (
        len(pin) != program.pin_length
        or not (pin.isascii() and pin.isdigit())  # ０-９ and other scripts' digits are not keys
        or len(set(pin)) == 1
        or pin in "01234567890123456789"
        or pin in "98765432109876543210"
    )
    if weak:
        raise errors.WeakPin(length=program.pin_length)


# scrypt: salted and memory-hard, so a stolen till database does not give PINs away cheaply.
# The cost is what a till can afford per check: n=2^15 costs 89 ms of CPU at best, 94 ms median
# (benchmarks/bench_pin.py on a shared 2-core machine; the old 2^14 costs 35 ms and is still read).
# Each hash names its own cost, so raising it later leaves existing hashes verifying.
SCRYPT_COST = (2**15, 8, 1)
_LEGACY_COST = (2**14, 8, 1)


def _pepper_id(pepper: bytes) -> str:
    return hashlib.sha256(b"frontdesk pin pepper" + pepper).hexdigest()[:8]


def _scrypt(pin: str, salt: bytes, cost: tuple[int, int, int], pepper: bytes | None) -> str:
    # The pepper (a secret kept outside the database) keys the PIN before scrypt, so the
    # database alone is not enough to try the 10^6 six-digit PINs against a hash.
    secret = pin.encode() if pepper is None else hmac.digest(pepper, pin.encode(), "sha256")
    n, r, p = cost
    return hashlib.scrypt(secret, salt=salt, n=n, r=r, p=p, maxmem=256 * r * n, dklen=32).hex()


@dataclass(frozen=True)
class PinSecrets:
    """The secrets a till keys its PIN hashes with, every one kept outside its database.

    A chain's tills share one secret, handed out by head office when a till joins, so a member's
    PIN set at one till checks at every other; a standalone store makes its own. A till that
    joined a chain keeps its own earlier secret as well, so the hashes made with it still check.
    """

    staff: bytes  # new staff hashes
    member: bytes | None  # new member hashes; None: a chain till that has no chain secret yet
    known: tuple[bytes, ...]  # every secret a stored hash here may name


def pin_secrets(own: bytes | None, chain: bytes | None, *, in_chain: bool) -> PinSecrets:
    """Which secret keys which hash.

    Member hashes travel to every till of the chain, so they take the chain's secret; a till of
    a chain that has not been given it (joined before head office handed one out) makes them
    without a pepper, as every till did then, rather than with a secret no other till holds.
    """
    current = chain if chain is not None else own
    if current is None:
        raise ValueError("a till has at least its own PIN secret")
    member = chain if chain is not None else (None if in_chain else own)
    known = tuple(s for s in (chain, own) if s is not None)
    return PinSecrets(current, member, known)


def hash_pin(pin: str, pepper: bytes | None, salt: bytes | None = None) -> str:
    """``scrypt$n=…,r=…,p=…[,k=<pepper id>]$<salt>$<digest>``: all a check needs but the pepper.

    ``pepper`` None makes a hash any till checks, without a secret.
    """
    salt = salt or secrets.token_bytes(16)
    n, r, p = SCRYPT_COST
    params = f"n={n},r={r},p={p}" + ("" if pepper is None else f",k={_pepper_id(pepper)}")
    return f"scrypt${params}${salt.hex()}${_scrypt(pin, salt, SCRYPT_COST, pepper)}"


@dataclass(frozen=True)
class _Stored:
    cost: tuple[int, int, int]
    pepper_id: str | None
    salt: bytes
    digest: str


def _parse(stored: str) -> _Stored | None:
    parts = stored.split("$")
    try:
        if len(parts) == 3 and parts[0] == "scrypt":  # before the pepper: fixed cost, no key
            return _Stored(_LEGACY_COST, None, bytes.fromhex(parts[1]), parts[2])
        if len(parts) == 4 and parts[0] == "scrypt":
            fields = dict(kv.split("=", 1) for kv in parts[1].split(","))
            cost = (int(fields["n"]), int(fields["r"]), int(fields["p"]))
            return _Stored(cost, fields.get("k"), bytes.fromhex(parts[2]), parts[3])
    except (KeyError, ValueError):
        return None
    return None


def uses_pepper(stored: str) -> bool:
    parsed = _parse(stored)
    return parsed is not None and parsed.pepper_id is not None


def pin_matches(pin: str, stored: str, *peppers: bytes | None) -> bool:
    """Whether ``pin`` is the one hashed, keyed with whichever of ``peppers`` the hash names.

    A hash naming none of them raises PinSecretMissing, which beats calling every PIN wrong and
    locking everybody out.
    """
    parsed = _parse(stored)
    if parsed is None:
        return False
    used = None
    if parsed.pepper_id is not None:
        named = [p for p in peppers if p is not None and _pepper_id(p) == parsed.pepper_id]
        if not named:
            raise errors.PinSecretMissing()
        used = named[0]
    digest = _scrypt(pin, parsed.salt, parsed.cost, used)
    return hmac.compare_digest(digest, parsed.digest)


def needs_rehash(stored: str, pepper: bytes | None) -> bool:
    """Whether a hash must be rewritten after the next right PIN.

    A hash not made with ``pepper`` (the one new hashes take) or at a lower cost is: that is how
    a store from before the pepper, or one that joined a chain, moves its hashes to the current
    secret without asking anybody for a PIN.
    """
    parsed = _parse(stored)
    wanted = None if pepper is None else _pepper_id(pepper)
    return parsed is None or parsed.cost != SCRYPT_COST or parsed.pepper_id != wanted


def topup_allowance(balance: Fen, program: Program, kind: CardKind = CardKind.NAMED) -> Fen:
    """The largest top-up that keeps 本金 + 赠金 (its bonus included) within the card's cap.

    The cap is the card kind's (记名卡 ￥5,000, 不记名卡 ￥1,000: 《单用途商业预付卡管理办法
    （试行）》第十九条). The bonus steps up with the amount, so amount + bonus only grows with
    the amount; the largest amount that fits is found by bisection over whole fen.
    """
    room = program.cap_for(kind) - balance
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


def check_balance_cap(
    balance: Fen, amount: Fen, program: Program, kind: CardKind = CardKind.NAMED
) -> None:
    """Refuses a top-up that would take the card past its kind's cap, naming what may be paid."""
    cap = program.cap_for(kind)
    if balance + amount + program.topup_bonus(amount) > cap:
        raise errors.BalanceCapExceeded(
            kind=kind, cap=str(cap), allowed=str(topup_allowance(balance, program, kind))
        )
