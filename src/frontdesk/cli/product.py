"""`frontdesk product import|template`: a standalone till's catalog from a CSV or Excel file."""

from __future__ import annotations

import csv
from pathlib import Path

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.domain.catalog import COLUMNS, TEMPLATE_EXAMPLE, describe, read_catalog
from frontdesk.services import catalog
from frontdesk.services.exports import ExportTable
from frontdesk.sheets.reading import read_sheet
from frontdesk.sheets.writing import write_workbook


def import_file(s: Session) -> Outcome:
    actor = s.actor()
    sheet = read_sheet(Path(s.args.file))
    read = read_catalog(sheet.heading, sheet.rows)
    try:
        done = catalog.import_products(s.ctx, actor=actor, read=read)
    except catalog.CatalogRefused as refused:
        head = refused.message if s.lang == "zh_CN" else refused.message_en
        lines = [describe(p, s.lang) for p in refused.problems]
        data = {"imported": 0, "problems": [vars(p) for p in refused.problems]}
        return Outcome("\n".join([head, *lines]), data, code=2)
    text = s.say(
        "said_products_imported",
        total=done.total,
        added=done.added,
        updated=done.updated,
        unchanged=done.unchanged,
    )
    return Outcome(text, done)


def template(s: Session) -> Outcome:
    """A file to fill in: the headings the import reads and one example row."""
    out = Path(s.args.out)
    column = 0 if s.lang == "zh_CN" else 1
    heading = tuple(names[column] for names in COLUMNS.values())
    if out.suffix.lower() == ".csv":
        # UTF-8 with a BOM: Excel on Windows opens it with the Chinese headings intact.
        with out.open("w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f).writerows([heading, TEMPLATE_EXAMPLE])
    else:
        sheet = s.say("said_products_sheet")
        write_workbook(out, [ExportTable(sheet, heading, [TEMPLATE_EXAMPLE])])
    text = s.say("said_template_written", path=out)
    return Outcome(text, {"path": str(out)})
