"""Tickets for money that is not a sale: top-ups, reissue fees, card returns."""

from __future__ import annotations

from datetime import datetime

from frontdesk.domain.money import ZERO, Fen
from frontdesk.services.context import next_receipt_no
from frontdesk.services.ports import UnitOfWork
from frontdesk.services.records import Tender, Ticket


def money_ticket(
    uow: UnitOfWork,
    *,
    ticket_id: str,
    kind: str,
    member_id: str,
    card_no: str | None,
    now: datetime,
    cashier: str,
    approver: str | None,
    amount: Fen,
    note: str,
    tenders: tuple[Tender, ...],
) -> Ticket:
    """A receipt-numbered ticket for one amount with no lines; the shift is the open one, if any."""
    shift = uow.shifts.current()
    return Ticket(
        ticket_id=ticket_id,
        receipt_no=next_receipt_no(uow),
        till_id=uow.till_id,
        shift_id=None if shift is None else shift.shift_id,
        kind=kind,
        member_id=member_id,
        card_no=card_no,
        created_at=now,
        cashier=cashier,
        approver=approver,
        refund_of=None,
        gross=amount,
        discount_tier=ZERO,
        discount_birthday=ZERO,
        redemption=ZERO,
        redeemed_points=0,
        total=amount,
        points_earned=0,
        points_multiplier=1,
        birthday_benefit=False,
        tier=None,
        upgraded_to=None,
        offline=False,
        note=note,
        tenders=tenders,
    )
