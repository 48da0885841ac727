"""Member card numbers (Luhn-checked, never reused, with a generation digit) and card states."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from frontdesk.domain import errors, messages
from frontdesk.domain.numbering import NARROW_STORE_DIGITS, WIDE_STORE_DIGITS, store_digits

# "8" + store (3, or 5 above store 999) + till (2) + serial (7) + generation (1) + Luhn check (1):
# 15 digits, or 17. Neither can be mistaken for an EAN-8/UPC-A/EAN-13 product code, an 11-digit
# phone or an 18-digit ID or payment code, and store + till + serial keeps numbers unique across
# a chain of offline tills. A 15-digit card printed before the chain grew stays valid as it is.
CARD_PREFIX = "8"
CARD_LENGTH = 1 + NARROW_STORE_DIGITS + 11
WIDE_CARD_LENGTH = 1 + WIDE_STORE_DIGITS + 11


def luhn_check_digit(payload: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:  # these positions are doubled once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(number: str) -> bool:
    return number.isdigit() and len(number) >= 2 and luhn_check_digit(number[:-1]) == number[-1]


def make_card_number(store: int, till: int, serial: int, generation: int) -> str:
    if not (0 <= till <= 99 and 0 <= serial <= 9_999_999):
        raise ValueError("till or serial out of range for a card number")
    payload = f"{CARD_PREFIX}{store_digits(store)}{till:02d}{serial:07d}{generation % 10}"
    return payload + luhn_check_digit(payload)


def looks_like_card_number(text: str) -> bool:
    lengths = (CARD_LENGTH, WIDE_CARD_LENGTH)
    return len(text) in lengths and text.startswith(CARD_PREFIX) and text.isdigit()


def parse_card_number(text: str) -> str:
    """Normalise a scanned or typed card number; refuse a misread before any lookup."""
    number = text.strip().replace(" ", "")
    if not looks_like_card_number(number) or not luhn_valid(number):
        raise errors.InvalidCardNumber(card_no=text.strip())
    return number


def card_generation(number: str) -> int:
    return int(number[-2])


class CardState(Enum):
    ACTIVE = "active"
    LOST = "lost"
    FROZEN = "frozen"
    REPLACED = "replaced"
    RETURNED = "returned"

    @property
    def label(self) -> str:
        """The Chinese name; `messages.label(state, lang)` gives it in any language."""
        return messages.label(self)

    @property
    def live(self) -> bool:
        """Still the member's card: usable now or once un-reported or unfrozen."""
        return self in (CardState.ACTIVE, CardState.LOST, CardState.FROZEN)


_REFUSAL = {
    CardState.LOST: errors.CardReportedLost,
    CardState.FROZEN: errors.CardFrozen,
    CardState.REPLACED: errors.CardReplaced,
    CardState.RETURNED: errors.CardReturned,
}


class CardAction(Enum):
    REPORT_LOST = "report_lost"
    UNREPORT = "unreport"
    REPLACE = "replace"
    FREEZE = "freeze"
    UNFREEZE = "unfreeze"
    RETURN = "return"

    @property
    def label(self) -> str:
        """The Chinese name; `messages.label(action, lang)` gives it in any language."""
        return messages.label(self)


# DOMAIN §2: active → lost → active (解挂) | replaced (补卡, terminal); frozen ↔ active;
# returned terminal. A damaged but active card may also be replaced.
_TRANSITIONS: dict[tuple[CardState, CardAction], CardState] = {
    (CardState.ACTIVE, CardAction.REPORT_LOST): CardState.LOST,
    (CardState.LOST, CardAction.UNREPORT): CardState.ACTIVE,
    (CardState.LOST, CardAction.REPLACE): CardState.REPLACED,
    (CardState.ACTIVE, CardAction.REPLACE): CardState.REPLACED,
    (CardState.ACTIVE, CardAction.FREEZE): CardState.FROZEN,
    (CardState.FROZEN, CardAction.UNFREEZE): CardState.ACTIVE,
    (CardState.ACTIVE, CardAction.RETURN): CardState.RETURNED,
    (CardState.FROZEN, CardAction.RETURN): CardState.RETURNED,
    (CardState.LOST, CardAction.RETURN): CardState.RETURNED,
}


def next_state(state: CardState, action: CardAction) -> CardState:
    try:
        return _TRANSITIONS[(state, action)]
    except KeyError:
        raise errors.CardStateChangeRefused(state=state, action=action) from None


def ensure_usable(state: CardState) -> None:
    """A card that is not active never attaches its member; say why."""
    if state is not CardState.ACTIVE:
        raise _REFUSAL[state]()


@dataclass(frozen=True)
class Card:
    card_no: str
    member_id: str
    generation: int
    state: CardState


def next_generation(cards: Sequence[Card]) -> int:
    """A new card's generation digit: one past the member's last card (0 for the first)."""
    return max((c.generation for c in cards), default=-1) + 1


def ensure_no_live_card(cards: Sequence[Card]) -> None:
    """One live card per member: a new card only once every earlier one is replaced or returned.

    A lost or frozen card is still live: it comes back with 解挂/解冻, or goes with 补卡/退卡.
    """
    live = [c for c in cards if c.state.live]
    if live:
        raise errors.LiveCardExists(card_no=live[-1].card_no, state=live[-1].state)


def active_card(cards: Sequence[Card]) -> Card | None:
    """The card a member found by phone pays with: the latest active one, if any."""
    usable = [c for c in cards if c.state is CardState.ACTIVE]
    return usable[-1] if usable else None


class CardKind(Enum):
    """A card records its holder's identity (记名卡) or does not (不记名卡).

    《单用途商业预付卡管理办法（试行）》（商务部令 2012 年第 9 号）第十八条.
    """

    NAMED = "named"  # 记名卡: registered to a member by name and phone; cap ￥5,000 (第十九条)
    BEARER = "bearer"  # 不记名卡: no real-name data; cap ￥1,000 (第十九条), no 挂失 (第二十条)

    @property
    def label(self) -> str:
        return messages.label(self)


# A bearer card's account has no holder: its phone column says bearer:<member id> (unique and
# non-empty, as the column requires, and never a number a person has), so every till and head
# office know the kind from the member row that already travels, as an erased member's erased:.
BEARER_PHONE_PREFIX = "bearer:"


def bearer_phone(member_id: str) -> str:
    return BEARER_PHONE_PREFIX + member_id


def card_kind(phone: str | None) -> CardKind:
    """The kind of every card of the account whose member row has this phone."""
    bearer = bool(phone) and str(phone).startswith(BEARER_PHONE_PREFIX)
    return CardKind.BEARER if bearer else CardKind.NAMED


# 第二十条: 记名卡可挂失；不记名卡不挂失. 补卡 proves the holder by name and phone, which a
# bearer card never recorded, so it cannot be replaced either; 退卡 and freezing stay open to it.
_NOT_FOR_BEARER = (CardAction.REPORT_LOST, CardAction.UNREPORT, CardAction.REPLACE)


def check_kind_allows(kind: CardKind, action: CardAction) -> None:
    if kind is CardKind.BEARER and action in _NOT_FOR_BEARER:
        raise errors.BearerCardRefused(action=action)
