"""`frontdesk member statement`: a member's 对账单 on screen, or as a PDF with --pdf."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from frontdesk.cli.output import Outcome
from frontdesk.cli.paths import devices_path
from frontdesk.cli.session import Session, day
from frontdesk.services import statement


def _width(text: str) -> int:
    # A terminal gives a Chinese character (and ￥) two columns.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def member_statement(s: Session) -> Outcome:
    a = s.args
    actor = s.actor()
    ms = statement.member_statement(
        s.ctx, actor=actor, member_id=s.member_id(), since=day(a.since), until=day(a.until)
    )
    page = statement.layout(ms, s.lang)
    if a.pdf:
        from frontdesk.hardware.statement_pdf import write_statement_pdf

        write_statement_pdf(page, Path(a.pdf))
    widths = [
        max(_width(c), *(_width(r[i]) for r in page.rows)) for i, c in enumerate(page.columns)
    ]
    table = [
        "  ".join(cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)).rstrip()
        for row in (page.columns, *page.rows)
    ]
    text = "\n".join([page.title, *page.header, *table, *page.footer])
    if a.pdf:
        text += "\n" + s.say("said_pdf_written", path=a.pdf)
    outcome = Outcome(text, ms)
    from frontdesk.cli.printing import wanted  # loads the printing stack only when it may print

    if wanted(s):
        _print_on_receipt_printer(s, page, outcome)
    return outcome


def _print_on_receipt_printer(
    s: Session, page: statement.StatementLayout, outcome: Outcome
) -> None:
    """On the till's receipt printer, like a receipt; a printer fault is a warning only.

    The statement is not a receipt of a transaction, so it is sent at once rather than queued:
    a member standing at the counter asks again if the paper ran out.
    """
    from frontdesk.hardware.escpos_printer import EscposReceiptPrinter
    from frontdesk.hardware.statement_escpos import render_statement
    from frontdesk.printing_setup import device_config
    from frontdesk.services.printing import PrinterFault

    config = device_config(devices_path(s.args.db))
    try:
        EscposReceiptPrinter(config.printer, config.paper).send(
            render_statement(page, config.paper)
        )
    except PrinterFault as fault:
        outcome.warnings.append(s.say("said_statement_not_printed", fault=fault.text(s.lang)))
