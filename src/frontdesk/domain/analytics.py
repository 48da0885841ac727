"""Member analytics for managers (DOMAIN §10): activity, value bands and the chain's KPIs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

from frontdesk.domain import messages
from frontdesk.domain.money import ZERO, Fen

# Seed 003: active ≤ 30 days, cooling 30–90, at risk 90–180, dormant > 180 since last purchase.
ACTIVE_DAYS, COOLING_DAYS, AT_RISK_DAYS = 30, 90, 180
# The period the monthly figures look at, and the one before it for growth and retention.
PERIOD_DAYS = 30


class Activity(Enum):
    ACTIVE = "active"
    COOLING = "cooling"
    AT_RISK = "at_risk"
    DORMANT = "dormant"

    @property
    def label(self) -> str:
        """The Chinese name; `messages.label(activity, lang)` gives it in any language."""
        return messages.label(self)


def activity(last_purchase: date | None, registered: date, today: date) -> Activity:
    """Days since the last purchase; a member who never bought counts from registering."""
    days = (today - (last_purchase or registered)).days
    if days <= ACTIVE_DAYS:
        return Activity.ACTIVE
    if days <= COOLING_DAYS:
        return Activity.COOLING
    if days <= AT_RISK_DAYS:
        return Activity.AT_RISK
    return Activity.DORMANT


@dataclass(frozen=True)
class MemberFact:
    member_id: str
    registered: date
    store: str


@dataclass(frozen=True)
class TicketFact:
    """A sale (positive total) or refund (negative) as head office holds it."""

    member_id: str | None
    day: date
    total: Fen
    is_refund: bool = False


@dataclass(frozen=True)
class ValueBands:
    """Members ranked by 12-month spend: top 20 %, middle 60 %, bottom 20 % (seed 003)."""

    top: int
    middle: int
    bottom: int
    top_from: Fen  # the smallest 12-month spend still in the top band


@dataclass(frozen=True)
class Kpis:
    as_of: date
    members: int
    new_members: int
    growth_rate: Decimal  # new members of the period / members before it
    monthly_active_rate: Decimal
    retention_rate: Decimal  # active in the period before and again in this one
    repurchase_rate: Decimal  # of the period's buyers, those who bought twice or more
    dormant_share: Decimal
    activity: dict[Activity, int]
    value_bands: ValueBands
    member_average_ticket: Fen
    guest_average_ticket: Fen
    member_vs_guest: Decimal  # seed target 3.5×
    stored_value_principal: Fen
    stored_value_bonus: Fen
    points_liability: int


def rate(part: int, whole: int) -> Decimal:
    """The share part/whole to four places, half up; 0 when there is no whole."""
    if whole == 0:
        return Decimal(0)
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def _average(totals: Sequence[int]) -> Fen:
    if not totals:
        return Fen(0)
    mean = Decimal(sum(totals)) / Decimal(len(totals))
    return Fen(int(mean.quantize(Decimal(1), rounding=ROUND_HALF_UP)))


def value_bands(spend: dict[str, int]) -> ValueBands:
    """Top and bottom fifth by spend (ties broken by member id so every run agrees)."""
    ranked = sorted(spend.items(), key=lambda kv: (-kv[1], kv[0]))
    n = len(ranked)
    top = (n * 20 + 50) // 100  # 20 %, rounded half up
    bottom = (n * 20 + 50) // 100
    top_from = Fen(ranked[top - 1][1]) if top else Fen(0)
    return ValueBands(top=top, middle=n - top - bottom, bottom=bottom, top_from=top_from)


def kpis(
    members: Sequence[MemberFact],
    tickets: Sequence[TicketFact],
    today: date,
    *,
    principal: Fen = ZERO,
    bonus: Fen = ZERO,
    points: int = 0,
) -> Kpis:
    """The KPIs of seed 003 / 000 §S04 as of `today`, over every store."""
    period_start = today - timedelta(days=PERIOD_DAYS)
    before_start = period_start - timedelta(days=PERIOD_DAYS)
    year_start = today - timedelta(days=365)
    known = [m for m in members if m.registered <= today]
    last_purchase: dict[str, date] = {}
    buys_in_period: dict[str, int] = {}
    active_before: set[str] = set()
    spend_12m: dict[str, int] = {m.member_id: 0 for m in known}
    member_tickets: list[int] = []
    guest_tickets: list[int] = []
    for t in tickets:
        if t.day > today:
            continue
        if t.member_id is not None and t.member_id in spend_12m and t.day > year_start:
            spend_12m[t.member_id] += t.total.value
        if t.is_refund:
            continue
        if t.day > period_start:
            (member_tickets if t.member_id else guest_tickets).append(t.total.value)
        if t.member_id is None:
            continue
        if t.member_id not in last_purchase or t.day > last_purchase[t.member_id]:
            last_purchase[t.member_id] = t.day
        if t.day > period_start:
            buys_in_period[t.member_id] = buys_in_period.get(t.member_id, 0) + 1
        elif t.day > before_start:
            active_before.add(t.member_id)

    repeat_buyers = sum(1 for n in buys_in_period.values() if n >= 2)
    bands = dict.fromkeys(Activity, 0)
    for m in known:
        bands[activity(last_purchase.get(m.member_id), m.registered, today)] += 1
    new = sum(1 for m in known if m.registered > period_start)
    before = len(known) - new
    member_avg, guest_avg = _average(member_tickets), _average(guest_tickets)
    ratio = Decimal(0)
    if guest_avg.value:
        ratio = (Decimal(member_avg.value) / Decimal(guest_avg.value)).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )
    return Kpis(
        as_of=today,
        members=len(known),
        new_members=new,
        growth_rate=rate(new, before),
        monthly_active_rate=rate(len(buys_in_period), len(known)),
        retention_rate=rate(len(active_before & buys_in_period.keys()), len(active_before)),
        repurchase_rate=rate(repeat_buyers, len(buys_in_period)),
        dormant_share=rate(bands[Activity.DORMANT], len(known)),
        activity=bands,
        value_bands=value_bands(spend_12m),
        member_average_ticket=member_avg,
        guest_average_ticket=guest_avg,
        member_vs_guest=ratio,
        stored_value_principal=principal,
        stored_value_bonus=bonus,
        points_liability=points,
    )
