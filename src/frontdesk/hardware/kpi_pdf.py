"""The member KPIs of DOMAIN §10 as an A4 PDF: the figures, and bar charts of the member bands."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from frontdesk.domain.analytics import Activity, Kpis
from frontdesk.hardware.cjk_font import register_cjk_font
from frontdesk.services.export_files import unwritable


def _pct(rate: object) -> str:
    return f"{float(str(rate)) * 100:.1f}%"


def _bars(title: str, labels: list[str], values: list[float], font: str) -> Drawing:
    drawing = Drawing(85 * mm, 60 * mm)
    chart = VerticalBarChart()
    # reportlab's stubs type the geometry as int; the layout is in points, whole ones suffice.
    chart.x, chart.y = round(12 * mm), round(10 * mm)
    chart.width, chart.height = round(68 * mm), round(40 * mm)
    chart.data = [values]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.HexColor("#3b6ea5")
    drawing.add(chart)
    drawing.add(String(12 * mm, 54 * mm, title, fontName=font, fontSize=9))
    return drawing


def write_kpi_pdf(k: Kpis, scope: str, out: Path) -> None:
    """`scope` names whose KPIs these are (a store, or the whole chain).

    Raises `FileUnwritable` when `out` cannot be written; a file already there is then kept.
    """
    font = register_cjk_font()
    title = ParagraphStyle("title", fontName=font, fontSize=15, leading=20)
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=13)
    v = k.value_bands
    figures = [
        ("会员总数", f"{k.members:,}"),
        ("近 30 天新增", f"{k.new_members:,}"),
        ("增长率", _pct(k.growth_rate)),
        ("月活跃率", _pct(k.monthly_active_rate)),
        ("留存率", _pct(k.retention_rate)),
        ("复购率", _pct(k.repurchase_rate)),
        ("休眠占比", _pct(k.dormant_share)),
        ("会员客单价", str(k.member_average_ticket)),
        ("非会员客单价", str(k.guest_average_ticket)),
        ("会员/非会员", f"{k.member_vs_guest}×（目标 3.5×）"),
        ("储值负债：本金", str(k.stored_value_principal)),
        ("储值负债：赠金", str(k.stored_value_bonus)),
        ("积分负债", f"{k.points_liability:,} 分"),
    ]
    table = Table(figures, colWidths=[45 * mm, 60 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 9),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("ROWBACKGROUNDS", (0, 0), (-1, -1), [colors.white, colors.HexColor("#f2f2f2")]),
            ]
        )
    )
    activity = _bars(
        "会员活跃度", [a.label for a in Activity], [float(k.activity[a]) for a in Activity], font
    )
    bands = _bars(
        f"价值分层（近 12 个月消费，高 ≥{v.top_from}）",
        ["高", "中", "低"],
        [float(v.top), float(v.middle), float(v.bottom)],
        font,
    )
    charts = Table([[activity, bands]], colWidths=[90 * mm, 90 * mm])
    story: list[object] = [
        Paragraph(f"会员经营指标 · {scope}", title),
        Paragraph(f"截至 {k.as_of.isoformat()}（近 30 天）", body),
        Spacer(1, 4 * mm),
        table,
        Spacer(1, 6 * mm),
        charts,
    ]
    # Built beside the target and renamed, so a failed write never leaves half a report.
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=out.parent, suffix=".pdf.part")
        os.close(fd)
        try:
            doc = SimpleDocTemplate(tmp, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm)
            doc.build(story)  # type: ignore[arg-type]
            os.replace(tmp, out)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError as exc:
        raise unwritable(out, exc) from None
