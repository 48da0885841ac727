"""A member statement as an A4 PDF, in the embedded CJK font, one table row per movement."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from frontdesk.hardware.cjk_font import register_cjk_font
from frontdesk.services.statement import StatementLayout

_WIDTHS = (30, 16, 30, 30, 18, 16, 14, 20, 16)  # mm, summing to A4's width less the margins


def write_statement_pdf(page: StatementLayout, out: Path) -> None:
    font = register_cjk_font()
    title = ParagraphStyle("title", fontName=font, fontSize=15, leading=20)
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=13)
    story: list[object] = [Paragraph(page.title, title), Spacer(1, 3 * mm)]
    story += [Paragraph(line, body) for line in page.header]
    story.append(Spacer(1, 3 * mm))
    table = Table(
        [list(page.columns), *[list(r) for r in page.rows]],
        colWidths=[w * mm for w in _WIDTHS],
        repeatRows=1,  # the headings again on every page of a long statement
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 7.5),
                ("ALIGN", (4, 0), (-1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f2f2f2")]),
            ]
        )
    )
    story += [table, Spacer(1, 3 * mm)]
    story += [Paragraph(line, body) for line in page.footer]
    out.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(
        str(out), pagesize=A4, leftMargin=12 * mm, rightMargin=12 * mm, title=page.title
    )
    doc.build(story)  # type: ignore[arg-type]
