"""What a refund would move, before anyone approves it: the same plan the refund commits.

The window shows a receipt's lines with what was already refunded, and for the lines and
quantities picked the money by tender, the stored-value buckets and the points that will move.
The figures come from `domain.refund.plan_refund` over the same rows `services.refund.refund`
reads, so the preview is the refund, not an estimate of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from frontdesk.domain.money import Fen
from frontdesk.domain.permissions import Operation
from frontdesk.domain.refund import RefundPlan, _refunded_quantities, plan_refund
from frontdesk.services.context import TillContext
from frontdesk.services.refund import _sale
from frontdesk.services.staff import authorize


@dataclass(frozen=True)
class RefundableLine:
    line_no: int
    barcode: str
    name: str
    unit_price: Fen
    sold: int
    refunded: int  # by earlier refunds of this receipt
    net: Fen  # what the whole line was paid

    @property
    def left(self) -> int:
        return self.sold - self.refunded


@dataclass(frozen=True)
class RefundPreview:
    receipt_no: str
    sold_at: datetime
    member_name: str | None
    card_no: str | None
    total: Fen  # the sale's total
    lines: tuple[RefundableLine, ...]
    plan: RefundPlan | None  # None while nothing is picked


def preview(
    ctx: TillContext, *, actor: str, receipt_no: str, wanted: Mapping[int, int]
) -> RefundPreview:
    """The receipt's refundable lines and, for ``wanted`` {line_no: quantity}, the refund's plan.

    Refused as the refund would be: an unknown receipt, a quantity above what is left.
    """
    authorize(ctx, actor, Operation.REFUND)
    with ctx.uow(write=False) as uow:
        sale = _sale(uow, receipt_no)
        previous = uow.tickets.refunds_of(sale.ticket_id)
        entries = None if sale.member_id is None else uow.ledger.for_ticket(sale.ticket_id)
        member = None if sale.member_id is None else uow.members.get(sale.member_id)
    done = _refunded_quantities(previous)
    picked = {k: v for k, v in wanted.items() if v}
    plan = plan_refund(sale, previous, picked, entries, ctx.now().year) if picked else None
    return RefundPreview(
        receipt_no=sale.receipt_no,
        sold_at=sale.created_at,
        member_name=None if member is None else member.name,
        card_no=sale.card_no,
        total=sale.total,
        lines=tuple(
            RefundableLine(
                ln.line_no,
                ln.barcode,
                ln.name,
                ln.unit_price,
                ln.quantity,
                done.get(ln.line_no, 0),
                ln.net,
            )
            for ln in sale.lines
        ),
        plan=plan,
    )


def was_refunded(ctx: TillContext, receipt_no: str) -> bool:
    """Whether a sale has a refund (in part or whole): a reprint of it is marked 已退货."""
    with ctx.uow(write=False) as uow:
        sale = uow.tickets.by_receipt(receipt_no)
        return sale is not None and bool(uow.tickets.refunds_of(sale.ticket_id))
