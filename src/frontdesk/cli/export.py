"""`frontdesk export KIND --xlsx FILE` and `frontdesk kpi`: the store's data for Excel, its KPIs.

The manager screens' 导出 buttons write the same files through the same service.
"""

from __future__ import annotations

from pathlib import Path

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session, day
from frontdesk.export_setup import export_files
from frontdesk.services import export_files as files


def export(s: Session) -> Outcome:
    a = s.args
    done = files.export_file(
        s.ctx,
        export_files(s.engine),
        actor=s.actor(),
        kind=a.kind,
        path=Path(a.xlsx),
        since=day(a.since),
        until=day(a.until),
        marketing_only=a.marketing_only,
    )
    text = s.say("said_exported", rows=done.total, path=str(done.path))
    return Outcome(text, {"path": str(done.path), "rows": done.rows})


def kpi(s: Session) -> Outcome:
    from frontdesk.sync.hq_kpi import kpi_text

    a = s.args
    if a.pdf:
        k = files.kpi_pdf(
            s.ctx,
            export_files(s.engine),
            actor=s.actor(),
            path=Path(a.pdf),
            as_of=day(a.as_of),
        )
        text = kpi_text(k, s.lang) + "\n" + s.say("said_pdf_written", path=a.pdf)
    else:
        src = export_files(s.engine).source
        k = files.store_kpis_now(s.ctx, src, actor=s.actor(), as_of=day(a.as_of))
        text = kpi_text(k, s.lang)
    return Outcome(text, k)
