"""Receipts of a sale, a refund and a top-up, from what the use case returned."""

from __future__ import annotations

from collections.abc import Sequence

from frontdesk.domain.ledger import LedgerEntry
from frontdesk.domain.program import Program
from frontdesk.domain.receipt import Figure, MemberBlock, Receipt, ReceiptKind
from frontdesk.services.accounts import TopUp
from frontdesk.services.checkout import RefundResult, SaleResult
from frontdesk.services.membership import MemberView
from frontdesk.services.receipts.parts import (
    FOOTER,
    Moved,
    Printed,
    _balances,
    _header,
    _lines,
    _notes,
    _savings,
    _tenders,
    _tier_name,
)
from frontdesk.services.receipts.past import ticket_receipt
from frontdesk.services.records import Ticket


def sale_receipt(result: SaleResult, who: Printed, program: Program) -> Receipt:
    """The sale as the member sees it; a replayed sale (no before/after) prints from the ticket."""
    ticket = result.ticket
    before, after = result.member_before, result.member_after
    if before is None or after is None:
        return ticket_receipt(ticket, who, program)
    tenders, change = _tenders(ticket)
    member = MemberBlock(
        masked_phone=after.masked_phone,
        tier_name=_tier_name(program, ticket.tier) or after.tier_name,
        points_before=before.points,
        points_earned=ticket.points_earned,
        points_redeemed=ticket.redeemed_points,
        points_after=after.points,
        balances=_balances((before.principal, after.principal), (before.bonus, after.bonus)),
        points_expiring=0 if after.expiring is None else after.expiring.points,
        points_expiring_on=None if after.expiring is None else after.expiring.on,
        upgraded_to=_tier_name(program, result.upgraded_to) or None,
    )
    return Receipt(
        header=_header(ticket, ReceiptKind.SALE, who),
        lines=_lines(ticket),
        savings=_savings(ticket),
        total=ticket.total,
        tenders=tenders,
        change=change,
        member=member,
        text_lines=(*_approved_by(ticket), *_notes(ticket)),
        footer=FOOTER,
    )


def _approved_by(ticket: Ticket) -> tuple[str, ...]:
    """A sale's 改价 or discount above the limit names the manager who approved it."""
    return (f"审批店长：{ticket.approver}",) if ticket.approver else ()


def refund_receipt(
    result: RefundResult, who: Printed, program: Program, entries: Sequence[LedgerEntry] = ()
) -> Receipt:
    """退货: figures printed positive under 退 labels; `entries` are the refund's ledger entries.

    Points: 积分退回 is what the sale redeemed and comes back, 积分扣回 what it earned and goes.
    Without the entries only the net movement is known and it is printed on the matching line.
    """
    ticket = result.ticket
    tenders, _ = _tenders(ticket, sign=-1)
    moved = Moved.of(entries) if entries else _net_points(ticket.points_earned)
    member = None
    after = result.member_after
    if after is not None:
        member = MemberBlock(
            masked_phone=after.masked_phone,
            tier_name=after.tier_name,
            points_before=after.points - moved.points_in + moved.points_out,
            points_earned=moved.points_in,
            points_redeemed=moved.points_out,
            points_after=after.points,
            balances=_balances(
                (after.principal - moved.principal, after.principal),
                (after.bonus - moved.bonus, after.bonus),
            ),
        )
    notes = [f"原小票：{result.original.receipt_no}"]
    if ticket.approver:
        notes.append(f"审批店长：{ticket.approver}")
    return Receipt(
        header=_header(ticket, ReceiptKind.REFUND, who),
        lines=_lines(ticket, sign=-1),
        savings=_savings(ticket, sign=-1),
        total=-ticket.total,
        tenders=tenders,
        member=member,
        text_lines=tuple(notes),
        footer=FOOTER,
    )


def _net_points(net: int) -> Moved:
    return Moved(points_in=max(net, 0), points_out=max(-net, 0))


def topup_receipt(
    result: TopUp, who: Printed, program: Program, member: MemberView | None = None
) -> Receipt:
    """充值: principal and bonus, balance per bucket before → after; `member` gives the phone."""
    ticket = result.ticket
    tenders, change = _tenders(ticket)
    b, a = result.before, result.after
    block = MemberBlock(
        masked_phone="" if member is None else member.masked_phone,
        tier_name=_tier_name(program, a.tier),
        points_before=b.points,
        points_earned=0,
        points_redeemed=0,
        points_after=a.points,
        balances=_balances((b.principal, a.principal), (b.bonus, a.bonus)),
        points_expiring=0 if member is None or member.expiring is None else member.expiring.points,
        points_expiring_on=None
        if member is None or member.expiring is None
        else member.expiring.on,
    )
    return Receipt(
        header=_header(ticket, ReceiptKind.TOP_UP, who),
        figures=(Figure("充值本金", result.principal), Figure("赠送赠金", result.bonus)),
        total=ticket.total,
        tenders=tenders,
        change=change,
        member=block,
        footer=FOOTER,
    )
