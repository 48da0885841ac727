"""`frontdesk receipt reprint|pdf` and `frontdesk print pending`: past receipts, for staff."""

from __future__ import annotations

from pathlib import Path

from frontdesk.cli.output import Outcome
from frontdesk.cli.printing import past_receipt, queue_of
from frontdesk.cli.session import Session
from frontdesk.services import receipt_making, refund_preview


def reprint(s: Session) -> Outcome:
    actor = s.actor()  # a reprint is a till operation: the operator signs in
    refunded = refund_preview.was_refunded(s.ctx, s.args.receipt_no.strip())
    receipt = past_receipt(s, s.args.receipt_no).as_reprint(refunded=refunded)
    queue, faults = queue_of(s)
    job_id = queue.submit(receipt)
    no = receipt.header.receipt_no
    receipt_making.record_reprint(s.ctx, actor=actor, receipt_no=no)
    return Outcome(
        s.say("said_reprint_queued" if faults else "said_reprinted", receipt_no=no),
        {"job_id": job_id, "receipt_no": no, "printed": not faults},
        warnings=[s.say("said_warning", text=faults[-1])] if faults else [],
    )


def pdf(s: Session) -> Outcome:
    from frontdesk.hardware.pdf_receipt import render_pdf

    s.actor()  # a receipt names the member and what they bought
    receipt = past_receipt(s, s.args.receipt_no)
    out = Path(s.args.out)
    out.write_bytes(render_pdf(receipt))
    data = {"receipt_no": receipt.header.receipt_no, "path": str(out)}
    return Outcome(s.say("said_saved", path=out), data)


def pending(s: Session) -> Outcome:
    from frontdesk.persistence.print_jobs import SqlitePrintJobStore

    queue, faults = queue_of(s)
    printed = queue.flush()
    left = len(SqlitePrintJobStore(s.engine).pending())
    return Outcome(
        s.say("said_print_pending", printed=printed, left=left),
        {"printed": printed, "pending": left},
        warnings=[s.say("said_warning", text=faults[-1])] if faults else [],
    )
