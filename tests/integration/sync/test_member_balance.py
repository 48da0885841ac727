"""Head office's per-member balances, kept on arrival, agree with re-summing the ledger."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine

from frontdesk.domain.money import Fen
from frontdesk.services import accounts
from tests.integration.sync.conftest import ADMIN, Till, hq_rows
from tests.integration.sync.test_two_stores import pay_stored, register_with_money

RESUMMED = """
    SELECT member_id, bucket, NULL::integer, sum(amount)::bigint FROM ledger_entry
     WHERE member_id = ANY(:m) GROUP BY 1, 2
    UNION ALL
    SELECT member_id, 'lot', lot_year, sum(amount)::bigint FROM ledger_entry
     WHERE member_id = ANY(:m) AND bucket = 'points' AND lot_year IS NOT NULL GROUP BY 1, 3
"""


def test_balances_kept_on_arrival_equal_the_ledger_summed_and_a_pull_names_only_the_changed(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a, b = make_till(1, 61), make_till(2, 62)
    first, card = register_with_money(a, "13800000061")
    second, _ = register_with_money(a, "13800000062", topup="80.00")
    assert a.sync().ok
    assert b.sync().ok
    pay_stored(b, card, "30.00")  # the first member shops at the other store
    accounts.topup(a.ctx, actor=ADMIN[0], member_id=first, amount=Fen.of("20.00"))
    assert b.sync().ok
    assert a.sync().ok
    (cursor,) = hq_rows(hq_admin, "SELECT max(arrival) FROM ledger_entry")[0]
    accounts.topup(a.ctx, actor=ADMIN[0], member_id=second, amount=Fen.of("5.00"))
    assert a.sync().ok

    kept = sorted(hq_rows(hq_admin, "SELECT * FROM fd_member_totals(0)"), key=str)
    summed = sorted(hq_rows(hq_admin, RESUMMED, m=[first, second]), key=str)
    changed = {r[0] for r in hq_rows(hq_admin, "SELECT * FROM fd_member_totals(:a)", a=cursor)}

    mine = [r for r in kept if r[0] in (first, second)]
    assert mine == summed
    assert changed == {second}
