"""改价 and discounts on a real till: the cashier's limit, the manager's approval, the receipt.

ESC/POS bytes decoded from GB18030 and the PDF read back with pdftotext show the list price and
the discounts; the audit log has what each line got; verify passes; a refund of the line gives
back what it was sold for.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from frontdesk.domain import errors
from frontdesk.domain.money import Fen, total
from frontdesk.hardware.escpos_receipt import PAPER_58MM, PAPER_80MM, render_escpos
from frontdesk.hardware.pdf_receipt import render_pdf
from frontdesk.persistence.verify import verify
from frontdesk.services import checkout, receipt_making
from frontdesk.services.audit_trail import AuditFilter, rows
from frontdesk.services.checkout import Payment, SaleItem
from frontdesk.services.context import new_id
from tests.integration.core_fixtures import RICE, WATER, Till
from tests.integration.devices.escpos_stream import parse

# ￥89 rice at ￥80 (−￥9), ￥1 off a water, ￥2 off the ticket: ￥12 by hand, above the ￥10 limit.
ITEMS = [SaleItem(RICE, 1, price=Fen.of("80.00")), SaleItem(WATER, 3, discount=Fen.of("1.00"))]
TICKET_OFF = Fen.of("2.00")


def _sell(
    till: Till, txn_id: str, approval: str | None, card_no: str | None = None
) -> checkout.SaleResult:
    due = checkout.quote(
        till.ctx, card_no=card_no, items=ITEMS, actor="1001", ticket_discount=TICKET_OFF
    ).priced.due
    return checkout.checkout(
        till.ctx,
        txn_id=txn_id,
        cashier="1001",
        card_no=card_no,
        items=ITEMS,
        payments=[Payment("cash", due)],
        ticket_discount=TICKET_OFF,
        approval=approval,
    )


def test_above_the_limit_the_sale_waits_for_a_manager_bound_to_the_money_taken_off(
    till: Till,
) -> None:
    txn_id = new_id()
    with pytest.raises(errors.ApprovalRequired) as asked:
        _sell(till, txn_id, None)
    assert asked.value.details == {"action": "price_override", "subject": txn_id, "amount": 1200}
    wrong = till.approve("price_override", txn_id, 1100)
    with pytest.raises(errors.ApprovalMismatch):
        _sell(till, txn_id, wrong)

    sale = _sell(till, txn_id, till.approve("price_override", txn_id, 1200))

    assert isinstance(sale, checkout.SaleResult)
    ticket = sale.ticket
    assert ticket.approver == "8001"
    assert ticket.total == Fen.of("83.00")  # 80 + 6 − 1 − 2
    rice, water = ticket.lines
    assert (rice.unit_price, rice.list_price) == (Fen.of("80.00"), Fen.of("89.00"))
    assert water.line_discount == Fen.of("1.00")
    assert total([ln.ticket_discount for ln in ticket.lines]) == TICKET_OFF
    assert verify(till.engine) == []
    day = till.clock.now().date()
    wanted = AuditFilter(day, day, action="price_override")
    [row] = rows(till.ctx, actor="8001", wanted=wanted)
    assert (row.actor, row.approver, row.amount) == ("李收银", "王店长", 1200)


def test_under_the_limit_the_cashier_changes_the_price_alone(till: Till) -> None:
    items = [SaleItem(RICE, 1, price=Fen.of("85.00"))]
    due = checkout.quote(till.ctx, card_no=None, items=items, actor="1001").priced.due

    sale = checkout.checkout(
        till.ctx,
        txn_id=new_id(),
        cashier="1001",
        card_no=None,
        items=items,
        payments=[Payment("cash", due)],
    )

    assert sale.ticket.total == Fen.of("85.00")
    assert sale.ticket.approver is None


def test_the_receipt_shows_the_list_price_and_each_discount_on_paper_and_pdf(
    till: Till, tmp_path: Path
) -> None:
    txn_id = new_id()
    sale = _sell(till, txn_id, till.approve("price_override", txn_id, 1200))
    assert isinstance(sale, checkout.SaleResult)
    receipt = receipt_making.sale(till.ctx, sale)

    for paper in (PAPER_58MM, PAPER_80MM):
        lines = parse(render_escpos(receipt, paper)).lines
        text = "\n".join(lines)
        assert "改价，原价 ￥89.00" in text
        assert "单品折扣" in text
        assert "-￥1.00" in text
        assert "整单折扣" in text
        assert "-￥2.00" in text
        assert "审批店长：8001" in text
        assert all(len(line.encode("gb18030")) <= paper.columns for line in lines)
    pdf = tmp_path / "sale.pdf"
    pdf.write_bytes(render_pdf(receipt))
    read = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "原价 ￥89.00" in read
    assert "单品折扣" in read
    assert "整单折扣" in read
    assert "￥83.00" in read


def test_a_refund_of_a_line_sold_by_hand_gives_back_what_it_was_sold_for(till: Till) -> None:
    txn_id = new_id()
    sale = _sell(till, txn_id, till.approve("price_override", txn_id, 1200))
    assert isinstance(sale, checkout.SaleResult)
    receipt_no = sale.ticket.receipt_no
    sold = sale.ticket.lines[0]
    approval = till.approve("refund", receipt_no, sold.net.value)

    done = checkout.refund(
        till.ctx,
        txn_id=new_id(),
        cashier="1001",
        receipt_no=receipt_no,
        approval_id=approval,
        lines={1: 1},
    )

    [line] = done.ticket.lines
    assert -line.net.value == sold.net.value
    assert line.list_price == Fen.of("89.00")
    assert line.ticket_discount.value == -sold.ticket_discount.value
    assert verify(till.engine) == []
