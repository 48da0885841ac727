"""What a member search typed at the counter means: a phone, its last 4 digits, a card, a name."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import Enum

from frontdesk.domain import errors
from frontdesk.domain.cards import looks_like_card_number, parse_card_number
from frontdesk.domain.members import normalise_name, parse_phone

PHONE_TAIL_DIGITS = 4  # what a member says at the counter: 「尾号 1234」


class MemberQueryKind(Enum):
    PHONE = "phone"
    PHONE_TAIL = "phone_tail"
    CARD = "card"
    NAME = "name"


@dataclass(frozen=True)
class MemberQuery:
    kind: MemberQueryKind
    text: str  # the phone, the last digits, the card number or the part of a name


def read_member_query(text: str) -> MemberQuery:
    """Read a search: 11 digits are a phone, 4 its tail, a card number a card, letters a name.

    Full-width digits typed through an input method count as digits; any other run of digits
    is refused, since it can be none of these and a partial phone would list strangers.
    """
    typed = unicodedata.normalize("NFKC", text).strip()
    digits = typed.replace(" ", "").replace("-", "").removeprefix("+86")
    if not digits:
        raise errors.MemberSearchEmpty()
    if digits.isdigit():
        if len(digits) == PHONE_TAIL_DIGITS:
            return MemberQuery(MemberQueryKind.PHONE_TAIL, digits)
        if looks_like_card_number(digits):
            return MemberQuery(MemberQueryKind.CARD, parse_card_number(digits))
        if len(digits) == 11:
            return MemberQuery(MemberQueryKind.PHONE, parse_phone(digits))
        raise errors.MemberSearchDigits(ref=typed)
    return MemberQuery(MemberQueryKind.NAME, normalise_name(typed))
