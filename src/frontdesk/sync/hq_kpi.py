"""Head office's member KPIs across every store (DOMAIN §10), read from what the tills pushed."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Engine, text

from frontdesk.domain.analytics import Activity, Kpis, MemberFact, TicketFact, kpis
from frontdesk.domain.money import Fen


def _day(iso: str) -> date:
    return datetime.fromisoformat(iso).date()


def chain_kpis(admin: Engine, today: date) -> Kpis:
    """Every store's members, sales and refunds, and the liability in head office's ledger."""
    with admin.connect() as conn:
        members = [
            MemberFact(r.member_id, _day(r.created_at), r.store)
            for r in conn.execute(text("SELECT member_id, created_at, store FROM member"))
        ]
        tickets = [
            TicketFact(r.member_id, _day(r.created_at), Fen(int(r.total)), r.kind == "refund")
            for r in conn.execute(
                text(
                    "SELECT member_id, created_at, total, kind FROM ticket"
                    " WHERE kind IN ('sale', 'refund')"
                )
            )
        ]
        principal, bonus, points = conn.execute(
            text(
                "SELECT coalesce(sum(principal), 0), coalesce(sum(bonus), 0),"
                " coalesce(sum(points), 0) FROM account_balance"
            )
        ).one()
    return kpis(
        members,
        tickets,
        today,
        principal=Fen(int(principal)),
        bonus=Fen(int(bonus)),
        points=int(points),
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
