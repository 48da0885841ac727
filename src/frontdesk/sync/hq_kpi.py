"""Head office's member KPIs across every store (DOMAIN §10), read from what the tills pushed."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Engine, Row, text
from sqlalchemy.engine import Connection

from frontdesk.domain import messages
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

# The KPIs of domain/analytics.py computed where the rows are, from the summaries the tickets'
# arrival keeps (h0014): per member and day, per member (registration day, first and last
# purchase, spend over the 12-month window; h0020 gives every member a row), per till and
# day. No statement reads the tickets or the member table, none sends a member to Python: a
# few numbers come back. domain/analytics.kpis is the rule and the reference; a
# test holds the two equal over what two tills pushed.
_MEMBERS_SQL = """
WITH member_row AS (
    SELECT a.reg, a.spend_window AS spend,
           :today - coalesce(CASE
               WHEN a.last_buy <= :today THEN a.last_buy
               -- bought after the day asked about: the last purchase up to it, by index
               WHEN a.first_buy <= :today THEN (
                   SELECT max(d.day) FROM member_day d
                    WHERE d.member_id = a.member_id AND d.day <= :today AND d.buys > 0)
           END, a.reg) AS idle
      FROM member_activity a WHERE a.reg <= :today  -- known members (h0020: one row each)
)
SELECT count(*) AS members,
       count(*) FILTER (WHERE reg > :period) AS new_members,
       count(*) FILTER (WHERE idle <= :active_days) AS active,
       count(*) FILTER (WHERE idle > :active_days AND idle <= :cooling_days) AS cooling,
       count(*) FILTER (WHERE idle > :cooling_days AND idle <= :at_risk_days) AS at_risk,
       count(*) FILTER (WHERE idle > :at_risk_days) AS dormant,
       count(*) FILTER (WHERE spend > 0) AS spent,
       count(*) FILTER (WHERE spend < 0) AS refunded
  FROM member_row
"""
# Members who bought in the period and in the one before, from the 60 days of member_day.
_BUYERS_SQL = """
WITH recent AS (
    SELECT member_id, sum(buys) FILTER (WHERE day > :period) AS buys,
           bool_or(buys > 0 AND day <= :period) AS active_before
      FROM member_day WHERE day > :before AND day <= :today GROUP BY member_id
)
SELECT count(*) FILTER (WHERE buys > 0) AS buyers,
       count(*) FILTER (WHERE buys >= 2) AS repeat_buyers,
       count(*) FILTER (WHERE active_before) AS active_before,
       count(*) FILTER (WHERE active_before AND buys > 0) AS retained
  FROM recent
"""
_AVERAGES_SQL = """
SELECT round(sum(member_total)::numeric / nullif(sum(member_sales), 0)) AS member_avg,
       round(sum(guest_total)::numeric / nullif(sum(guest_sales), 0)) AS guest_avg
  FROM till_day WHERE day > :period AND day <= :today
"""
# The spend at a place in the ranking of known members, among those on one side of zero.
_PLACE_SQL = """
SELECT a.spend_window FROM member_activity a WHERE a.reg <= :today AND {side}
 ORDER BY a.spend_window DESC OFFSET :place - 1 LIMIT 1
"""
# The folded balances and the entries not folded yet (h0021), in the same snapshot.
_BALANCES_SQL = """
SELECT coalesce(sum(amount) FILTER (WHERE bucket = 'principal'), 0),
       coalesce(sum(amount) FILTER (WHERE bucket = 'bonus'), 0),
       coalesce(sum(amount) FILTER (WHERE bucket = 'points'), 0)
  FROM (SELECT bucket, amount FROM member_balance WHERE lot_year = 0
        UNION ALL
        SELECT bucket, amount FROM ledger_entry
         WHERE arrival > (SELECT upto FROM arrival_fold)) moves
"""


def _top_from(conn: Connection, params: dict[str, object], top: int, r: Row[Any]) -> int:
    """The spend of the member at place `top` (highest first; members without spend hold 0)."""
    members, spent, refunded = int(r.members), int(r.spent), int(r.refunded)
    if top == 0:
        return 0
    if top <= spent:
        side, place = "a.spend_window > 0", top
    elif top <= members - refunded:
        return 0
    else:
        side, place = "a.spend_window < 0", top - (members - refunded)
    query = text(_PLACE_SQL.format(side=side))
    return int(conn.execute(query, {**params, "place": place}).scalar_one())


def chain_kpis(admin: Engine, today: date) -> Kpis:
    """Every store's members, sales and refunds, and the liability in head office's ledger."""
    period = today - timedelta(days=PERIOD_DAYS)
    params: dict[str, object] = {
        "today": today,
        "period": period,
        "before": period - timedelta(days=PERIOD_DAYS),
        "active_days": ACTIVE_DAYS,
        "cooling_days": COOLING_DAYS,
        "at_risk_days": AT_RISK_DAYS,
    }
    for _ in range(5):
        # What arrived folded into the summaries and the 12-month window moved to today first
        # (their own short transaction: pushes never wait for it), then every figure from one
        # snapshot that has it there.
        with admin.begin() as conn:
            conn.execute(text("SELECT fd_kpi_window(:today)"), params)
        with admin.connect() as base:
            conn = base.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                if conn.execute(text("SELECT ends FROM kpi_window")).scalar_one() != today:
                    continue  # another `hq kpi` moved it meanwhile
                # A few index reads and scans: compiling them (JIT) costs more than it saves.
                conn.execute(text("SET LOCAL work_mem = '64MB'; SET LOCAL jit = off"))
                r = conn.execute(text(_MEMBERS_SQL), params).one()
                b = conn.execute(text(_BUYERS_SQL), params).one()
                avg = conn.execute(text(_AVERAGES_SQL), params).one()
                top = (int(r.members) * 20 + 50) // 100
                top_from = _top_from(conn, params, top, r)
                principal, bonus, points = conn.execute(text(_BALANCES_SQL)).one()
            break
    else:
        raise RuntimeError("the KPI window kept moving under another hq kpi")
    members, new = int(r.members), int(r.new_members)
    member_avg, guest_avg = Fen(int(avg.member_avg or 0)), Fen(int(avg.guest_avg or 0))
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
        monthly_active_rate=rate(int(b.buyers), members),
        retention_rate=rate(int(b.retained), int(b.active_before)),
        repurchase_rate=rate(int(b.repeat_buyers), int(b.buyers)),
        dormant_share=rate(bands[Activity.DORMANT], members),
        activity=bands,
        value_bands=ValueBands(
            top=top, middle=members - 2 * top, bottom=top, top_from=Fen(top_from)
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


def kpi_text(k: Kpis, lang: str = messages.ZH) -> str:
    """The KPIs as a head-office analyst (or a store's manager) reads them, in ``lang``."""

    def say(key: str, **details: object) -> str:
        return messages.say(key, lang, **details)

    bands = say("said_kpi_band_sep").join(
        f"{messages.label(a, lang)} {k.activity[a]}" for a in Activity
    )
    v = k.value_bands
    return "\n".join(
        [
            say("said_kpi_title", on=k.as_of.isoformat()),
            say(
                "said_kpi_members",
                members=f"{k.members:,}",
                joined=f"{k.new_members:,}",
                growth=_pct(k.growth_rate),
            ),
            say(
                "said_kpi_rates",
                active=_pct(k.monthly_active_rate),
                retained=_pct(k.retention_rate),
                repurchase=_pct(k.repurchase_rate),
                dormant=_pct(k.dormant_share),
            ),
            say("said_kpi_activity", bands=bands),
            say("said_kpi_values", top=v.top, top_from=v.top_from, middle=v.middle, low=v.bottom),
            say(
                "said_kpi_tickets",
                member=k.member_average_ticket,
                guest=k.guest_average_ticket,
                ratio=k.member_vs_guest,
            ),
            say(
                "said_kpi_liability",
                principal=k.stored_value_principal,
                bonus=k.stored_value_bonus,
                points=f"{k.points_liability:,}",
            ),
        ]
    )
