"""Receipts of 补卡 (the fee) and the 退卡单 (the calculation, the payout, the approval)."""

from __future__ import annotations

from frontdesk.domain.card_return import Payout
from frontdesk.domain.program import Program, SpendOrder
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
    """退卡单: how the refund was arrived at, where it went (account masked), who approved it."""
    ticket, calc, record = result.ticket, result.calculation, result.record
    figures = [
        Figure("卡号", text=result.card_no),
        Figure("累计充值本金", calc.paid_in),
        Figure("累计赠送赠金", calc.bonus_given),
        Figure("已消费本金", calc.consumed_principal),
        Figure("已消费赠金", calc.consumed_bonus),
    ]
    if calc.other_principal.value or calc.other_bonus.value:
        figures += [
            Figure("其他变动本金", calc.other_principal),
            Figure("其他变动赠金", calc.other_bonus),
        ]
    figures += [
        Figure("退还本金", result.principal_paid),
        Figure("作废赠金", result.bonus_forfeited),
    ]
    notes = []
    if program.spend_order is SpendOrder.PROPORTIONAL:
        notes.append("消费按本金与赠金比例扣减（法释〔2025〕4号）")
    if result.payout is Payout.BANK_TRANSFER:
        notes += [
            "退款方式：转入会员本人银行账户",
            f"收款账户：{record.account_masked}",
            f"户名：{record.holder}",
            f"开户行：{record.bank}",
            f"身份证：{record.id_masked}",
            f"身份核验经办：{record.identity_checked_by}",
        ]
    elif result.principal_paid.value:
        notes.append("退款方式：现金")
    if ticket.approver:
        notes.append(f"审批店长：{ticket.approver}")
    notes.append("此卡已退，不能再用")
    tenders, _ = _tenders(ticket, sign=-1)
    return Receipt(
        header=_header(ticket, ReceiptKind.CARD_RETURN, who),
        figures=tuple(figures),
        total=result.principal_paid,
        tenders=tenders,
        text_lines=tuple(notes),
        footer=("会员签字：__________", *FOOTER),
    )
