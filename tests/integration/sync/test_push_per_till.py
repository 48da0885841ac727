"""Pushes wait only for their own till, and the arrival watermark stays under every open push.

Against the real PostgreSQL: an open push (its transaction not yet committed) holds its till's
lock and its arrival mark; another till's push goes through meanwhile, and a pull in between
gets a cursor under the open push's rows, so once it commits the next pull brings them.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine, exc, text

from frontdesk.domain.money import Fen
from frontdesk.services import accounts
from frontdesk.sync.hq_engine import make_hq_engine
from frontdesk.sync.postgres_head_office import PostgresHeadOffice
from tests.integration.sync.conftest import ADMIN, Till
from tests.integration.sync.test_two_stores import register_with_money


def _watermark(hq: Engine) -> int:
    with hq.begin() as conn:
        return int(conn.execute(text("SELECT fd_arrival_watermark()")).scalar_one())


def test_an_open_push_holds_back_the_watermark_and_only_its_own_till(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a, b = make_till(61, 1), make_till(62, 1)
    member, _ = register_with_money(a, "13800006101", "100.00")
    assert a.sync().ok
    assert b.sync().ok
    side = make_hq_engine(hq_admin.url)  # a pool of its own: the open push keeps one connection
    try:
        _while_a_push_is_open(hq_admin, side, a, b, member)
    finally:
        side.dispose()


def _while_a_push_is_open(hq_admin: Engine, side: Engine, a: Till, b: Till, member: str) -> None:
    with hq_admin.connect() as open_push:
        open_push.begin()
        open_push.execute(text("SELECT fd_push_lock(:t)"), {"t": a.till_id})
        mark = int(open_push.execute(text("SELECT currval('arrival_seq')")).scalar_one())
        assert _watermark(side) == mark - 1
        with side.connect() as other:
            other.execute(text("SET lock_timeout = '2s'"))
            # Another till's push is not held up; the same till's waits for the open one.
            other.execute(text("SELECT fd_push_lock(:t)"), {"t": b.till_id})
            other.commit()
            with pytest.raises(exc.OperationalError, match="lock timeout"):
                other.execute(text("SELECT fd_push_lock(:t)"), {"t": a.till_id})
            other.rollback()
        # A real push from the other store meanwhile: through, and numbered above the mark.
        accounts.topup(b.ctx, actor=ADMIN[0], member_id=member, amount=Fen.of("20.00"))
        assert b.sync(pull_too=False).ok
        with side.connect() as conn:
            newest = int(conn.execute(text("SELECT max(arrival) FROM ledger_entry")).scalar_one())
        assert newest > mark
        assert _watermark(side) == mark - 1
        assert a.creds is not None
        engine = make_hq_engine(a.creds.url())
        try:
            pulled = PostgresHeadOffice(engine).pull_balances(a.till_id, 0)
        finally:
            engine.dispose()
        assert pulled.last_cursor == mark - 1  # the next pull asks again from under the mark
        open_push.commit()
    assert _watermark(side) >= newest
