"""A sale's and a refund's print job commit with them; none for a replay or a refusal."""

from __future__ import annotations

import pytest

from frontdesk.domain import errors
from frontdesk.domain.money import Fen
from frontdesk.domain.receipt import Receipt
from frontdesk.persistence.print_jobs import SqlitePrintJobStore
from frontdesk.services import checkout, receipt_making
from frontdesk.services.checkout import Payment, SaleItem
from frontdesk.services.context import new_id
from frontdesk.services.printing import PrintQueue
from tests.integration.core_fixtures import RICE, WATER, Till


class _Paper:
    def __init__(self) -> None:
        self.printed: list[Receipt] = []

    def print(self, receipt: Receipt) -> None:
        self.printed.append(receipt)


def _sell(till: Till, txn_id: str, cash: str = "100.00") -> checkout.SaleResult:
    return checkout.checkout(
        till.ctx,
        txn_id=txn_id,
        cashier="1001",
        card_no=None,
        items=[SaleItem(RICE), SaleItem(WATER)],
        payments=[Payment("cash", Fen.of(cash))],
        receipt=receipt_making.sale_in,
    )


def _jobs(till: Till) -> list[str]:
    return [job.receipt.header.receipt_no for job in SqlitePrintJobStore(till.engine).pending()]


def test_a_sale_and_its_refund_each_commit_one_print_job(till: Till) -> None:
    txn = new_id()
    sale = _sell(till, txn)
    replay = _sell(till, txn)
    receipt_no = sale.ticket.receipt_no
    amount = checkout.refund_amount(till.ctx, receipt_no=receipt_no, lines=None)
    approval = till.approve("refund", receipt_no, amount)
    refund = checkout.refund(
        till.ctx,
        txn_id=new_id(),
        cashier="1001",
        receipt_no=receipt_no,
        lines=None,
        approval_id=approval,
        receipt=receipt_making.refund_in,
    )

    assert replay.replayed
    assert _jobs(till) == [sale.ticket.receipt_no, refund.ticket.receipt_no]
    # The job holds the same receipt the till shows after the commit.
    stored = SqlitePrintJobStore(till.engine).get(sale.ticket.receipt_no)
    assert stored is not None
    assert stored.receipt == receipt_making.sale(till.ctx, sale)


def test_a_refused_sale_leaves_no_job(till: Till) -> None:
    with pytest.raises(errors.DomainError):
        _sell(till, new_id(), cash="1.00")  # less than due

    assert _jobs(till) == []


def test_submitting_a_receipt_whose_job_committed_prints_that_job_once(till: Till) -> None:
    sale = _sell(till, new_id())
    paper = _Paper()
    queue = PrintQueue(paper, SqlitePrintJobStore(till.engine))

    queue.submit(receipt_making.sale(till.ctx, sale))  # what the window and the CLI do next
    queue.submit(receipt_making.sale(till.ctx, sale))

    assert [r.header.receipt_no for r in paper.printed] == [sale.ticket.receipt_no]
    assert _jobs(till) == []
