"""A push waits for no other till's open push on the same member; the fold catches up after.

Against the real PostgreSQL: till a's push is held open with an entry of a member inserted (as
a push inserts it, under its till's lock and arrival mark), and till b sells to that member
meanwhile. b's push goes through (before h0021 it queued on the member's member_balance row
until a's push ended); head office's exact balance counts b's entries before they are folded,
and once a's push is gone the fold brings the summaries level with the ledger.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import Engine, text

from frontdesk.services.sync_port import SyncReport
from frontdesk.sync.hq_engine import make_hq_engine
from tests.integration.sync.conftest import Till, hq_rows
from tests.integration.sync.test_member_balance import RESUMMED
from tests.integration.sync.test_two_stores import pay_stored, register_with_money

_OPEN_ENTRY = """
    INSERT INTO ledger_entry (till_id, seq, entry_uuid, txn_uuid, created_at, kind, member_id,
                              bucket, amount, actor, ticket_id, offline, prev_hash, hash)
    VALUES (:t, 900000, 'open-entry', 'open-txn', '2026-11-20T10:00:00+08:00', 'topup', :m,
            'principal', 500, '1001', NULL, false, '', '')
"""
_LEDGER_SUM = (
    "SELECT coalesce(sum(amount), 0) FROM ledger_entry"
    " WHERE member_id = :m AND bucket IN ('principal', 'bonus')"
)
_EXACT = "SELECT principal + bonus FROM account_balance WHERE member_id = :m"


def test_a_push_does_not_wait_for_another_tills_open_push_on_the_same_member(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a, b = make_till(71, 1), make_till(72, 1)
    member, card = register_with_money(a, "13800007101", "300.00")
    assert a.sync().ok
    assert b.sync().ok
    side = make_hq_engine(hq_admin.url)  # the open push keeps a connection of its own
    try:
        with side.connect() as open_push:
            open_push.begin()
            open_push.execute(text("SELECT fd_push_lock(:t)"), {"t": a.till_id})
            open_push.execute(text(_OPEN_ENTRY), {"t": a.till_id, "m": member})

            pay_stored(b, card, "40.00")
            pushed: list[SyncReport] = []
            sync = threading.Thread(target=lambda: pushed.append(b.sync(pull_too=False)))
            sync.start()
            sync.join(timeout=20)  # before h0021 it waited here until a's push ended
            through_meanwhile = not sync.is_alive()
            exact_meanwhile = hq_rows(hq_admin, _EXACT, m=member)
            summed_meanwhile = hq_rows(hq_admin, _LEDGER_SUM, m=member)
            open_push.rollback()
            sync.join()
    finally:
        side.dispose()
    with hq_admin.begin() as conn:
        conn.execute(text("SELECT fd_fold_arrivals()"))

    assert through_meanwhile
    assert pushed[0].ok
    assert exact_meanwhile == summed_meanwhile  # b's entries counted before they were folded
    folded = sorted(
        hq_rows(hq_admin, "SELECT member_id, bucket, NULLIF(lot_year, 0), amount"
                " FROM member_balance WHERE member_id = :m", m=member),
        key=str,
    )  # fmt: skip
    assert folded == sorted(hq_rows(hq_admin, RESUMMED, m=[member]), key=str)
    gone = "SELECT count(*) FROM ledger_entry WHERE entry_uuid = 'open-entry'"
    assert hq_rows(hq_admin, gone) == [(0,)]
