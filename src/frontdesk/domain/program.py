"""The membership program a chain runs: tiers, discounts, bonuses, points and limits, validated."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from frontdesk.domain.money import Fen
from frontdesk.domain.permissions import ApprovalRules, Operation


class SpendOrder(Enum):
    PROPORTIONAL = "proportional"
    PRINCIPAL_FIRST = "principal_first"
    BONUS_FIRST = "bonus_first"


class BirthdayWindow(Enum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class PinPolicy(Enum):
    ALWAYS = "always"
    ABOVE_AMOUNT = "above_amount"


@dataclass(frozen=True)
class TierRule:
    code: str
    name: str
    pay_rate: Decimal  # fraction paid: 0.90 is 9折
    points_per_yuan: Decimal
    birthday_pay_rate: Decimal | None  # None: the birthday benefit is double points only
    min_12m_spend: Fen | None
    min_single_ticket: Fen | None
    min_12m_points: int | None


@dataclass(frozen=True)
class BonusRule:
    min_topup: Fen
    bonus: Fen


# 单用途商业预付卡管理办法（试行）（商务部 2012）第十九条: a named card (记名卡)
# holds at most ￥5,000.
NAMED_CARD_CAP = Fen(500_000)


@dataclass(frozen=True)
class Program:
    """Every number of the membership program; DOMAIN.md gives the defaults and their sources."""

    tiers: tuple[TierRule, ...]  # lowest first; the first is what registering gives
    tier_hold_months: int
    tier_window_months: int
    birthday_window: BirthdayWindow
    birthday_points_multiplier: int
    member_day_of_month: int | None
    member_day_points_multiplier: int
    redemption_block_points: int
    redemption_block_value: Fen
    points_expiry_years_after: int
    points_expiry_warning_days: int
    topup_bonuses: tuple[BonusRule, ...]  # ascending by min_topup
    spend_order: SpendOrder
    pin_length: int
    pin_policy: PinPolicy
    pin_above_amount: Fen
    pin_max_tries: int
    staff_pin_max_tries: int
    reissue_fee: Fen
    offline_after_minutes: int
    offline_cap_per_card_per_day: Fen
    store_name: str
    # 单用途商业预付卡管理办法（试行）（商务部 2012）: a named card (记名卡) holds at most ￥5,000.
    balance_cap: Fen = NAMED_CARD_CAP
    approvals: ApprovalRules = field(default_factory=ApprovalRules)

    def tier(self, code: str) -> TierRule:
        for rule in self.tiers:
            if rule.code == code:
                return rule
        raise KeyError(code)

    def tier_rank(self, code: str) -> int:
        return [t.code for t in self.tiers].index(code)

    @property
    def entry_tier(self) -> TierRule:
        return self.tiers[0]

    def topup_bonus(self, amount: Fen) -> Fen:
        """The bonus of the highest rule reached, once per top-up."""
        reached = [r.bonus for r in self.topup_bonuses if amount >= r.min_topup]
        return reached[-1] if reached else Fen(0)


class ProgramInvalid(Exception):
    """The program file is wrong; the message names the field and the reason."""

    def __init__(self, source: str, field: str, reason: str) -> None:
        self.source, self.field, self.reason = source, field, reason
        super().__init__(f"{source}: {field}: {reason}")


class _Reader:
    """Reads typed fields out of the parsed TOML, naming the exact field when one is wrong."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, field: str, reason: str) -> ProgramInvalid:
        return ProgramInvalid(self.source, field, reason)

    def get(self, data: Mapping[str, Any], path: str, key: str) -> Any:
        if key not in data:
            raise self.fail(f"{path}{key}", "missing")
        return data[key]

    def table(self, data: Mapping[str, Any], path: str, key: str) -> Mapping[str, Any]:
        value = self.get(data, path, key)
        if not isinstance(value, Mapping):
            raise self.fail(f"{path}{key}", "must be a table")
        return value

    def integer(self, data: Mapping[str, Any], path: str, key: str, low: int, high: int) -> int:
        value = self.get(data, path, key)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(f"{path}{key}", f"must be a whole number, got {value!r}")
        if not low <= value <= high:
            raise self.fail(f"{path}{key}", f"must be between {low} and {high}, got {value}")
        return value

    def money(self, data: Mapping[str, Any], path: str, key: str) -> Fen:
        value = self.get(data, path, key)
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise self.fail(
                f"{path}{key}", f'must be an amount in yuan as text, e.g. "100.00", got {value!r}'
            )
        try:
            amount = Fen.of(value)
        except ValueError as exc:
            raise self.fail(f"{path}{key}", str(exc)) from exc
        if amount.value < 0:
            raise self.fail(f"{path}{key}", "must not be negative")
        return amount

    def optional_money(self, data: Mapping[str, Any], path: str, key: str) -> Fen | None:
        return self.money(data, path, key) if key in data else None

    def rate(self, data: Mapping[str, Any], path: str, key: str, high: Decimal) -> Decimal:
        value = self.get(data, path, key)
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise self.fail(
                f"{path}{key}", f'must be a decimal written as text, e.g. "0.95", got {value!r}'
            )
        try:
            rate = Decimal(str(value))
        except InvalidOperation as exc:
            raise self.fail(f"{path}{key}", f"not a number: {value!r}") from exc
        if not rate.is_finite() or not Decimal(0) < rate <= high:
            raise self.fail(f"{path}{key}", f"must be above 0 and at most {high}, got {value}")
        return rate

    def text(self, data: Mapping[str, Any], path: str, key: str) -> str:
        value = self.get(data, path, key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{path}{key}", "must be non-empty text")
        return value

    def choice(self, data: Mapping[str, Any], path: str, key: str, enum: type[Enum]) -> Any:
        value = self.get(data, path, key)
        allowed = [m.value for m in enum]
        if value not in allowed:
            raise self.fail(f"{path}{key}", f"must be one of {', '.join(allowed)}, got {value!r}")
        return enum(value)


def _lawful_spend_order(r: _Reader, sv_t: Mapping[str, Any]) -> SpendOrder:
    order: SpendOrder = r.choice(sv_t, "stored_value.", "spend_order", SpendOrder)
    # Refused, not warned: spending 本金 first leaves a member who returns the card nothing to be
    # refunded but bonus they forfeit, while 法释〔2025〕4号 values what was consumed in
    # proportion to principal and bonus. bonus_first only ever leaves more principal to refund.
    if order is SpendOrder.PRINCIPAL_FIRST:
        raise r.fail(
            "stored_value.spend_order",
            "principal_first is not allowed: refunds of prepaid value must stay lawful "
            "(法释〔2025〕4号); use proportional (default) or bonus_first",
        )
    return order


def program_from_mapping(data: Mapping[str, Any], source: str = "program.toml") -> Program:
    """Build and validate a Program from parsed TOML; raise ProgramInvalid naming the field."""
    r = _Reader(source)
    tiers_raw = r.get(data, "", "tiers")
    if not isinstance(tiers_raw, list) or not tiers_raw:
        raise r.fail("tiers", "must be a non-empty list of [[tiers]] tables")
    tiers: list[TierRule] = []
    for i, raw in enumerate(tiers_raw):
        p = f"tiers[{i}]."
        if not isinstance(raw, Mapping):
            raise r.fail(f"tiers[{i}]", "must be a table")
        birthday = raw.get("birthday_pay_rate")
        tiers.append(
            TierRule(
                code=r.text(raw, p, "code"),
                name=r.text(raw, p, "name"),
                pay_rate=r.rate(raw, p, "pay_rate", Decimal(1)),
                points_per_yuan=r.rate(raw, p, "points_per_yuan", Decimal(100)),
                birthday_pay_rate=None
                if birthday is None
                else r.rate(raw, p, "birthday_pay_rate", Decimal(1)),
                min_12m_spend=r.optional_money(raw, p, "min_12m_spend"),
                min_single_ticket=r.optional_money(raw, p, "min_single_ticket"),
                min_12m_points=r.integer(raw, p, "min_12m_points", 0, 10**12)
                if "min_12m_points" in raw
                else None,
            )
        )
    codes = [t.code for t in tiers]
    if len(set(codes)) != len(codes):
        raise r.fail("tiers", f"tier codes must be unique, got {codes}")
    for i, t in enumerate(tiers[1:], start=1):
        if t.min_12m_spend is None and t.min_single_ticket is None and t.min_12m_points is None:
            raise r.fail(f"tiers[{i}]", "a tier above the first needs at least one threshold")
        if t.pay_rate > tiers[i - 1].pay_rate:
            raise r.fail(
                f"tiers[{i}].pay_rate", "a higher tier must not pay more than the one below"
            )

    tier_t = r.table(data, "", "tier")
    birthday_t = r.table(data, "", "birthday")
    member_day_t = r.table(data, "", "member_day")
    points_t = r.table(data, "", "points")
    sv_t = r.table(data, "", "stored_value")
    pin_t = r.table(data, "", "pin")
    card_t = r.table(data, "", "card")
    offline_t = r.table(data, "", "offline")
    store_t = r.table(data, "", "store")

    bonuses_raw = r.get(sv_t, "stored_value.", "topup_bonus")
    if not isinstance(bonuses_raw, list):
        raise r.fail(
            "stored_value.topup_bonus", "must be a list of [[stored_value.topup_bonus]] tables"
        )
    bonuses = []
    for i, raw in enumerate(bonuses_raw):
        p = f"stored_value.topup_bonus[{i}]."
        if not isinstance(raw, Mapping):
            raise r.fail(p[:-1], "must be a table")
        bonuses.append(BonusRule(r.money(raw, p, "min_topup"), r.money(raw, p, "bonus")))
    if [b.min_topup for b in bonuses] != sorted({b.min_topup for b in bonuses}):
        raise r.fail(
            "stored_value.topup_bonus",
            "rules must be in ascending order of min_topup, without repeats",
        )

    day = member_day_t.get("day_of_month", 0)
    member_day = r.integer(member_day_t, "member_day.", "day_of_month", 0, 28) if day else None

    return Program(
        tiers=tuple(tiers),
        tier_hold_months=r.integer(tier_t, "tier.", "hold_months", 1, 120),
        tier_window_months=r.integer(tier_t, "tier.", "window_months", 1, 120),
        birthday_window=r.choice(birthday_t, "birthday.", "window", BirthdayWindow),
        birthday_points_multiplier=r.integer(birthday_t, "birthday.", "points_multiplier", 1, 10),
        member_day_of_month=member_day,
        member_day_points_multiplier=r.integer(
            member_day_t, "member_day.", "points_multiplier", 1, 10
        ),
        redemption_block_points=r.integer(points_t, "points.", "redemption_block_points", 1, 10**9),
        redemption_block_value=r.money(points_t, "points.", "redemption_block_value"),
        points_expiry_years_after=r.integer(points_t, "points.", "expiry_years_after", 0, 50),
        points_expiry_warning_days=r.integer(points_t, "points.", "expiry_warning_days", 0, 366),
        topup_bonuses=tuple(bonuses),
        spend_order=_lawful_spend_order(r, sv_t),
        pin_length=r.integer(pin_t, "pin.", "length", 4, 12),
        pin_policy=r.choice(pin_t, "pin.", "required", PinPolicy),
        pin_above_amount=r.money(pin_t, "pin.", "above_amount"),
        pin_max_tries=r.integer(pin_t, "pin.", "max_tries", 1, 20),
        staff_pin_max_tries=r.integer(pin_t, "pin.", "staff_max_tries", 1, 20),
        reissue_fee=r.money(card_t, "card.", "reissue_fee"),
        offline_after_minutes=r.integer(offline_t, "offline.", "after_minutes", 1, 60 * 24 * 365),
        offline_cap_per_card_per_day=r.money(offline_t, "offline.", "cap_per_card_per_day"),
        store_name=r.text(store_t, "store.", "name"),
        # Optional so a program head office published before the cap existed still loads.
        balance_cap=(
            r.money(sv_t, "stored_value.", "balance_cap")
            if "balance_cap" in sv_t
            else NAMED_CARD_CAP
        ),
        approvals=_approval_rules(r, r.table(data, "", "approvals") if "approvals" in data else {}),
    )


def _approval_rules(r: _Reader, t: Mapping[str, Any]) -> ApprovalRules:
    """`[approvals]`, optional: a key left out keeps DOMAIN §7's default."""
    d = ApprovalRules()
    p = "approvals."
    names = t.get("distinct_approver", [o.value for o in d.distinct_approver])
    known = {o.value for o in Operation}
    if not isinstance(names, list) or not all(n in known for n in names):
        raise r.fail(f"{p}distinct_approver", f"must be a list of operations, got {names!r}")
    return ApprovalRules(
        lifetime_minutes=r.integer(t, p, "lifetime_minutes", 1, 24 * 60)
        if "lifetime_minutes" in t
        else d.lifetime_minutes,
        distinct_approver=frozenset(Operation(n) for n in names),
        max_tries=r.integer(t, p, "max_tries", 1, 20) if "max_tries" in t else d.max_tries,
        cooloff_minutes=r.integer(t, p, "cooloff_minutes", 1, 24 * 60)
        if "cooloff_minutes" in t
        else d.cooloff_minutes,
    )
