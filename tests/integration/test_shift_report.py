"""The shift report reconciles on a real till.

Close time, approvals once, gross and net figures that agree after a refund, and a refund of a
receipt that is no sale named for what it is.
"""

from __future__ import annotations

import pytest

from frontdesk.domain import errors
from frontdesk.domain.money import Fen
from frontdesk.printing_setup import receipt_text
from frontdesk.services import accounts, checkout, receipt_making, shifts
from frontdesk.services.checkout import Payment, SaleItem
from frontdesk.services.context import new_id
from tests.integration.core_fixtures import GOLD_BAR, RICE, Till


def _sell_with_redemption(till: Till) -> checkout.SaleResult:
    reg = till.member()
    checkout.checkout(  # 14,700 points earned: enough for one 10,000-point block
        till.ctx,
        txn_id=new_id(),
        cashier="1001",
        card_no=reg.card_no,
        items=[SaleItem(GOLD_BAR)],
        payments=[Payment("bank_card", Fen.of("14700.00"), "POS1")],
    )
    return checkout.checkout(
        till.ctx,
        txn_id=new_id(),
        cashier="1001",
        card_no=reg.card_no,
        items=[SaleItem(RICE, 3)],
        payments=[Payment("cash", Fen.of("100.00"))],
        redeem_blocks=1,
    )


def _refund(till: Till, receipt_no: str) -> None:
    amount = checkout.refund_amount(till.ctx, receipt_no=receipt_no, lines=None)
    checkout.refund(
        till.ctx,
        txn_id=new_id(),
        cashier="1001",
        receipt_no=receipt_no,
        lines=None,
        approval_id=till.approve("refund", receipt_no, amount),
    )


def test_a_refunded_redemption_shows_in_the_sale_and_in_the_refund_and_nets_to_zero(
    till: Till,
) -> None:
    sale = _sell_with_redemption(till)
    redeemed = sale.ticket.redemption
    assert redeemed.value > 0
    _refund(till, sale.ticket.receipt_no)

    report = shifts.close_shift(till.ctx, cashier="1001", counted_cash=Fen.of("500.00"))
    text = "\n".join(receipt_text(receipt_making.shift(till.ctx, report)))

    assert report.discounts["points"] == redeemed  # what the sale gave
    assert report.discounts_refunded["points"] == redeemed  # what the refund took back
    assert report.sales_by_tender["cash"] == sale.ticket.total
    assert report.refunds_by_tender["cash"] == sale.ticket.total
    assert report.net_sales == Fen.of("14700.00")  # the gold bar; the rice sale is undone
    assert report.expected_cash == Fen.of("500.00")
    assert "退货冲回积分抵现" in text
    assert "净销售" in text
    assert report.shift.closed_at is not None  # the report has its close time
    assert report.shift.closed_at.strftime("%H:%M") in text


def test_every_approval_is_listed_once(till: Till) -> None:
    sale = _sell_with_redemption(till)
    _refund(till, sale.ticket.receipt_no)

    report = shifts.report_so_far(till.ctx, cashier="1001")

    assert [(a.action, a.approver) for a in report.approvals] == [("refund", "8001")]
    assert shifts.report_summary(report)["approvals"] == 1


def test_a_refund_of_a_top_up_says_it_is_no_sale(till: Till) -> None:
    reg = till.member()
    top = accounts.topup(till.ctx, actor="8001", member_id=reg.member.member_id, amount=Fen(10_000))

    with pytest.raises(errors.NotASale) as refused:
        checkout.refund_amount(till.ctx, receipt_no=top.ticket.receipt_no, lines=None)

    assert (
        refused.value.message == f"小票 {top.ticket.receipt_no} 是充值小票，不是销售小票，不能退货"
    )
    with pytest.raises(errors.UnknownTicket):
        checkout.refund_amount(till.ctx, receipt_no="R001019999999", lines=None)


def test_a_refund_keeps_the_points_it_reversed_and_the_points_it_restored_apart(
    till: Till,
) -> None:
    sale = _sell_with_redemption(till)
    _refund(till, sale.ticket.receipt_no)

    with till.ctx.uow(write=False) as uow:
        [refund] = uow.tickets.refunds_of(sale.ticket.ticket_id)

    assert sale.ticket.points_earned > 0
    assert refund.points_earned == -sale.ticket.points_earned  # earned, taken back
    assert refund.redeemed_points == sale.ticket.redeemed_points == 10_000  # given back


def test_the_report_names_the_approving_manager_and_the_member_never_their_ids(
    till: Till,
) -> None:
    member_id = till.member().member.member_id
    accounts.adjust_points(
        till.ctx,
        actor="1001",
        member_id=member_id,
        points=500,
        reason="补录积分",
        approval_id=till.approve("points_adjust", member_id, 500),
    )

    report = shifts.report_so_far(till.ctx, cashier="1001")
    text = "\n".join(receipt_text(receipt_making.shift(till.ctx, report)))

    assert "张伟" in text
    assert "王店长" in text
    assert member_id not in text
