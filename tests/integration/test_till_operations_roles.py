"""Shifts and reprints go through the permission table like every other use case."""

from __future__ import annotations

import pytest

from frontdesk.cli import main
from frontdesk.domain import errors
from frontdesk.domain.money import Fen
from frontdesk.services import checkout, receipt_making, shifts, staff_admin
from frontdesk.services.checkout import Payment, SaleItem
from frontdesk.services.context import new_id
from tests.integration.core_fixtures import WATER, Till


def test_a_shift_is_closed_and_opened_only_by_an_active_staff_member(till: Till) -> None:
    with pytest.raises(errors.NotAuthenticated):
        shifts.close_shift(till.ctx, cashier="4040", counted_cash=Fen(50_000))
    staff_admin.set_disabled(till.ctx, actor="9001", staff_no="1001", disabled=True)
    with pytest.raises(errors.StaffDisabled):
        shifts.close_shift(till.ctx, cashier="1001", counted_cash=Fen(50_000))
    shifts.close_shift(till.ctx, cashier="8001", counted_cash=Fen(50_000))

    with pytest.raises(errors.NotAuthenticated):
        shifts.open_shift(till.ctx, cashier="4040", opening_float=Fen(50_000))
    with pytest.raises(errors.StaffDisabled):
        shifts.open_shift(till.ctx, cashier="1001", opening_float=Fen(50_000))
    assert shifts.open_shift(till.ctx, cashier="8001", opening_float=Fen(50_000)).cashier == "8001"


def test_a_reprint_asks_the_permission_table_before_it_is_recorded(
    till: Till, capsys: pytest.CaptureFixture[str]
) -> None:
    sale = checkout.checkout(
        till.ctx,
        txn_id=new_id(),
        cashier="1001",
        card_no=None,
        items=[SaleItem(WATER)],
        payments=[Payment("cash", Fen.of("2.00"))],
    )
    receipt_no = sale.ticket.receipt_no
    with pytest.raises(errors.NotAuthenticated):
        receipt_making.record_reprint(till.ctx, actor="4040", receipt_no=receipt_no)
    staff_admin.set_disabled(till.ctx, actor="9001", staff_no="1001", disabled=True)
    with pytest.raises(errors.StaffDisabled):
        receipt_making.record_reprint(till.ctx, actor="1001", receipt_no=receipt_no)

    login = ["--db", str(till.path), "--staff", "8001", "--pin", "8001"]
    assert main([*login, "receipt", "reprint", receipt_no]) == 0
    capsys.readouterr()
    with till.ctx.uow(write=False) as uow:
        found = uow.audit.recent(5, action="receipt_reprint")
    assert [(e.actor, e.subject) for e in found] == [("8001", receipt_no)]
