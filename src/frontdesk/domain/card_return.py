"""退卡 by the prepaid-card rules: the calculation, who gets paid how, and the identity record.

A returned named card pays back its remaining 本金; the 赠金 is forfeited. Above the program's
threshold (￥100 by default, 《单用途商业预付卡管理办法（试行）》) the principal goes to a bank
account in the member's own name and the holder's identity is recorded; at or below it, cash.
The 退卡单 shows how the amount was arrived at: what was paid in, what bonus was given, what was
consumed from each bucket (in proportion, 法释〔2025〕4号), what is refunded and forfeited.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from frontdesk.domain.errors import DomainError
from frontdesk.domain.ledger import Bucket, EntryKind
from frontdesk.domain.members import normalise_name
from frontdesk.domain.money import Fen


class Payout(Enum):
    CASH = "cash"
    BANK_TRANSFER = "bank_transfer"


class BankAccountRequired(DomainError):
    key = "bank_account_required"


class BankAccountInvalid(DomainError):
    key = "bank_account_invalid"


class HolderNotMember(DomainError):
    key = "holder_not_member"


class IdNumberInvalid(DomainError):
    key = "id_number_invalid"


@dataclass(frozen=True)
class Calculation:
    """The figures of a 退卡单, all from the member's own ledger (integer fen)."""

    paid_in: Fen  # 本金 topped up over the card's life
    bonus_given: Fen  # 赠金 granted with those top-ups
    consumed_principal: Fen  # spent from 本金, net of refunds to it
    consumed_bonus: Fen  # spent from 赠金, net of refunds to it
    other_principal: Fen  # adjustments and reversals of 本金 (usually zero)
    other_bonus: Fen
    principal_refunded: Fen  # = the 本金 balance: what the member gets back
    bonus_forfeited: Fen  # = the 赠金 balance

    @property
    def consumed(self) -> Fen:
        return self.consumed_principal + self.consumed_bonus

    def as_fen(self) -> dict[str, int]:
        return {name: getattr(self, name).value for name in self.__dataclass_fields__}


_SPENDING = (EntryKind.SPEND, EntryKind.REFUND)
_PAID_IN = {Bucket.PRINCIPAL: EntryKind.TOPUP, Bucket.BONUS: EntryKind.BONUS}


def calculate(
    entries: Iterable[tuple[EntryKind, Bucket, int]], principal: Fen, bonus: Fen
) -> Calculation:
    """The 退卡 calculation from the member's entries here and the account's balances.

    The balances are what the member gets back (本金) and gives up (赠金); the entries are every
    (kind, bucket, amount) of the member's stored value this till holds.
    Whatever the entries do not explain (adjustments, reversals, movements at other stores not
    yet pulled) is "other", so paid in − consumed + other = balance holds per bucket exactly.
    """
    paid = {Bucket.PRINCIPAL: 0, Bucket.BONUS: 0}
    used = {Bucket.PRINCIPAL: 0, Bucket.BONUS: 0}
    for kind, bucket, amount in entries:
        if bucket not in paid:
            continue  # points are not stored value
        if kind is _PAID_IN[bucket]:
            paid[bucket] += amount
        elif kind in _SPENDING:
            used[bucket] -= amount
    balance = {Bucket.PRINCIPAL: principal.value, Bucket.BONUS: bonus.value}
    other = {b: balance[b] - paid[b] + used[b] for b in paid}
    return Calculation(
        paid_in=Fen(paid[Bucket.PRINCIPAL]),
        bonus_given=Fen(paid[Bucket.BONUS]),
        consumed_principal=Fen(used[Bucket.PRINCIPAL]),
        consumed_bonus=Fen(used[Bucket.BONUS]),
        other_principal=Fen(other[Bucket.PRINCIPAL]),
        other_bonus=Fen(other[Bucket.BONUS]),
        principal_refunded=principal,
        bonus_forfeited=bonus,
    )


def by_bank(principal: Fen, threshold: Fen) -> bool:
    """Whether a 退卡's principal must go to the member's bank account: above the threshold."""
    return principal > threshold


def payout_for(principal: Fen, threshold: Fen, bank_given: bool) -> Payout:
    """Above the threshold a bank transfer must be given; at or below it cash, or bank if asked."""
    if by_bank(principal, threshold):
        if not bank_given:
            raise BankAccountRequired(amount=str(principal), threshold=str(threshold))
        return Payout.BANK_TRANSFER
    return Payout.BANK_TRANSFER if bank_given else Payout.CASH


def parse_account_number(text: str) -> str:
    """A personal bank account or card number: 12 to 30 digits, spaces and dashes ignored.

    No Luhn check: 存折 and some banks' account numbers do not carry one.
    """
    digits = unicodedata.normalize("NFKC", text).replace(" ", "").replace("-", "")
    if not (digits.isascii() and digits.isdigit() and 12 <= len(digits) <= 30):
        raise BankAccountInvalid(account=mask_account(digits))
    return digits


def mask_account(number: str) -> str:
    """6222 **** 1234: the first four and last four digits, as on screens and receipts."""
    if len(number) < 9:
        return "****"
    return f"{number[:4]} **** {number[-4:]}"


def check_holder(holder: str, member_name: str) -> None:
    """The account must be in the member's own name (户名 = 会员实名)."""
    if normalise_name(unicodedata.normalize("NFKC", holder)) != normalise_name(
        unicodedata.normalize("NFKC", member_name)
    ):
        raise HolderNotMember()


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def parse_id_number(text: str) -> str:
    """An 18-character 居民身份证号码 with its GB 11643-1999 check character (X upper case)."""
    number = unicodedata.normalize("NFKC", text).strip().upper()
    body, check = number[:17], number[17:]
    if not (len(number) == 18 and body.isascii() and body.isdigit()):
        raise IdNumberInvalid()
    total = sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True))
    if _ID_CHECK[total % 11] != check:
        raise IdNumberInvalid()
    return number


def mask_id_number(number: str) -> str:
    """1101**********1234: region prefix and last four kept, birth date hidden."""
    if len(number) < 8:
        return "****"
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


@dataclass(frozen=True)
class BankPayout:
    """Where the principal goes and whose identity was checked, as the cashier enters it."""

    account: str
    holder: str
    bank: str
    id_number: str

    @classmethod
    def read(cls, *, account: str, holder: str, bank: str, id_number: str) -> BankPayout:
        return cls(
            account=parse_account_number(account),
            holder=normalise_name(holder),
            bank=" ".join(bank.split()),
            id_number=parse_id_number(id_number),
        )

    @property
    def masked_account(self) -> str:
        return mask_account(self.account)

    @property
    def masked_id(self) -> str:
        return mask_id_number(self.id_number)
