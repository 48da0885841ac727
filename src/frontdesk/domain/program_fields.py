"""The program file's table: every setting, where it is in the file, how it is read, its default.

A new section is new rows here (and its Program fields); `program_file` then checks the file
for it, and refuses a key not listed here as unknown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from frontdesk.domain.counter_rules import CounterRules, ManualMemberDiscount, SameScan
from frontdesk.domain.permissions import ApprovalRules, Operation
from frontdesk.domain.program import (
    BANK_REFUND_ABOVE,
    BEARER_CARD_CAP,
    COOLING_OFF_DAYS,
    NAMED_CARD_CAP,
    RETENTION_DAYS,
    BirthdayWindow,
    PinPolicy,
    SpendOrder,
)
from frontdesk.domain.setting_kinds import (
    Choice,
    ChoiceSet,
    DayOrOff,
    Kind,
    Money,
    Rate,
    Text,
    Whole,
)


@dataclass(frozen=True)
class Field:
    """One setting: where it is in the file, how it is read, its default if it may be left out."""

    attribute: str  # the Program field it fills
    section: str
    key: str
    kind: Kind
    default: Any = ...  # the value when the key is left out; ... (Ellipsis): the file must say it


_A = ApprovalRules()  # the defaults of [approvals]

# Every single setting of the program file. A new section is new rows here (and its Program
# fields); the file is then checked for it, and a key not listed here is refused as unknown.
FIELDS: tuple[Field, ...] = (
    Field("store_name", "store", "name", Text()),
    Field("tier_hold_months", "tier", "hold_months", Whole(1, 120)),
    Field("tier_window_months", "tier", "window_months", Whole(1, 120)),
    Field("birthday_window", "birthday", "window", Choice(BirthdayWindow)),
    Field("birthday_points_multiplier", "birthday", "points_multiplier", Whole(1, 10)),
    Field("member_day_of_month", "member_day", "day_of_month", DayOrOff(), default=None),
    Field("member_day_points_multiplier", "member_day", "points_multiplier", Whole(1, 10)),
    Field("redemption_block_points", "points", "redemption_block_points", Whole(1, 10**9)),
    Field("redemption_block_value", "points", "redemption_block_value", Money(positive=True)),
    Field("points_expiry_years_after", "points", "expiry_years_after", Whole(0, 50)),
    Field("points_expiry_warning_days", "points", "expiry_warning_days", Whole(0, 366)),
    Field("spend_order", "stored_value", "spend_order", Choice(SpendOrder)),
    # Optional so a program head office published before the cap existed still loads.
    Field(
        "balance_cap", "stored_value", "balance_cap", Money(positive=True), default=NAMED_CARD_CAP
    ),
    Field(
        "bearer_balance_cap",
        "stored_value",
        "bearer_card_cap",
        Money(positive=True),
        default=BEARER_CARD_CAP,
    ),
    Field(
        "bank_refund_above",
        "stored_value",
        "bank_refund_above",
        Money(),
        default=BANK_REFUND_ABOVE,
    ),
    Field(
        "cooling_off_days",
        "stored_value",
        "cooling_off_days",
        Whole(COOLING_OFF_DAYS, 366),  # the law's 7 days is the least a chain may give
        default=COOLING_OFF_DAYS,
    ),
    Field(
        "retention_days",
        "privacy",
        "retention_days",
        Whole(COOLING_OFF_DAYS, 3650),  # never before a cooling-off refund could still be asked
        default=RETENTION_DAYS,
    ),
    Field("pin_length", "pin", "length", Whole(4, 12)),
    Field("pin_policy", "pin", "required", Choice(PinPolicy)),
    Field("pin_above_amount", "pin", "above_amount", Money()),
    Field("pin_max_tries", "pin", "max_tries", Whole(1, 20)),
    Field("staff_pin_max_tries", "pin", "staff_max_tries", Whole(1, 20)),
    Field("reissue_fee", "card", "reissue_fee", Money()),
    Field("offline_after_minutes", "offline", "after_minutes", Whole(1, 60 * 24 * 365)),
    Field("offline_cap_per_card_per_day", "offline", "cap_per_card_per_day", Money()),
    # [approvals], every key optional (DOMAIN §7's defaults); "approvals.x" fills ApprovalRules.x.
    Field(
        "approvals.lifetime_minutes",
        "approvals",
        "lifetime_minutes",
        Whole(1, 24 * 60),
        _A.lifetime_minutes,
    ),
    Field(
        "approvals.distinct_approver",
        "approvals",
        "distinct_approver",
        ChoiceSet(Operation),
        _A.distinct_approver,
    ),
    Field("approvals.max_tries", "approvals", "max_tries", Whole(1, 20), _A.max_tries),
    Field(
        "approvals.cooloff_minutes",
        "approvals",
        "cooloff_minutes",
        Whole(1, 24 * 60),
        _A.cooloff_minutes,
    ),
)
_C = CounterRules()  # the defaults of [counter]
COUNTER_FIELDS: tuple[Field, ...] = (
    Field(
        "counter.confirm_topup_above",
        "counter",
        "confirm_topup_above",
        Money(),
        _C.confirm_topup_above,
    ),
    Field(
        "counter.confirm_over_short_above",
        "counter",
        "confirm_over_short_above",
        Money(),
        _C.confirm_over_short_above,
    ),
    Field("counter.same_scan", "counter", "same_scan", Choice(SameScan), _C.same_scan),
    Field(
        "counter.discount_without_approval",
        "counter",
        "discount_without_approval",
        Money(),
        _C.discount_without_approval,
    ),
    Field(
        "counter.manual_member_discount",
        "counter",
        "manual_member_discount",
        Choice(ManualMemberDiscount),
        _C.manual_member_discount,
    ),
)
FIELDS = (*FIELDS, *COUNTER_FIELDS)
# Program fields made of several settings: "approvals.lifetime_minutes" goes to approvals.
COMPOSITES: dict[str, Callable[..., Any]] = {"approvals": ApprovalRules, "counter": CounterRules}
# The keys of one [[tiers]] table and of one [[stored_value.topup_bonus]] table.
TIER_FIELDS: dict[str, Kind] = {
    "code": Text(),
    "name": Text(),
    "pay_rate": Rate(Decimal(1)),  # a discount between 0 and 100 %
    "points_per_yuan": Rate(Decimal(100)),
    "birthday_pay_rate": Rate(Decimal(1)),
    "min_12m_spend": Money(positive=True),
    "min_single_ticket": Money(positive=True),
    "min_12m_points": Whole(1, 10**12),
}
OPTIONAL_TIER_KEYS = ("birthday_pay_rate", "min_12m_spend", "min_single_ticket", "min_12m_points")
THRESHOLDS = ("min_12m_spend", "min_single_ticket", "min_12m_points")
BONUS_FIELDS: dict[str, Kind] = {"min_topup": Money(positive=True), "bonus": Money()}
LISTS = {"tiers": "", "topup_bonus": "stored_value"}  # array-of-tables key → its section
