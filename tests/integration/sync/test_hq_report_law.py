"""Head office's report against the real PostgreSQL: the invoice split and prepaid liability.

Sources: 国家税务总局公告 2016 年第 53 号 — the part of a sale paid with a prepaid card gets no
VAT invoice, a top-up only a 不征税 ordinary invoice; 《单用途商业预付卡管理办法（试行）》 — the
issuer reports its prepaid funds (预收资金) for 备案 and escrow, here per store and per day.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import Engine
from sqlalchemy.engine import URL

from frontdesk.cli import main
from frontdesk.domain.money import Fen
from frontdesk.services import accounts, checkout, membership
from frontdesk.services.context import new_id
from frontdesk.services.cooling_off import refund_top_up
from frontdesk.sync.hq_report import InvoiceDay, LiabilityDay, build_report
from tests.integration.sync.conftest import ADMIN, PRODUCTS, Till, hq_rows
from tests.integration.sync.test_two_stores import PIN, register_with_money

DAY = date(2026, 3, 10)


def _half_stored_value_sale(till: Till, card_no: str) -> tuple[Fen, Fen]:
    items = [checkout.SaleItem(PRODUCTS[1].barcode, 2)]
    due = checkout.quote(till.ctx, card_no=card_no, items=items, actor=ADMIN[0]).priced.due
    stored = Fen.of("50.00")
    checkout.checkout(
        till.ctx,
        txn_id=new_id(),
        cashier=ADMIN[0],
        card_no=card_no,
        items=items,
        payments=[checkout.Payment("stored_value", stored), checkout.Payment("cash", due - stored)],
        pin=PIN,
    )
    return due, stored


def test_the_report_splits_stored_value_from_invoiceable_and_gives_liability_per_store_and_day(
    make_till: Callable[..., Till],
    hq_admin: Engine,
    hq_admin_url: URL,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a, b = make_till(41, 1), make_till(42, 1)
    _, card = register_with_money(a, "13800004101", "500.00")  # ￥500 + ￥60 bonus at store 041
    other = membership.register(
        a.ctx, actor=ADMIN[0], phone="13800004102", name="李四", consent_terms=True, pin=PIN
    )
    returned = accounts.topup(
        a.ctx, actor=ADMIN[0], member_id=other.member.member_id, amount=Fen.of("100.00")
    )
    refund_top_up(a.ctx, actor=ADMIN[0], receipt_no=returned.ticket.receipt_no)  # 冷静期退款
    assert a.sync().ok
    assert b.sync().ok
    due, stored = _half_stored_value_sale(b, card)
    assert b.sync().ok

    report = build_report(hq_admin)

    assert report.invoice_days == [
        InvoiceDay("041", DAY, Fen(0), Fen(0), Fen(0), Fen.of("500.00")),
        InvoiceDay("042", DAY, due, stored, due - stored, Fen(0)),
    ]
    principal_at_hq = sum(
        int(str(r[0]))
        for r in hq_rows(hq_admin, "SELECT amount FROM ledger_entry WHERE bucket = 'principal'")
    )
    assert report.liability[-1] == LiabilityDay(DAY, "041", Fen(principal_at_hq))
    assert sum(d.principal.value for d in report.liability if d.day == DAY) == principal_at_hq
    url = hq_admin_url.render_as_string(hide_password=False)
    code = main(["--db", str(a.path), "hq", "report", "--hq-url", url])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert (
        f"门店 042：销售 {due}，储值消费（不开具发票） ￥50.00，可开票销售额 {due - stored}" in out
    )
    assert (
        "门店 041：销售 ￥0.00，储值消费（不开具发票） ￥0.00，可开票销售额 ￥0.00，"
        "预付卡充值（不征税） ￥500.00" in out
    )
    assert f"2026-03-10  门店 041：{Fen(principal_at_hq)}" in out
