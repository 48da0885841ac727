"""`frontdesk export KIND --xlsx FILE`: members, tickets, shifts or liability for Excel."""

from __future__ import annotations

from pathlib import Path

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session, day
from frontdesk.persistence.export_reader import SqlExportSource
from frontdesk.services import exports
from frontdesk.sheets.writing import write_workbook


def export(s: Session) -> Outcome:
    a = s.args
    tables = exports.export(
        s.ctx,
        SqlExportSource(s.engine),
        actor=s.actor(),
        kind=a.kind,
        since=day(a.since),
        until=day(a.until),
        marketing_only=a.marketing_only,
    )
    out = Path(a.xlsx)
    write_workbook(out, tables)
    rows = sum(len(t.rows) for t in tables)
    text = f"已导出 {rows} 行到 {out}" if s.lang == "zh_CN" else f"Exported {rows} rows to {out}"
    return Outcome(text, {"path": str(out), "rows": {t.title: len(t.rows) for t in tables}})
