"""Receipts built from real results on a real SQLite till, checked against the ticket to the fen."""

from __future__ import annotations

import uuid
from datetime import date

from frontdesk.domain.cards import CardAction
from frontdesk.domain.money import Fen, total
from frontdesk.domain.receipt import Bucket, Receipt, ReceiptKind, TenderKind
from frontdesk.hardware.escpos_receipt import PAPER_80MM, text_lines
from frontdesk.hardware.receipt_layout import Pair, receipt_blocks
from frontdesk.services import accounts, checkout, membership, shifts
from frontdesk.services.checkout import Payment, SaleItem
from frontdesk.services.receipts import (
    OFFLINE_NOTICE,
    Moved,
    Printed,
    card_return_receipt,
    refund_receipt,
    reissue_receipt,
    sale_receipt,
    shift_receipt,
    ticket_receipt,
    topup_receipt,
)
from tests.integration.core_fixtures import GOLD_BAR, RICE, WATER, Till

WHO = Printed("测试店", "01", "李收银")


def _text(receipt: Receipt) -> str:
    return "\n".join(
        line for block in receipt_blocks(receipt) for line in text_lines(block, PAPER_80MM.columns)
    )


def _pairs(receipt: Receipt) -> dict[str, str]:
    return {b.left: b.right for b in receipt_blocks(receipt) if isinstance(b, Pair)}


def _rich_member(till: Till) -> str:
    """A member with ￥1,000 top-up (+￥150 bonus) and 20,000 points; returns the card number."""
    reg = till.member()
    member_id = reg.member.member_id
    accounts.topup(till.ctx, actor="1001", member_id=member_id, amount=Fen.of("1000.00"))
    approval = till.approve("points_adjust", member_id, 20_000)
    accounts.adjust_points(
        till.ctx,
        actor="1001",
        member_id=member_id,
        points=20_000,
        reason="开业赠送",
        approval_id=approval,
    )
    return reg.card_no


def _big_sale(till: Till, card_no: str) -> checkout.SaleResult:
    """Two gold bars, one block of points, ￥500 from stored value, the rest cash with change."""
    items = [SaleItem(GOLD_BAR, 2), SaleItem(WATER, 3)]
    due = checkout.quote(
        till.ctx, actor="1001", card_no=card_no, items=items, redeem_blocks=1
    ).priced.due
    return checkout.checkout(
        till.ctx,
        txn_id=str(uuid.uuid4()),
        cashier="1001",
        card_no=card_no,
        items=items,
        payments=[
            Payment("stored_value", Fen.of("500.00")),
            Payment("cash", due - Fen.of("500.00") + Fen(1234)),
        ],
        redeem_blocks=1,
        pin="135790",
    )


def test_sale_receipt_figures_match_the_ticket_to_the_fen(till: Till) -> None:
    result = _big_sale(till, _rich_member(till))

    receipt = sale_receipt(result, WHO, till.ctx.program)

    ticket = result.ticket
    assert receipt.subtotal == ticket.gross
    assert receipt.subtotal - total([s.amount for s in receipt.savings]) == ticket.total
    assert receipt.total == ticket.total
    assert receipt.tendered - receipt.change == ticket.total
    assert receipt.change == Fen(1234)
    assert {s.kind: s.amount for s in receipt.savings} == {
        "会员折扣": ticket.discount_tier,
        "积分抵现": Fen.of("200.00"),
    }


def test_sale_receipt_shows_points_and_each_bucket_before_and_after(till: Till) -> None:
    result = _big_sale(till, _rich_member(till))

    member = sale_receipt(result, WHO, till.ctx.program).member

    assert member is not None
    assert member.points_before == 20_000
    assert member.points_redeemed == 10_000
    assert member.points_earned == result.ticket.points_earned > 0
    assert member.points_after == 10_000 + result.ticket.points_earned
    spent = {b.bucket: b.before - b.after for b in member.balances}
    assert spent[Bucket.PRINCIPAL] + spent[Bucket.BONUS] == Fen.of("500.00")
    assert {b.bucket: b.before for b in member.balances} == {
        Bucket.PRINCIPAL: Fen.of("1000.00"),
        Bucket.BONUS: Fen.of("150.00"),
    }
    assert member.masked_phone == "138****1111"


def test_a_ticket_that_wins_a_tier_prints_the_upgrade_and_opens_the_drawer(till: Till) -> None:
    result = _big_sale(till, _rich_member(till))

    receipt = sale_receipt(result, WHO, till.ctx.program)

    assert receipt.member is not None
    assert receipt.member.tier_name == "普通会员"  # the ticket was priced at the old tier
    assert "恭喜升级为金卡会员" in _text(receipt)
    assert receipt.opens_drawer
    assert receipt.barcode_value == result.ticket.receipt_no


def test_birthday_discount_is_printed_as_its_own_kind(till: Till) -> None:
    reg = membership.register(
        till.ctx,
        actor="1001",
        phone="13900002222",
        name="李娜",
        birthday=date(1990, 3, 3),
        consent_terms=True,
    )
    membership.lock_tier(
        till.ctx,
        actor="1001",
        member_id=reg.member.member_id,
        tier="silver",  # silver and up have a birthday discount (9折)
        reason="老会员",
        approval_id=till.approve("tier_lock", reg.member.member_id),
    )
    result = checkout.checkout(
        till.ctx,
        txn_id=str(uuid.uuid4()),
        cashier="1001",
        card_no=reg.card_no,
        items=[SaleItem(RICE)],
        payments=[Payment("wechat", Fen.of("80.10"), "WX0001")],
    )

    receipt = sale_receipt(result, WHO, till.ctx.program)

    assert [s.kind for s in receipt.savings] == ["生日折扣"]
    assert receipt.savings[0].amount == result.ticket.discount_birthday == Fen.of("8.90")
    assert receipt.tenders[0].kind is TenderKind.WECHAT
    assert receipt.tenders[0].reference == "WX0001"
    assert not receipt.opens_drawer
    assert "本单积分×2" in receipt.text_lines


def test_an_offline_ticket_says_head_office_has_the_final_balance(till: Till) -> None:
    with till.ctx.uow() as uow:
        uow.settings.set("hq_configured", "1")  # tied to head office but never synced
        uow.commit()

    result = checkout.checkout(
        till.ctx,
        txn_id=str(uuid.uuid4()),
        cashier="1001",
        card_no=None,
        items=[SaleItem(WATER)],
        payments=[Payment("cash", Fen.of("2.00"))],
    )
    receipt = sale_receipt(result, WHO, till.ctx.program)

    assert result.ticket.offline
    assert OFFLINE_NOTICE in receipt.text_lines
    assert receipt.member is None


def test_refund_receipt_reads_points_back_and_clawed_back_the_right_way(till: Till) -> None:
    sale = _big_sale(till, _rich_member(till))
    approval = till.approve("refund", sale.ticket.receipt_no, sale.ticket.total.value)
    result = checkout.refund(
        till.ctx,
        txn_id=str(uuid.uuid4()),
        cashier="1001",
        receipt_no=sale.ticket.receipt_no,
        lines=None,
        approval_id=approval,
    )
    with till.ctx.uow(write=False) as uow:
        entries = uow.ledger.for_ticket(result.ticket.ticket_id)

    receipt = refund_receipt(result, WHO, till.ctx.program, entries)

    pairs = _pairs(receipt)
    assert receipt.total == -result.ticket.total == sale.ticket.total
    assert receipt.tendered == sale.ticket.total
    assert pairs["积分退回"] == "+10,000"
    assert pairs["积分扣回"] == f"-{sale.ticket.points_earned:,}"
    assert "积分抵用" not in pairs
    assert receipt.member is not None
    assert receipt.member.points_after == 20_000
    assert receipt.member.points_before == 10_000 + sale.ticket.points_earned
    assert f"原小票：{sale.ticket.receipt_no}" in receipt.text_lines
    assert receipt.opens_drawer  # cash goes back out of the drawer


def test_refund_receipt_without_ledger_entries_prints_the_net_points(till: Till) -> None:
    sale = _big_sale(till, _rich_member(till))
    approval = till.approve("refund", sale.ticket.receipt_no, sale.ticket.total.value)
    result = checkout.refund(
        till.ctx,
        txn_id=str(uuid.uuid4()),
        cashier="1001",
        receipt_no=sale.ticket.receipt_no,
        lines=None,
        approval_id=approval,
    )

    member = refund_receipt(result, WHO, till.ctx.program).member

    assert member is not None
    assert member.points_earned - member.points_redeemed == result.ticket.points_earned


def test_topup_receipt_shows_principal_bonus_and_both_buckets(till: Till) -> None:
    reg = till.member()

    result = accounts.topup(
        till.ctx,
        actor="1001",
        member_id=reg.member.member_id,
        amount=Fen.of("500.00"),
        tender="alipay",
        reference="ALI42",
    )
    receipt = topup_receipt(result, WHO, till.ctx.program, reg.member)

    assert [(f.label, f.amount) for f in receipt.figures] == [
        ("充值本金", Fen.of("500.00")),
        ("赠送赠金", Fen.of("60.00")),
    ]
    assert receipt.total == result.ticket.total == Fen.of("500.00")
    assert receipt.member is not None
    assert [(b.bucket, b.before, b.after) for b in receipt.member.balances] == [
        (Bucket.PRINCIPAL, Fen(0), Fen.of("500.00")),
        (Bucket.BONUS, Fen(0), Fen.of("60.00")),
    ]
    assert not receipt.opens_drawer


def test_reissue_receipt_charges_the_fee_and_a_waived_fee_prints_nothing(till: Till) -> None:
    reg = till.member()
    membership.change_card_state(
        till.ctx, actor="1001", card_no=reg.card_no, action=CardAction.REPORT_LOST
    )

    paid = membership.reissue_card(
        till.ctx, actor="1001", card_no=reg.card_no, phone="13800001111", name="张伟"
    )
    receipt = reissue_receipt(paid, WHO, till.ctx.program)

    assert receipt is not None
    assert receipt.total == paid.fee == Fen.of("38.00")
    assert ("新卡号", paid.new_card) in [(f.label, f.text) for f in receipt.figures]
    assert receipt.opens_drawer


def test_card_return_receipt_pays_principal_and_forfeits_bonus(till: Till) -> None:
    reg = till.member()
    accounts.topup(till.ctx, actor="1001", member_id=reg.member.member_id, amount=Fen.of("100.00"))
    approval = till.approve("card_return", reg.card_no, 10_000)

    result = membership.return_card(
        till.ctx, actor="1001", card_no=reg.card_no, approval_id=approval
    )
    receipt = card_return_receipt(result, WHO, till.ctx.program)

    assert receipt.kind is ReceiptKind.CARD_RETURN
    assert {f.label: f.amount for f in receipt.figures if f.amount is not None} == {
        "累计充值本金": Fen.of("100.00"),
        "累计赠送赠金": Fen.of("10.00"),
        "已消费本金": Fen(0),
        "已消费赠金": Fen(0),
        "退还本金": Fen.of("100.00"),  # at the ￥100 threshold: still cash
        "作废赠金": Fen.of("10.00"),
    }
    assert receipt.tendered == Fen.of("100.00")
    assert "退现金" in _text(receipt)


def test_shift_receipt_carries_every_figure_and_a_shift_number(till: Till) -> None:
    _big_sale(till, _rich_member(till))

    report = shifts.close_shift(till.ctx, cashier="1001", counted_cash=Fen.of("500.00"))
    receipt = shift_receipt(report, WHO, 1, 1, {"8001": "王店长"})

    figures = {f.label: f.amount for f in receipt.figures}
    assert figures["现金销售"] == report.sales_by_tender["cash"]
    assert figures["充值本金"] == Fen.of("1000.00")
    assert figures["储值期末"] == report.liability_closing
    assert figures["长短款"] == report.over_short
    assert receipt.header.receipt_no.startswith("S00101")
    assert any("王店长" in line for line in receipt.text_lines)


def test_a_rebuilt_receipt_keeps_the_tickets_figures_and_its_ledger_moves(till: Till) -> None:
    sale = _big_sale(till, _rich_member(till))
    with till.ctx.uow(write=False) as uow:
        ticket = uow.tickets.by_receipt(sale.ticket.receipt_no)
        entries = uow.ledger.for_ticket(sale.ticket.ticket_id)
    assert ticket is not None

    again = ticket_receipt(ticket, WHO, till.ctx.program, entries, phone="13800001111")
    first = sale_receipt(sale, WHO, till.ctx.program)

    assert (again.lines, again.savings, again.total) == (first.lines, first.savings, first.total)
    assert (again.tenders, again.change) == (first.tenders, first.change)
    moved = Moved.of(entries)
    assert moved.principal + moved.bonus == -Fen.of("500.00")
    assert moved.points_out == 10_000
    assert f"本次积分：+{sale.ticket.points_earned:,}" in again.text_lines
    assert "恭喜升级为金卡会员" in again.text_lines
