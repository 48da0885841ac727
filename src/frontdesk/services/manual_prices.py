"""改价 and discounts by hand at checkout: the cashier's up to the limit, a manager's above it."""

from __future__ import annotations

from datetime import datetime

from frontdesk.domain.permissions import Operation
from frontdesk.domain.pricing import DiscountKind, PricedTicket
from frontdesk.services.context import TillContext
from frontdesk.services.ports import UnitOfWork
from frontdesk.services.staff import authorize_in, consume_approval


def by_hand(
    ctx: TillContext,
    uow: UnitOfWork,
    txn_id: str,
    cashier: str,
    priced: PricedTicket,
    approval: str | None,
    now: datetime,
) -> str | None:
    """改价 and discounts: the cashier's to give up to the program's limit, a manager's above.

    Returns the approving manager (None under the limit); audited with what each line got.
    """
    changed = [ln for ln in priced.lines if ln.overridden or ln.line_discount]
    ticket_discount = priced.discount(DiscountKind.TICKET)
    if not changed and not ticket_discount:
        return None
    authorize_in(uow, cashier, Operation.MANUAL_PRICE)
    reduction = priced.manual_reduction.value
    approver = consume_approval(
        uow,
        approval,
        Operation.PRICE_OVERRIDE,
        subject=txn_id,
        amount=reduction,
        ctx=ctx,
        operator=cashier,
    )
    uow.audit.add(
        at=now,
        actor=cashier,
        approver=approver,
        action="price_override",
        subject=txn_id,
        amount=reduction,
        detail={
            "lines": [
                {
                    "barcode": ln.product.barcode,
                    "list_price": ln.product.unit_price.value,
                    "price": ln.price.value,
                    "quantity": ln.quantity,
                    "line_discount": ln.line_discount.value,
                }
                for ln in changed
            ],
            "ticket_discount": ticket_discount.value,
        },
    )
    return approver
