"""Receipts of 补卡 (the fee) and 退卡 (the cash paid back)."""

from __future__ import annotations

from frontdesk.domain.program import Program
from frontdesk.domain.receipt import Figure, Receipt, ReceiptKind
from frontdesk.services.membership import Reissued, Returned
from frontdesk.services.receipts.parts import FOOTER, Printed, _header, _tenders


def reissue_receipt(result: Reissued, who: Printed, program: Program) -> Receipt | None:
    """补卡 with its fee; a waived fee made no ticket, so there is nothing to print (None)."""
    if result.ticket is None:
        return None
    tenders, change = _tenders(result.ticket)
    return Receipt(
        header=_header(result.ticket, ReceiptKind.CARD_REISSUE, who),
        figures=(
            Figure("原卡号", text=result.old_card),
            Figure("新卡号", text=result.new_card),
            Figure("补卡工本费", result.fee),
        ),
        total=result.fee,
        tenders=tenders,
        change=change,
        text_lines=("原卡已作废；余额与积分属于会员，不随卡变动",),
        footer=FOOTER,
    )


def card_return_receipt(result: Returned, who: Printed, program: Program) -> Receipt:
    """退卡: principal paid back in cash, bonus forfeited."""
    ticket = result.ticket
    tenders, _ = _tenders(ticket, sign=-1)
    notes = []
    if ticket.approver:
        notes.append(f"审批店长：{ticket.approver}")
    return Receipt(
        header=_header(ticket, ReceiptKind.CARD_RETURN, who),
        figures=(
            Figure("卡号", text=result.card_no),
            Figure("退还本金", result.cash_paid),
            Figure("作废赠金", result.bonus_forfeited),
        ),
        total=result.cash_paid,
        tenders=tenders,
        text_lines=(*notes, "此卡已退，不能再用"),
        footer=FOOTER,
    )
