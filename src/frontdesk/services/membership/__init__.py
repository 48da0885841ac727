"""Members and their cards: register, issue, look up at the counter, 挂失/解挂/补卡/冻结/退卡."""

from frontdesk.services.membership.card_return import Returned, paid_by_bank, return_card
from frontdesk.services.membership.card_states import Reissued, change_card_state, reissue_card
from frontdesk.services.membership.enrolment import (
    BearerCard,
    Registered,
    _new_card,
    _record_card,
    _record_member,
    issue_bearer_card,
    issue_card,
    register,
)
from frontdesk.services.membership.lookup import (
    MemberView,
    any_card_view,
    card_holder,
    card_of,
    current_tier,
    find_member,
    lookup_card,
    member_by_id,
    member_in,
    member_view,
    record_card_refusal,
    usable_card,
    usable_holder,
)
from frontdesk.services.membership.member_settings import lock_tier, set_pin

__all__ = [
    "BearerCard",
    "MemberView",
    "Registered",
    "Reissued",
    "Returned",
    "_new_card",
    "_record_card",
    "_record_member",
    "any_card_view",
    "card_holder",
    "card_of",
    "change_card_state",
    "current_tier",
    "find_member",
    "issue_bearer_card",
    "issue_card",
    "lock_tier",
    "lookup_card",
    "member_by_id",
    "member_in",
    "member_view",
    "paid_by_bank",
    "record_card_refusal",
    "register",
    "reissue_card",
    "return_card",
    "set_pin",
    "usable_card",
    "usable_holder",
]
