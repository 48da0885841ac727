"""A committed operation's receipt, made from its result and the store: one maker for every caller.

`services.receipts` lays a receipt out from what it is given; this module fetches what the
header and the body need from the till's own books (store name, till number, the cashier's and
approvers' names, a refund's ledger entries, a top-up member's view), so the window and the CLI
build the same receipt the same way. The `*_in` makers read inside a given transaction: a sale
or refund calls them before its commit to write the receipt's print job with it.
"""

from __future__ import annotations

from frontdesk.domain.permissions import Operation
from frontdesk.domain.pricing import PricedTicket
from frontdesk.domain.receipt import Receipt
from frontdesk.services import membership, receipts
from frontdesk.services.accounts import TopUp
from frontdesk.services.context import TillContext
from frontdesk.services.cooling_off import CoolingOffRefund, cooling_off_receipt
from frontdesk.services.held_tickets import HeldTicket
from frontdesk.services.membership import Reissued, Returned
from frontdesk.services.ports import UnitOfWork
from frontdesk.services.refund import RefundResult
from frontdesk.services.sale import SaleResult
from frontdesk.services.shifts import ShiftReport
from frontdesk.services.staff import authorize_in


def who(ctx: TillContext, cashier: str) -> receipts.Printed:
    """Store, till and cashier as every receipt header prints them."""
    with ctx.uow(write=False) as uow:
        return who_in(ctx, uow, cashier)


def who_in(ctx: TillContext, uow: UnitOfWork, cashier: str) -> receipts.Printed:
    store_name = uow.settings.get("store_name") or ctx.program.store_name
    till = uow.settings.get("till_no") or ""
    person = uow.staff.get(cashier)
    return receipts.Printed(
        store_name, till.zfill(2), person.name if person is not None else cashier
    )


def sale(ctx: TillContext, result: SaleResult) -> Receipt:
    with ctx.uow(write=False) as uow:
        return sale_in(ctx, uow, result)


def sale_in(ctx: TillContext, uow: UnitOfWork, result: SaleResult) -> Receipt:
    return receipts.sale_receipt(result, who_in(ctx, uow, result.ticket.cashier), ctx.program)


def refund(ctx: TillContext, result: RefundResult) -> Receipt:
    with ctx.uow(write=False) as uow:
        return refund_in(ctx, uow, result)


def refund_in(ctx: TillContext, uow: UnitOfWork, result: RefundResult) -> Receipt:
    entries = uow.ledger.for_ticket(result.ticket.ticket_id)
    printed = who_in(ctx, uow, result.ticket.cashier)
    return receipts.refund_receipt(result, printed, ctx.program, entries)


def topup(ctx: TillContext, result: TopUp) -> Receipt:
    with ctx.uow(write=False) as uow:
        return topup_in(ctx, uow, result)


def topup_in(ctx: TillContext, uow: UnitOfWork, result: TopUp) -> Receipt:
    member = membership.member_in(ctx, uow, result.before.member_id)
    printed = who_in(ctx, uow, result.ticket.cashier)
    return receipts.topup_receipt(result, printed, ctx.program, member)


def reissue(ctx: TillContext, result: Reissued) -> Receipt | None:
    with ctx.uow(write=False) as uow:
        return reissue_in(ctx, uow, result)


def reissue_in(ctx: TillContext, uow: UnitOfWork, result: Reissued) -> Receipt | None:
    """补卡 with its fee; a waived fee made no ticket, so there is nothing to print (None)."""
    if result.ticket is None:
        return None
    return receipts.reissue_receipt(result, who_in(ctx, uow, result.ticket.cashier), ctx.program)


def card_return(ctx: TillContext, result: Returned) -> Receipt:
    with ctx.uow(write=False) as uow:
        return card_return_in(ctx, uow, result)


def card_return_in(ctx: TillContext, uow: UnitOfWork, result: Returned) -> Receipt:
    printed = who_in(ctx, uow, result.ticket.cashier)
    return receipts.card_return_receipt(result, printed, ctx.program)


def cooling_off_refund(ctx: TillContext, result: CoolingOffRefund) -> Receipt:
    printed = who(ctx, result.ticket.cashier)
    return cooling_off_receipt(
        result, printed.store_name, printed.till, printed.cashier, ctx.program.cooling_off_days
    )


def shift(ctx: TillContext, report: ShiftReport) -> Receipt:
    """交班报表, with every approver named as the staff list has them."""
    with ctx.uow(write=False) as uow:
        store, till = uow.settings.get("store_no"), uow.settings.get("till_no")
        names = {}
        for approval in report.approvals:
            if approval.approver:
                person = uow.staff.get(approval.approver)
                names[approval.approver] = person.name if person else approval.approver
            # A member's act (points, PIN, tier) names them, never by their id.
            member = uow.members.get(approval.subject) if approval.subject else None
            if member is not None and approval.subject:
                names[approval.subject] = member.name
    cashier = who(ctx, report.shift.cashier)
    return receipts.shift_receipt(report, cashier, int(store or 0), int(till or 0), names)


def held(ctx: TillContext, ticket: HeldTicket, priced: PricedTicket) -> Receipt:
    """挂单小票 of a ticket just held, with the barcode that recalls it."""
    return receipts.held_slip(ticket, priced, who(ctx, ticket.staff_no))


def past(ctx: TillContext, receipt_no: str, *, actor: str) -> Receipt | None:
    """A past ticket's receipt rebuilt from the books (for 重印 when no print job kept it)."""
    with ctx.uow(write=False) as uow:
        authorize_in(uow, actor, Operation.REPRINT)
        ticket = uow.tickets.by_receipt(receipt_no.strip())
        if ticket is None:
            return None
        entries = uow.ledger.for_ticket(ticket.ticket_id)
        original = None if ticket.refund_of is None else uow.tickets.get(ticket.refund_of)
        member = None if ticket.member_id is None else uow.members.get(ticket.member_id)
    return receipts.ticket_receipt(
        ticket,
        who(ctx, ticket.cashier),
        ctx.program,
        entries,
        phone=None if member is None else member.phone,
        original_receipt_no=None if original is None else original.receipt_no,
    )


def record_reprint(ctx: TillContext, *, actor: str, receipt_no: str) -> None:
    """重打小票 goes in the audit log: a reprint is paper anyone could show as a sale."""
    with ctx.uow() as uow:
        authorize_in(uow, actor, Operation.REPRINT)  # DOMAIN §7's table decides, as everywhere
        uow.audit.add(at=ctx.now(), actor=actor, action="receipt_reprint", subject=receipt_no)
        uow.commit()
