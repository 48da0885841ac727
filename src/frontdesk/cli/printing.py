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
from frontdesk.services import membership, receipts
from frontdesk.services.printing import PrintQueue


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
    fault = pdf_copy(devices_path(s.args.db), receipt)
    if fault is not None:
        outcome.warnings.append(f"警告：{fault}")
    if faults:
        outcome.warnings.append(
            f"警告：{faults[-1]}（小票 {receipt.header.receipt_no} 已排队，"
            "可用 frontdesk print pending 补打）"
        )


def queue_of(s: Session) -> tuple[PrintQueue, list[str]]:
    """The print queue of this till: jobs in its database, the printer from <db>.devices.toml."""
    faults: list[str] = []
    queue, _store = print_queue(s.engine, devices_path(s.args.db), faults.append)
    return queue, faults


def who(s: Session, cashier: str) -> receipts.Printed:
    with s.ctx.uow(write=False) as uow:
        store_name = uow.settings.get("store_name") or s.ctx.program.store_name
        till = uow.settings.get("till_no") or ""
        person = uow.staff.get(cashier)
    return receipts.Printed(
        store_name, till.zfill(2), person.name if person is not None else cashier
    )


def _receipt_of(s: Session, kind: str, result: Any) -> Receipt | None:
    program = s.ctx.program
    if result is None:
        return None  # a sale without --pay is only priced
    if kind == "sale":
        if result.replayed:  # the sale was already committed: its receipt again, marked 重印
            return past_receipt(s, result.ticket.receipt_no).as_reprint()
        return receipts.sale_receipt(result, who(s, result.ticket.cashier), program)
    if kind == "refund":
        with s.ctx.uow(write=False) as uow:
            entries = uow.ledger.for_ticket(result.ticket.ticket_id)
        return receipts.refund_receipt(result, who(s, result.ticket.cashier), program, entries)
    if kind == "topup":
        member = membership.member_by_id(s.ctx, result.before.member_id)
        return receipts.topup_receipt(result, who(s, result.ticket.cashier), program, member)
    if kind == "reissue":
        if result.ticket is None:
            return None
        return receipts.reissue_receipt(result, who(s, result.ticket.cashier), program)
    if kind == "return":
        return receipts.card_return_receipt(result, who(s, result.ticket.cashier), program)
    return _shift_receipt(s, result)


def _shift_receipt(s: Session, report: Any) -> Receipt:
    with s.ctx.uow(write=False) as uow:
        store, till = uow.settings.get("store_no"), uow.settings.get("till_no")
        names = {}
        for a in report.approvals:
            if a.approver:
                person = uow.staff.get(a.approver)
                names[a.approver] = person.name if person is not None else a.approver
    cashier = who(s, report.shift.cashier)
    return receipts.shift_receipt(report, cashier, int(store or 0), int(till or 0), names)


def past_receipt(s: Session, receipt_no: str) -> Receipt:
    """The receipt as first printed if this till kept it, else rebuilt from the stored ticket."""
    from frontdesk.persistence.print_jobs import SqlitePrintJobStore

    job = SqlitePrintJobStore(s.engine).for_receipt(receipt_no.strip())
    if job is not None:
        return job.receipt
    with s.ctx.uow(write=False) as uow:
        ticket = uow.tickets.by_receipt(receipt_no.strip())
        if ticket is None:
            raise UsageError("no_receipt", text=receipt_no)
        entries = uow.ledger.for_ticket(ticket.ticket_id)
        original = None if ticket.refund_of is None else uow.tickets.get(ticket.refund_of)
        member = None if ticket.member_id is None else uow.members.get(ticket.member_id)
    return receipts.ticket_receipt(
        ticket,
        who(s, ticket.cashier),
        s.ctx.program,
        entries,
        phone=None if member is None else member.phone,
        original_receipt_no=None if original is None else original.receipt_no,
    )
