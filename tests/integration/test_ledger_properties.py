"""Random sequences of top-ups, sales, refunds and replays keep every ledger invariant."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from frontdesk.domain import errors
from frontdesk.domain.money import Fen
from frontdesk.persistence.verify import verify
from frontdesk.services import accounts, checkout, membership
from frontdesk.services.checkout import Payment, SaleItem
from frontdesk.services.context import new_id
from tests.integration.core_fixtures import RICE, TOBACCO, WATER, Till, make_till

topups = st.tuples(st.just("topup"), st.integers(1, 200_000))
sales = st.tuples(
    st.just("sale"),
    st.lists(st.sampled_from([RICE, WATER, TOBACCO]), min_size=1, max_size=4),
    st.integers(0, 100),  # percentage paid by stored value
)
refunds = st.tuples(st.just("refund"), st.integers(0, 50), st.booleans())
replays = st.tuples(st.just("replay"))
operations = st.lists(st.one_of(topups, sales, refunds, replays), min_size=1, max_size=12)


def apply(till: Till, card: str, member_id: str, ops: list[tuple[object, ...]]) -> None:
    sold: list[str] = []
    last_sale: tuple[str, list[SaleItem], list[Payment]] | None = None
    for op in ops:
        kind = op[0]
        if kind == "topup":
            accounts.topup(till.ctx, actor="8001", member_id=member_id, amount=Fen(int(str(op[1]))))
        elif kind == "sale":
            items = [SaleItem(code) for code in op[1]]  # type: ignore[attr-defined]
            due = checkout.quote(till.ctx, actor="1001", card_no=card, items=items).priced.due
            balance = membership.member_by_id(till.ctx, member_id).balance
            stored = Fen(min(balance.value, due.value * int(str(op[2])) // 100))
            pays = [Payment("stored_value", stored)] if stored.value else []
            if due.value - stored.value:
                pays.append(Payment("cash", due - stored))
            txn = new_id()
            r = checkout.checkout(
                till.ctx,
                txn_id=txn,
                cashier="1001",
                card_no=card,
                items=items,
                payments=pays,
                pin="135790",
            )
            sold.append(r.ticket.receipt_no)
            last_sale = (txn, items, pays)
        elif kind == "refund" and sold:
            receipt = sold[int(str(op[1])) % len(sold)]
            lines = None if op[2] else {1: 1}
            try:
                amount = checkout.refund_amount(till.ctx, receipt_no=receipt, lines=lines)
            except (errors.NothingToRefund, errors.RefundTooLarge):
                continue
            approval = till.approve("refund", receipt, amount)
            done = checkout.refund(
                till.ctx,
                txn_id=new_id(),
                cashier="1001",
                receipt_no=receipt,
                lines=lines,
                approval_id=approval,
            )
            assert_whole_refund_is_the_inverse(till, done)
        elif kind == "replay" and last_sale is not None:
            with till.ctx.uow(write=False) as uow:
                head = uow.ledger.head()
            txn, items, pays = last_sale
            again = checkout.checkout(
                till.ctx,
                txn_id=txn,
                cashier="1001",
                card_no=card,
                items=items,
                payments=pays,
                pin="135790",
            )
            with till.ctx.uow(write=False) as uow:
                assert uow.ledger.head() == head
            assert again.replayed


def _moves(till: Till, ticket_id: str) -> dict[tuple[str, str], int]:
    with till.ctx.uow(write=False) as uow:
        entries = uow.ledger.for_ticket(ticket_id)
    moves: dict[tuple[str, str], int] = {}
    for e in entries:
        key = (e.bucket, "points" if e.bucket == "points" else "money")
        moves[key] = moves.get(key, 0) + e.amount
    return moves


def assert_whole_refund_is_the_inverse(till: Till, done: checkout.RefundResult) -> None:
    """A refund of everything, as the first refund of its sale, undoes the sale exactly."""
    with till.ctx.uow(write=False) as uow:
        first = len(uow.tickets.refunds_of(done.original.ticket_id)) == 1
    if not first or done.ticket.total != -done.original.total:
        return
    event("a whole refund was checked against its sale")
    sale, back = _moves(till, done.original.ticket_id), _moves(till, done.ticket.ticket_id)
    assert {k: -v for k, v in sale.items() if v} == {k: v for k, v in back.items() if v}
    assert {t.kind: -t.amount.value for t in done.original.tenders} == {
        t.kind: t.amount.value for t in done.ticket.tenders
    }


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations)
def test_no_fen_is_created_or_lost_and_projections_equal_the_ledger(
    ops: list[tuple[object, ...]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        till = make_till(Path(tmp) / "till.db")
        try:
            reg = till.member()

            apply(till, reg.card_no, reg.member.member_id, ops)

            assert verify(till.engine) == []
            with till.engine.connect() as conn:
                by_kind: dict[str, int] = dict(
                    conn.execute(
                        text(
                            "SELECT kind, SUM(amount) FROM ledger_entry"
                            " WHERE bucket != 'points' GROUP BY kind"
                        )
                    ).all()
                )
                principal, bonus = conn.execute(text("SELECT principal, bonus FROM account")).one()
            flows = sum(by_kind.get(k, 0) for k in ("topup", "bonus", "spend", "refund", "cashout"))
            assert principal + bonus == flows
            assert principal >= 0
            assert bonus >= 0
        finally:
            till.engine.dispose()
