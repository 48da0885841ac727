"""A top-up's, a 补卡's and a 退卡's print job commit with them: one operation, one job."""

from __future__ import annotations

import pytest

from frontdesk.domain.money import Fen
from frontdesk.domain.receipt import Receipt
from frontdesk.persistence.print_jobs import SqlitePrintJobStore
from frontdesk.services import accounts, membership, receipt_making
from frontdesk.services.context import TillContext, new_id
from frontdesk.services.ports import UnitOfWork
from tests.integration.core_fixtures import Till


def _jobs(till: Till) -> list[str]:
    return [job.receipt.header.receipt_no for job in SqlitePrintJobStore(till.engine).pending()]


def test_a_top_up_a_reissue_and_a_return_each_commit_one_print_job(till: Till) -> None:
    reg = till.member()
    member_id = reg.member.member_id
    txn = new_id()

    def topup() -> accounts.TopUp:
        return accounts.topup(
            till.ctx,
            actor="1001",
            member_id=member_id,
            amount=Fen.of("50.00"),
            txn_id=txn,
            receipt=receipt_making.topup_in,
        )

    topped, again = topup(), topup()
    reissued = membership.reissue_card(
        till.ctx,
        actor="1001",
        card_no=reg.card_no,
        phone="13800001111",
        name="张伟",
        receipt=receipt_making.reissue_in,
    )
    returned = membership.return_card(
        till.ctx,
        actor="1001",
        card_no=reissued.new_card,
        approval_id=till.approve("card_return", reissued.new_card, 5000),
        receipt=receipt_making.card_return_in,
    )

    assert again.ticket.ticket_id == topped.ticket.ticket_id  # a replay adds no second job
    assert reissued.ticket is not None
    assert _jobs(till) == [
        topped.ticket.receipt_no,
        reissued.ticket.receipt_no,
        returned.ticket.receipt_no,
    ]
    job = SqlitePrintJobStore(till.engine).get(topped.ticket.receipt_no)
    assert job is not None
    # The job holds the receipt as the window would build it after the commit.
    assert job.receipt == receipt_making.topup(till.ctx, topped)


def test_a_top_up_whose_receipt_cannot_be_made_is_not_committed(till: Till) -> None:
    member_id = till.member().member.member_id

    def broken(_ctx: TillContext, _uow: UnitOfWork, _done: accounts.TopUp) -> Receipt:
        raise RuntimeError("receipt layout failed")

    with pytest.raises(RuntimeError):
        accounts.topup(
            till.ctx, actor="1001", member_id=member_id, amount=Fen.of("50.00"), receipt=broken
        )

    assert membership.member_by_id(till.ctx, member_id).balance == Fen(0)
    assert _jobs(till) == []
