"""Whether a member's personal data may be erased now (个人信息保护法 第四十七条), and its marker.

第四十七条: a member may have their personal data deleted once its purpose is met; 第十九条: it
is kept no longer than that purpose needs. The purpose of a stored-value member's data is the
card: while money is on it (本金 or 赠金) the data is how the member proves the balance is
theirs, so erasure waits for a zero balance or a 退卡, and then for the program's retention
period after the member's last movement (disputes, the cooling-off refund). The ledger keeps the
member id only, so it and its hash chain outlive the erasure unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from frontdesk.domain.errors import DomainError
from frontdesk.domain.money import Fen

ERASED_NAME = "已删除"  # what a screen shows for an erased member's name, at every till
ERASED_PHONE_PREFIX = "erased:"  # + member id: the phone column stays unique and non-empty


def erased_phone(member_id: str) -> str:
    return ERASED_PHONE_PREFIX + member_id


def erased_profile(member_id: str) -> dict[str, str | None]:
    """Every personal field of an erased member, as every copy of the member says it."""
    return {
        "name": ERASED_NAME,
        "phone": erased_phone(member_id),
        "birthday": None,
        "gender": None,
        "pin_hash": None,  # a 6-digit PIN's hash is guessable, so it goes too
        "tier_lock_reason": None,  # free text a manager typed, which may name the member
        # Nobody left to contact: an erased member never lands on a contact list again.
        "consent_marketing_at": None,
    }


def is_erased(phone: str | None) -> bool:
    return bool(phone) and str(phone).startswith(ERASED_PHONE_PREFIX)


class MemberAlreadyErased(DomainError):
    key = "member_already_erased"


class MemberHasBalance(DomainError):
    key = "erase_balance_left"


class RetentionNotOver(DomainError):
    key = "erase_retention"


@dataclass(frozen=True)
class ErasureState:
    """What the rule needs to know about one member, read by the service."""

    phone: str
    principal: Fen
    bonus: Fen
    card_returned: bool  # a 退卡 was made: its principal is paid out, its bonus forfeited
    last_movement: date | None  # the day of the member's newest ledger entry, if any


def last_keep_day(last_movement: date, retention_days: int) -> date:
    """The last day the data must still be kept; erasure is allowed from the day after."""
    return last_movement + timedelta(days=retention_days)


def check_erasable(state: ErasureState, today: date, retention_days: int) -> None:
    """Refuse unless the member may be erased today; returns nothing when they may."""
    if is_erased(state.phone):
        raise MemberAlreadyErased()
    if not state.card_returned and (state.principal.value != 0 or state.bonus.value != 0):
        raise MemberHasBalance(principal=state.principal.yuan(), bonus=state.bonus.yuan())
    if state.last_movement is not None:
        keep = last_keep_day(state.last_movement, retention_days)
        if today <= keep:
            raise RetentionNotOver(days=retention_days, last_day=keep.isoformat())
