"""Receipts of committed commands: built by services.receipts, queued, printed, filed as PDF.

Hardware and the print-job store are imported here, and this module only when a command prints:
commands that print nothing never load reportlab or python-escpos.
"""

from __future__ import annotations

from typing import Any

from frontdesk.cli.errors import UsageError
from frontdesk.cli.output import Outcome
from frontdesk.cli.paths import devices_path
from frontdesk.cli.session import Session
from frontdesk.domain.receipt import Receipt
from frontdesk.printing_setup import pdf_copy, print_queue
from frontdesk.services import receipt_making
from frontdesk.services.printing import Delivery, PrinterFault, PrintQueue


def wanted(s: Session) -> bool:
    """A receipt prints when this till has a device file (or --print), unless --no-print."""
    return not s.args.no_print and (s.args.print_receipt or devices_path(s.args.db).exists())


def print_result(s: Session, kind: str, outcome: Outcome) -> None:
    """Print the receipt of a committed command; a printer fault is a warning, never a failure."""
    receipt = _receipt_of(s, kind, outcome.result)
    if receipt is None:
        return
    queue, faults = queue_of(s)
    queue.submit(receipt)
    if not faults and queue.last_delivery is Delivery.SENT:
        # The printer reports no status: the till knows the bytes left, not that paper came out.
        outcome.warnings.append(s.say("said_receipt_sent", receipt_no=receipt.header.receipt_no))
    fault = pdf_copy(devices_path(s.args.db), receipt)
    if fault is not None:
        outcome.warnings.append(s.say("said_warning", text=fault.text(s.lang)))
    if faults:
        outcome.warnings.append(
            s.say("said_print_queued", fault=faults[-1], receipt_no=receipt.header.receipt_no)
        )


def queue_of(s: Session) -> tuple[PrintQueue, list[str]]:
    """The print queue of this till: jobs in its database, the printer from <db>.devices.toml.

    The faults it meets are said in the command's language.
    """
    faults: list[str] = []

    def heard(fault: PrinterFault) -> None:
        faults.append(fault.text(s.lang))

    queue, _store = print_queue(s.engine, devices_path(s.args.db), heard)
    return queue, faults


def _receipt_of(s: Session, kind: str, result: Any) -> Receipt | None:
    if result is None:
        return None  # a sale without --pay is only priced
    if kind == "sale" and result.replayed:  # already committed: its receipt again, as 重印
        return past_receipt(s, result.ticket.receipt_no).as_reprint()
    if kind == "sale":
        return receipt_making.sale(s.ctx, result)
    if kind == "refund":
        return receipt_making.refund(s.ctx, result)
    if kind == "topup":
        return receipt_making.topup(s.ctx, result)
    if kind == "reissue":
        return receipt_making.reissue(s.ctx, result)
    if kind == "return":
        return receipt_making.card_return(s.ctx, result)
    if kind == "cooling_off":
        return receipt_making.cooling_off_refund(s.ctx, result)
    return receipt_making.shift(s.ctx, result)


def past_receipt(s: Session, receipt_no: str) -> Receipt:
    """The receipt as first printed if this till kept it, else rebuilt from the stored ticket."""
    from frontdesk.persistence.print_jobs import SqlitePrintJobStore

    job = SqlitePrintJobStore(s.engine).for_receipt(receipt_no.strip())
    if job is not None:
        return job.receipt
    receipt = receipt_making.past(s.ctx, receipt_no, actor=s.actor())
    if receipt is None:
        raise UsageError("no_receipt", text=receipt_no)
    return receipt
