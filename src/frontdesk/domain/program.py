"""The membership program a chain runs: tiers, discounts, bonuses, points and limits."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import ClassVar

from frontdesk.domain.cards import CardKind
from frontdesk.domain.counter_rules import CounterRules
from frontdesk.domain.errors import DomainError
from frontdesk.domain.money import Fen
from frontdesk.domain.permissions import ApprovalRules


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
# holds at most ￥5,000, a bearer card (不记名卡) at most ￥1,000. A chain may set lower caps only.
NAMED_CARD_CAP = Fen(500_000)
BEARER_CARD_CAP = Fen(100_000)
# The same 办法 (退卡 of a named card): above ￥100 the principal goes to a bank account in the
# holder's name, with the holder's identity recorded.
BANK_REFUND_ABOVE = Fen(10_000)
# 法释〔2025〕4号: an unused prepaid amount may be taken back within 7 days.
COOLING_OFF_DAYS = 7
# 个人信息保护法 第十九条 / 第四十七条: personal data kept no longer than its purpose needs; erasure
# waits this many days after the member's last movement (program.toml gives the reasons).
RETENTION_DAYS = 30


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
    # The same 第十九条: a bearer card (不记名卡) holds at most ￥1,000.
    bearer_balance_cap: Fen = BEARER_CARD_CAP
    bank_refund_above: Fen = BANK_REFUND_ABOVE
    cooling_off_days: int = COOLING_OFF_DAYS
    retention_days: int = RETENTION_DAYS
    approvals: ApprovalRules = field(default_factory=ApprovalRules)
    counter: CounterRules = field(default_factory=CounterRules)

    def cap_for(self, kind: CardKind) -> Fen:
        """The most a card of this kind may hold, 本金 + 赠金."""
        return self.bearer_balance_cap if kind is CardKind.BEARER else self.balance_cap

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


class ProgramInvalid(DomainError):
    """The program file is wrong; the message names the file, the field and the reason."""

    key: ClassVar[str] = "program_invalid"

    def __init__(self, source: str, field: str, reason: str, reason_zh: str = "") -> None:
        self.source, self.field, self.reason = source, field, reason
        super().__init__(source=source, field=field, reason=reason, reason_zh=reason_zh or reason)
