"""The held-ticket slip (挂单小票): what was set aside, for whom, and its barcode for 取单."""

from __future__ import annotations

from frontdesk.domain import messages
from frontdesk.domain.pricing import PricedTicket
from frontdesk.domain.receipt import Receipt, ReceiptHeader, ReceiptKind, ReceiptLine, Saving
from frontdesk.domain.scan import held_barcode
from frontdesk.services.held_tickets import HeldTicket
from frontdesk.services.receipts.parts import Printed


def held_slip(held: HeldTicket, priced: PricedTicket, who: Printed) -> Receipt:
    """The slip the customer or the cashier keeps; its barcode (G000003) brings the ticket back.

    Prices are as they were when it was held: recalled, the ticket is priced again.
    """
    code = held_barcode(held.held_no)
    header = ReceiptHeader(
        who.store_name, who.till, who.cashier, held.held_at, code, ReceiptKind.HELD_TICKET
    )
    lines = tuple(
        ReceiptLine(
            ln.product.name,
            ln.quantity,
            ln.price,
            ln.gross,
            ln.product.unit_price if ln.overridden else None,
        )
        for ln in priced.lines
    )
    savings = tuple(Saving(messages.label(d.kind), d.amount) for d in priced.discounts)
    notes = [f"挂单号：G{held.held_no}"]
    if held.member_name:
        notes.append(f"会员：{held.member_name}")
    notes.append("取单：扫描下方条码，或按 Ctrl+Q")
    return Receipt(
        header=header, lines=lines, savings=savings, total=priced.due, text_lines=tuple(notes)
    )
