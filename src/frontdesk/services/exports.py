"""What a manager exports for Excel: members, tickets, shifts, liability and the store's KPIs.

Each export is a list of tables with plain values, money in integer fen; the spreadsheet adapter
writes fen as yuan. Exporting is a manager's (DOMAIN §7) and is audited, since a member export
holds full phones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from frontdesk.domain import errors
from frontdesk.domain.analytics import Activity, Kpis
from frontdesk.domain.permissions import Operation
from frontdesk.services import store_kpis
from frontdesk.services.context import TillContext
from frontdesk.services.staff import authorize_in


@dataclass(frozen=True)
class ExportTable:
    """One sheet: its title, headings, rows of plain values, and which columns hold fen.

    A sheet of figures (name, value) holds money in some rows only: `money_rows` names them.
    """

    title: str
    heading: tuple[str, ...]
    rows: Sequence[Sequence[object]]
    money_columns: frozenset[int] = field(default_factory=frozenset)
    money_rows: frozenset[int] = field(default_factory=frozenset)

    def is_money(self, row: int, column: int) -> bool:
        return column in self.money_columns or (column > 0 and row in self.money_rows)


class ExportSource(store_kpis.KpiSource, Protocol):
    """Read-only rows for the exports, in one consistent snapshot of the till's store."""

    def members(self, *, marketing_only: bool) -> list[tuple[object, ...]]: ...
    def tickets(self, since: date | None, until: date | None) -> list[tuple[object, ...]]: ...
    def ticket_lines(self, since: date | None, until: date | None) -> list[tuple[object, ...]]: ...
    def tenders(self, since: date | None, until: date | None) -> list[tuple[object, ...]]: ...
    def shifts(self, since: date | None, until: date | None) -> list[tuple[object, ...]]: ...
    def liability(self) -> list[tuple[object, ...]]: ...


class UnknownExport(errors.DomainError):
    key = "unknown_export"


KINDS = ("members", "tickets", "shifts", "liability", "kpis")

MEMBER_HEADING = (
    "会员号", "姓名", "手机号", "生日", "等级", "本金", "赠金", "储值余额", "积分",
    "卡号", "卡状态", "门店", "注册时间", "营销同意",
)  # fmt: skip
TICKET_HEADING = (
    "小票号", "类型", "时间", "收银员", "会员号", "卡号", "原价", "等级折扣", "生日折扣",
    "积分抵现", "实收", "获得积分", "原小票",
)  # fmt: skip
LINE_HEADING = (
    "小票号",
    "行号",
    "条码",
    "品名",
    "单价",
    "数量",
    "原价",
    "会员折扣",
    "积分抵现",
    "实收",
)
TENDER_HEADING = ("小票号", "序号", "支付方式", "金额", "找零", "参考号")
SHIFT_HEADING = ("班次", "收银员", "开班", "交班", "备用金", "清点现金")
LIABILITY_HEADING = ("会员号", "姓名", "本金", "赠金", "储值余额", "积分")
KPI_HEADING = ("指标", "数值")
BAND_HEADING = ("分组", "会员数")


def export(
    ctx: TillContext,
    source: ExportSource,
    *,
    actor: str,
    kind: str,
    since: date | None = None,
    until: date | None = None,
    marketing_only: bool = False,
) -> list[ExportTable]:
    if kind not in KINDS:
        raise UnknownExport(kind=kind)
    now = ctx.now()
    with ctx.uow() as uow:
        authorize_in(uow, actor, Operation.EXPORT)
        if kind == "kpis":
            # As of `until` when given, like the other kinds' last day; today otherwise.
            tables = kpi_tables(store_kpis.compute(source, until or now.date()))
        else:
            tables = _tables(source, kind, since, until, marketing_only)
        uow.audit.add(
            at=now,
            actor=actor,
            action="export",
            subject=kind,
            detail={"rows": sum(len(t.rows) for t in tables), "marketing_only": marketing_only},
        )
        uow.commit()
    return tables


def _tables(
    source: ExportSource, kind: str, since: date | None, until: date | None, marketing: bool
) -> list[ExportTable]:
    if kind == "members":
        rows = source.members(marketing_only=marketing)
        return [ExportTable("会员", MEMBER_HEADING, rows, frozenset({5, 6, 7}))]
    if kind == "tickets":
        return [
            ExportTable(
                "小票", TICKET_HEADING, source.tickets(since, until), frozenset(range(6, 11))
            ),
            ExportTable(
                "明细", LINE_HEADING, source.ticket_lines(since, until), frozenset({4, 6, 7, 8, 9})
            ),
            ExportTable("支付", TENDER_HEADING, source.tenders(since, until), frozenset({3, 4})),
        ]
    if kind == "shifts":
        return [ExportTable("班次", SHIFT_HEADING, source.shifts(since, until), frozenset({4, 5}))]
    return [
        ExportTable("储值与积分负债", LIABILITY_HEADING, source.liability(), frozenset({2, 3, 4}))
    ]


def _share(rate: object) -> float:
    # A share as Excel's percentage: the number 0.4167 shown as 41.67% by the cell's format.
    return float(str(rate))


def kpi_tables(k: Kpis) -> list[ExportTable]:
    """The KPIs as three sheets: the figures, the activity bands and the value bands.

    Shares are fractions (0.4167) so Excel can compute with them; money is fen like every
    export's money, written as yuan.
    """
    v = k.value_bands
    figures: list[tuple[object, ...]] = [
        ("截至", k.as_of.isoformat()),
        ("会员总数", k.members),
        ("近 30 天新增", k.new_members),
        ("增长率", _share(k.growth_rate)),
        ("月活跃率", _share(k.monthly_active_rate)),
        ("留存率", _share(k.retention_rate)),
        ("复购率", _share(k.repurchase_rate)),
        ("休眠占比", _share(k.dormant_share)),
        ("会员客单价", k.member_average_ticket.value),
        ("非会员客单价", k.guest_average_ticket.value),
        ("会员/非会员（倍，目标 3.5）", float(k.member_vs_guest)),
        ("储值负债：本金", k.stored_value_principal.value),
        ("储值负债：赠金", k.stored_value_bonus.value),
        ("积分负债（分）", k.points_liability),
    ]
    money_rows = frozenset({8, 9, 11, 12})  # the two average tickets and the two liabilities
    activity = [(a.label, k.activity[a]) for a in Activity]
    bands = [
        (f"高（近 12 个月消费 ≥ {v.top_from}）", v.top),
        ("中", v.middle),
        ("低", v.bottom),
    ]
    return [
        ExportTable("经营指标", KPI_HEADING, figures, money_rows=money_rows),
        ExportTable("会员活跃度", BAND_HEADING, activity),
        ExportTable("价值分层", BAND_HEADING, bands),
    ]
