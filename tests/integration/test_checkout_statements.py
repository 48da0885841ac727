"""How many SQL statements one checkout sends, counted by SQLite itself on a real store.

The ceilings are exact: a change that adds a read to the counter's hottest path fails here and
has to say why, in this file, where the next reader sees it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from frontdesk.domain.money import Fen
from frontdesk.services import accounts, checkout
from frontdesk.services.context import new_id
from tests.integration.core_fixtures import RICE, WATER, Till

ITEMS = [checkout.SaleItem(WATER), checkout.SaleItem(RICE, 2)]
STORED = [checkout.Payment("stored_value", Fen(1000)), checkout.Payment("cash", Fen(100_000))]
CASH = [checkout.Payment("cash", Fen(100_000))]
# Statements and reads (SELECTs) of one checkout, PIN check included.
STATEMENTS_MEMBER, READS_MEMBER = 29, 11
STATEMENTS_WALK_IN, READS_WALK_IN = 14, 6


@pytest.fixture
def traced(till: Till) -> Iterator[list[str]]:
    """Every statement SQLite runs on the till's connections (BEGIN and COMMIT included)."""
    seen: list[str] = []

    def on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.set_trace_callback(seen.append)

    till.engine.dispose()
    event.listen(till.engine, "connect", on_connect)
    yield seen
    event.remove(till.engine, "connect", on_connect)


def _reads(statements: list[str]) -> int:
    return sum(s.lstrip().upper().startswith("SELECT") for s in statements)


def _sale(till: Till, card_no: str | None, payments: list[checkout.Payment]) -> None:
    checkout.checkout(
        till.ctx,
        txn_id=new_id(),
        cashier="1001",
        card_no=card_no,
        items=ITEMS,
        payments=payments,
        pin="135790",
    )


def test_a_stored_value_member_checkout_stays_within_its_statements(
    till: Till, traced: list[str]
) -> None:
    reg = till.member()
    accounts.topup(till.ctx, actor="1001", member_id=reg.member.member_id, amount=Fen(10_000))
    _sale(till, reg.card_no, STORED)  # warms what is read once per connection
    traced.clear()
    _sale(till, reg.card_no, STORED)
    # The PIN's read (outside the write lock), then the sale's own transaction: 2 lines,
    # 2 tenders, 3 ledger entries, the account, a points lot and the audit row.
    assert (len(traced), _reads(traced)) == (STATEMENTS_MEMBER, READS_MEMBER), traced


def test_a_cash_walk_in_checkout_stays_within_its_statements(till: Till, traced: list[str]) -> None:
    _sale(till, None, CASH)
    traced.clear()
    _sale(till, None, CASH)
    assert (len(traced), _reads(traced)) == (STATEMENTS_WALK_IN, READS_WALK_IN), traced
