"""`hq kpi` and `hq report` from head office's summaries answer as reading every row did.

Two real tills push sales (members and guests, stored value across stores, a refund, top-ups and
a cooling-off return) over four months; the new figures, read from member_day, member_activity
and till_day in PostgreSQL, are compared with the computations they replaced: the domain's KPI
rule and FIFO settlement over every row, and the old statements over tickets and the ledger.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy import Engine, text

from frontdesk.domain.approvals import ApprovalAction, ApprovalBinding
from frontdesk.domain.invoicing import split_totals
from frontdesk.domain.money import Fen
from frontdesk.domain.settlement import UNFUNDED, settle
from frontdesk.services import checkout, refund, staff, staff_admin
from frontdesk.services.context import new_id
from frontdesk.services.cooling_off import refund_top_up
from frontdesk.sync.hq_kpi import chain_kpis
from frontdesk.sync.hq_report import InvoiceDay, LiabilityDay, build_report
from frontdesk.sync.hq_settlement import principal_moves
from tests.integration.sync.conftest import ADMIN, PRODUCTS, Till
from tests.integration.sync.test_hq_kpi import _from_rows
from tests.integration.sync.test_two_stores import pay_stored, register_with_money, sell_cash

# The statement `hq report` ran over every ticket and tender before h0014.
_OLD_INVOICE_DAYS = """
    SELECT t.store_no, left(k.created_at, 10) AS day,
           coalesce(sum(k.total) FILTER (WHERE k.kind IN ('sale', 'refund')), 0) AS sales,
           coalesce(sum(sv.amount) FILTER (WHERE k.kind IN ('sale', 'refund')), 0) AS prepaid,
           coalesce(sum(k.total) FILTER (WHERE k.kind IN ('topup', 'topup_return')), 0)
               AS topups
      FROM ticket k
      JOIN till t ON t.till_id = k.till_id
      LEFT JOIN (SELECT ticket_id, sum(amount) AS amount FROM tender
                  WHERE kind = 'stored_value' GROUP BY ticket_id) sv
             ON sv.ticket_id = k.ticket_id
     WHERE k.kind IN ('sale', 'refund', 'topup', 'topup_return')
     GROUP BY t.store_no, left(k.created_at, 10)
     ORDER BY day, t.store_no
"""
_OLD_NEGATIVE = """
    SELECT member_id, sum(amount) FILTER (WHERE bucket = 'principal') AS principal,
           sum(amount) FILTER (WHERE bucket = 'bonus') AS bonus
      FROM ledger_entry GROUP BY member_id
    HAVING sum(amount) FILTER (WHERE bucket = 'principal') < 0
        OR sum(amount) FILTER (WHERE bucket = 'bonus') < 0
     ORDER BY member_id
"""


def _old_report(hq: Engine) -> tuple[list[InvoiceDay], list[LiabilityDay], list[tuple[str, int]]]:
    with hq.connect() as conn:
        days = []
        for store, day, sales, prepaid, topups in conn.execute(text(_OLD_INVOICE_DAYS)):
            parts = split_totals(Fen(int(sales)), Fen(int(prepaid)))
            days.append(
                InvoiceDay(
                    store, date.fromisoformat(day), Fen(int(sales)), parts.prepaid,
                    parts.invoiceable, Fen(int(topups)),
                )
            )  # fmt: skip
        negative = [(r.member_id, int(r.principal)) for r in conn.execute(text(_OLD_NEGATIVE))]
    traced = settle(principal_moves(hq))
    liability = [
        LiabilityDay(day, store, Fen(fen))
        for (store, day), fen in sorted(traced.liability.items(), key=lambda kv: kv[0][::-1])
        if store != UNFUNDED
    ]
    return days, liability, negative


def _refund_whole(till: Till, receipt_no: str) -> None:
    approval = staff.approve(
        till.ctx,
        ApprovalBinding(
            ApprovalAction.REFUND,
            receipt_no,
            refund.refund_amount(till.ctx, receipt_no=receipt_no, lines=None),
        ),
        manager_no="8001",
        pin="8001",
    )
    refund.refund(
        till.ctx,
        txn_id=new_id(),
        cashier=ADMIN[0],
        receipt_no=receipt_no,
        lines=None,
        approval_id=approval,
    )


def _guest(till: Till) -> None:
    items = [checkout.SaleItem(PRODUCTS[0].barcode, 3)]
    due = checkout.quote(till.ctx, card_no=None, items=items, actor=ADMIN[0]).priced.due
    checkout.checkout(
        till.ctx, txn_id=new_id(), cashier=ADMIN[0], card_no=None, items=items,
        payments=[checkout.Payment("cash", due)],
    )  # fmt: skip


def _advance(tills: list[Till], days: int) -> None:
    for t in tills:
        t.clock.advance(days=days)


def test_summaries_answer_as_every_row_did(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a, b = make_till(51, 1), make_till(52, 1)
    both = [a, b]
    staff_admin.add_staff(
        a.ctx, actor=ADMIN[0], staff_no="8001", name="王店长", role="manager", pin="8001"
    )
    members = [register_with_money(a, f"1380000510{i}", "300.00") for i in range(3)]
    members.append(register_with_money(b, "13800005200", "100.00"))
    for t in both:
        assert t.sync().ok
    today = a.clock.now().date()
    assert chain_kpis(hq_admin, today) == _from_rows(hq_admin, today)
    for step in range(8):
        _, card = members[step % len(members)]
        pay_stored(b if step % 2 else a, card, "40.00")
        sold = sell_cash(a, card, 1 + step % 2)
        if step == 3:
            _refund_whole(a, sold.ticket.receipt_no)
        _guest(b)
        if step == 5:  # a member who joins later, and their top-up
            register_with_money(a, "13800005999", "50.00")
        _advance(both, 13)
        # Till 052 is offline over steps 4 and 5: its sales of step 4 arrive after 051's of
        # step 5, and after a report has folded those, so the fold must trace their members
        # again over the whole history.
        assert a.sync().ok
        if step not in (4, 5):
            assert b.sync().ok
        if step % 2 == 1:  # the report folds what arrived since the last one
            assert build_report(hq_admin).liability == _old_report(hq_admin)[1], step
        if step == 5:
            assert b.sync().ok
        if step % 3 == 0:  # the window moved forward while tickets keep arriving behind it
            now = a.clock.now().date()
            assert chain_kpis(hq_admin, now) == _from_rows(hq_admin, now), now
    # a top-up returned in its cooling-off period, at the till that took it
    register_with_money(a, "13800005998", "80.00")
    with a.engine.connect() as conn:
        receipt = conn.execute(
            text("SELECT receipt_no FROM ticket WHERE kind = 'topup' ORDER BY rowid DESC LIMIT 1")
        ).scalar_one()
    refund_top_up(a.ctx, actor=ADMIN[0], receipt_no=receipt)
    for t in both:
        assert t.sync().ok

    end = a.clock.now().date()
    # back and forth: the window moved back a month, past every ticket, beyond, and home
    for day in (end - timedelta(days=33), end - timedelta(days=400), end + timedelta(days=40), end):
        assert chain_kpis(hq_admin, day) == _from_rows(hq_admin, day), day

    report = build_report(hq_admin)
    days, liability, negative = _old_report(hq_admin)
    assert report.invoice_days == days
    assert any(d.prepaid.value for d in days)
    assert any(d.topups.value for d in days)
    assert report.liability == liability
    assert {d.store_no for d in liability} == {"051", "052"}
    assert [(r["member_id"], r["principal"]) for r in report.negative_accounts] == negative
