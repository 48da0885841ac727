"""Head office's member KPIs across every store (DOMAIN §10), read from what the tills pushed."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import Engine, text

from frontdesk.domain.analytics import (
    ACTIVE_DAYS,
    AT_RISK_DAYS,
    COOLING_DAYS,
    PERIOD_DAYS,
    Activity,
    Kpis,
    ValueBands,
    rate,
)
from frontdesk.domain.money import Fen

# The KPIs of domain/analytics.py computed where the rows are: one statement over members and
# tickets, answering a few numbers, so head office never loads a million members into Python.
# domain/analytics.kpis is the rule and the reference; a test holds the two equal. A stored
# time's day is the date it was written with (its first ten characters), as _day reads it.
_KPI_SQL = """
WITH known AS (
    SELECT member_id, left(created_at, 10)::date AS reg FROM member
     WHERE left(created_at, 10)::date <= :today
), t AS (
    SELECT member_id, left(created_at, 10)::date AS day, total, kind = 'refund' AS refund
      FROM ticket WHERE kind IN ('sale', 'refund') AND left(created_at, 10)::date <= :today
), buyer AS (
    SELECT member_id,
           max(day) FILTER (WHERE NOT refund) AS last_buy,
           count(*) FILTER (WHERE NOT refund AND day > :period) AS buys,
           bool_or(NOT refund AND day > :before AND day <= :period) AS active_before,
           sum(total) FILTER (WHERE day > :year) AS spend
      FROM t WHERE member_id IS NOT NULL GROUP BY member_id
), member_row AS (
    SELECT k.member_id, k.reg, coalesce(b.spend, 0) AS spend,
           (:today - coalesce(b.last_buy, k.reg)) AS idle
      FROM known k LEFT JOIN buyer b USING (member_id)
), ranked AS (
    SELECT spend, row_number() OVER (ORDER BY spend DESC) AS place FROM member_row
), sums AS (
    SELECT count(*) AS members,
           count(*) FILTER (WHERE reg > :period) AS new_members,
           count(*) FILTER (WHERE idle <= :active_days) AS active,
           count(*) FILTER (WHERE idle > :active_days AND idle <= :cooling_days) AS cooling,
           count(*) FILTER (WHERE idle > :cooling_days AND idle <= :at_risk_days) AS at_risk,
           count(*) FILTER (WHERE idle > :at_risk_days) AS dormant
      FROM member_row
)
SELECT s.*,
       (SELECT count(*) FROM buyer WHERE buys > 0) AS buyers,
       (SELECT count(*) FROM buyer WHERE buys >= 2) AS repeat_buyers,
       (SELECT count(*) FROM buyer WHERE active_before) AS active_before,
       (SELECT count(*) FROM buyer WHERE active_before AND buys > 0) AS retained,
       (SELECT spend FROM ranked WHERE place = (s.members * 20 + 50) / 100) AS top_from,
       (SELECT round(avg(total)) FROM t WHERE NOT refund AND day > :period
           AND member_id IS NOT NULL AND member_id <> '') AS member_avg,
       (SELECT round(avg(total)) FROM t WHERE NOT refund AND day > :period
           AND (member_id IS NULL OR member_id = '')) AS guest_avg
  FROM sums s
"""


def chain_kpis(admin: Engine, today: date) -> Kpis:
    """Every store's members, sales and refunds, and the liability in head office's ledger."""
    period = today - timedelta(days=PERIOD_DAYS)
    params = {
        "today": today,
        "period": period,
        "before": period - timedelta(days=PERIOD_DAYS),
        "year": today - timedelta(days=365),
        "active_days": ACTIVE_DAYS,
        "cooling_days": COOLING_DAYS,
        "at_risk_days": AT_RISK_DAYS,
    }
    with admin.connect() as conn:
        r = conn.execute(text(_KPI_SQL), params).one()
        principal, bonus, points = conn.execute(
            text(
                "SELECT coalesce(sum(amount) FILTER (WHERE bucket = 'principal'), 0),"
                " coalesce(sum(amount) FILTER (WHERE bucket = 'bonus'), 0),"
                " coalesce(sum(amount) FILTER (WHERE bucket = 'points'), 0)"
                " FROM member_balance WHERE lot_year = 0"
            )
        ).one()
    members, new = int(r.members), int(r.new_members)
    top = (members * 20 + 50) // 100
    member_avg, guest_avg = Fen(int(r.member_avg or 0)), Fen(int(r.guest_avg or 0))
    ratio = Decimal(0)
    if guest_avg.value:
        ratio = (Decimal(member_avg.value) / Decimal(guest_avg.value)).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )
    bands = {
        Activity.ACTIVE: int(r.active),
        Activity.COOLING: int(r.cooling),
        Activity.AT_RISK: int(r.at_risk),
        Activity.DORMANT: int(r.dormant),
    }
    return Kpis(
        as_of=today,
        members=members,
        new_members=new,
        growth_rate=rate(new, members - new),
        monthly_active_rate=rate(int(r.buyers), members),
        retention_rate=rate(int(r.retained), int(r.active_before)),
        repurchase_rate=rate(int(r.repeat_buyers), int(r.buyers)),
        dormant_share=rate(bands[Activity.DORMANT], members),
        activity=bands,
        value_bands=ValueBands(
            top=top,
            middle=members - 2 * top,
            bottom=top,
            top_from=Fen(int(r.top_from or 0)) if top else Fen(0),
        ),
        member_average_ticket=member_avg,
        guest_average_ticket=guest_avg,
        member_vs_guest=ratio,
        stored_value_principal=Fen(int(principal)),
        stored_value_bonus=Fen(int(bonus)),
        points_liability=int(points),
    )


def _pct(rate: object) -> str:
    return f"{float(str(rate)) * 100:.1f}%"


def kpi_text(k: Kpis) -> str:
    """The KPIs as a head-office analyst reads them, in Chinese."""
    bands = "，".join(f"{a.label} {k.activity[a]}" for a in Activity)
    v = k.value_bands
    return "\n".join(
        [
            f"会员经营指标（截至 {k.as_of.isoformat()}，近 30 天）",
            f"会员总数 {k.members:,}，新增 {k.new_members:,}，增长率 {_pct(k.growth_rate)}",
            f"月活跃率 {_pct(k.monthly_active_rate)}，留存率 {_pct(k.retention_rate)}，"
            f"复购率 {_pct(k.repurchase_rate)}，休眠占比 {_pct(k.dormant_share)}",
            f"活跃度：{bands}",
            f"价值分层（近 12 个月消费）：高 {v.top}（≥{v.top_from}），"
            f"中 {v.middle}，低 {v.bottom}",
            f"客单价：会员 {k.member_average_ticket}，非会员 {k.guest_average_ticket}，"
            f"会员/非会员 {k.member_vs_guest}×（目标 3.5×）",
            f"储值负债：本金 {k.stored_value_principal}，赠金 {k.stored_value_bonus}；"
            f"积分负债 {k.points_liability:,} 分",
        ]
    )
