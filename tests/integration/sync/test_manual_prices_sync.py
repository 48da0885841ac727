"""A sale with 改价 and discounts reaches head office: the new columns, the same chain hash.

Head office's h0016 takes the line columns, stages and moves them, and hashes them as the till
does; run again, it changes nothing; a till's books taken back from head office verify.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, text

from frontdesk.domain.approvals import ApprovalAction, ApprovalBinding
from frontdesk.domain.money import Fen
from frontdesk.persistence.verify import verify
from frontdesk.services import checkout, staff
from frontdesk.services.context import new_id
from frontdesk.sync.hq_migrations.versions import h0016_manual_prices
from tests.integration.sync.conftest import ADMIN, PRODUCTS, Till, hq_rows

WATER, RICE = PRODUCTS


def _sell_by_hand(till: Till) -> checkout.SaleResult:
    items = [
        checkout.SaleItem(RICE.barcode, 2, price=Fen.of("40.00")),
        checkout.SaleItem(WATER.barcode, 5, discount=Fen.of("0.50")),
    ]
    txn_id = new_id()
    off = Fen.of("1.00")
    priced = checkout.quote(
        till.ctx, card_no=None, items=items, actor=ADMIN[0], ticket_discount=off
    ).priced
    binding = ApprovalBinding(ApprovalAction.PRICE_OVERRIDE, txn_id, priced.manual_reduction.value)
    approval = staff.approve(till.ctx, binding, manager_no=ADMIN[0], pin=ADMIN[1])
    return checkout.checkout(
        till.ctx,
        txn_id=txn_id,
        cashier=ADMIN[0],
        card_no=None,
        items=items,
        payments=[checkout.Payment("cash", priced.due)],
        ticket_discount=off,
        approval=approval,
    )


def test_head_office_keeps_the_cashiers_hand_and_recomputes_its_hash(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    till = make_till(1, 71)
    sale = _sell_by_hand(till)
    assert sale.ticket.total == Fen.of("88.50")  # 80 + 10 − 0.50 − 1.00

    report = till.sync()

    assert report.ok, report.message
    held = hq_rows(
        hq_admin,
        "SELECT line_no, unit_price, list_price, line_discount, ticket_discount, net"
        " FROM ticket_line WHERE till_id = :t ORDER BY line_no",
        t=till.till_id,
    )
    assert [row[:4] for row in held] == [(1, 4000, 5000, None), (2, 200, None, 50)]
    assert sum(int(str(row[4])) for row in held) == 100
    assert sum(int(str(row[5])) for row in held) == 8850
    [(ticket_hash,)] = hq_rows(
        hq_admin, "SELECT hash FROM ticket WHERE receipt_no = :r", r=sale.ticket.receipt_no
    )
    with till.engine.connect() as conn:
        local = conn.execute(
            text("SELECT hash FROM ticket WHERE receipt_no = :r"), {"r": sale.ticket.receipt_no}
        ).scalar()
    assert ticket_hash == local


def test_h0016_runs_again_and_the_next_sale_still_passes(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    till = make_till(1, 72)
    _sell_by_hand(till)
    assert till.sync().ok
    with hq_admin.begin() as conn:
        conn.execute(text(h0016_manual_prices._DDL))

    _sell_by_hand(till)
    checkout_plain = checkout.quote(
        till.ctx, card_no=None, items=[checkout.SaleItem(WATER.barcode, 1)], actor=ADMIN[0]
    )

    assert checkout_plain.priced.due == Fen.of("2.00")
    assert till.sync().ok
    assert verify(till.engine) == []
    count = hq_rows(hq_admin, "SELECT count(*) FROM ticket WHERE till_id = :t", t=till.till_id)
    assert count == [(2,)]
