"""Head office as the authority, logged in as another store's role: denied, refused, recorded."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from sqlalchemy import Engine, exc, text

from frontdesk.domain import errors
from frontdesk.domain.cards import CardAction, CardState
from frontdesk.domain.ledger import LedgerEntry
from frontdesk.domain.merge import head_office_card_verdict
from frontdesk.persistence.member_keys import key_of, open_with
from frontdesk.services import membership
from frontdesk.services.sync_port import RowBatch
from frontdesk.services.sync_refusals import ChainRefused
from frontdesk.sync.hq_engine import make_hq_engine
from frontdesk.sync.hq_report import build_report
from frontdesk.sync.postgres_head_office import PostgresHeadOffice
from tests.integration.sync.conftest import ADMIN, Till, hq_rows
from tests.integration.sync.test_two_stores import approve, register_with_money
from tests.unit.test_sync_chain import entries


@pytest.fixture
def as_role() -> Iterator[Callable[[Till], Engine]]:
    """An engine logged in as a till's own head-office role."""
    made: list[Engine] = []

    def login(till: Till) -> Engine:
        assert till.creds is not None
        engine = make_hq_engine(till.creds.url())
        made.append(engine)
        return engine

    yield login
    for e in made:
        e.dispose()


def _ledger(till: Till) -> list[LedgerEntry]:
    store = till.ctx.uow(write=False)
    with store as uow:
        return uow.ledger.entries()


_DIRECT = {
    "ledger_entry": (
        "INSERT INTO ledger_entry (till_id, seq, entry_uuid, txn_uuid, created_at, kind, member_id,"
        " bucket, amount, actor, offline, prev_hash, hash) VALUES (:t, 900000, 'u', 'u', "
        "'2026-01-01', 'topup', :m, 'principal', 10000000, 'x', false, 'garbage', 'garbage')"
    ),
    "ticket": (
        "INSERT INTO ticket (ticket_id, till_id, till_rowid, receipt_no, kind, created_at, cashier,"
        " gross, discount_tier, discount_birthday, redemption, redeemed_points, total,"
        " points_earned, points_multiplier, birthday_benefit, offline) VALUES ('x', :t, 1, 'R', "
        "'sale', '2026-01-01', 'x', 0, 0, 0, 0, 0, 0, 0, 1, false, false)"
    ),
    "audit_log": (
        "INSERT INTO audit_log (till_id, seq, audit_id, at, actor, action, outcome, detail) "
        "VALUES (:t, 900000, 'x', '2026-01-01', 'x', 'login', 'ok', '{}')"
    ),
    "change_event": (
        "INSERT INTO change_event (event_uuid, till_id, till_seq, kind, entity_id, payload, "
        "created_at) VALUES ('x', :t, 900000, 'member', :m, '{}', '2026-01-01')"
    ),
}


def test_a_store_role_writes_no_book_directly_and_reads_members_only_through_the_pull(
    make_till: Callable[..., Till], as_role: Callable[[Till], Engine]
) -> None:
    a, b = make_till(1, 31), make_till(2, 31)
    member_id, _ = register_with_money(a, "13800000031")
    assert a.sync().ok
    as_b = as_role(b)

    for table, insert in _DIRECT.items():
        for till in (a.till_id, b.till_id):  # neither another store's rows nor its own
            with pytest.raises(exc.ProgrammingError, match="permission denied"), as_b.begin() as c:
                c.execute(text(insert), {"t": till, "m": member_id})
        with pytest.raises(exc.ProgrammingError, match="permission denied"), as_b.begin() as c:
            c.execute(text(f"DELETE FROM {table}"))
    with pytest.raises(exc.ProgrammingError, match="permission denied"), as_b.begin() as c:
        c.execute(text("UPDATE sync_cursor SET last_seq = 0"))
    for query in ("SELECT pin_hash FROM member", "SELECT phone FROM member"):
        with pytest.raises(exc.ProgrammingError, match="permission denied"), as_b.begin() as c:
            c.execute(text(query))
    with pytest.raises(exc.ProgrammingError, match="permission denied"), as_b.begin() as c:
        c.execute(text("SELECT fd_record_problems('001-31', 'x', '[]')"))
    pulled = PostgresHeadOffice(as_b).pull("member", 0, 1000).rows
    mine = [r for r in pulled if r["member_id"] == member_id]
    # Sealed at head office; the key the pull brings opens it (the store role may not read
    # member_key itself: permission denied, as for the member table).
    opened = [open_with(key_of(r["key"]), member_id, "phone", r["phone"]) for r in mine]
    assert opened == ["13800000031"]
    with pytest.raises(exc.ProgrammingError, match="permission denied"), as_b.begin() as c:
        c.execute(text("SELECT key FROM member_key"))
    assert mine[0]["pin_hash"]  # what B needs to check the member's PIN offline
    # A staging table of the role's own making is not taken for head office's.
    with as_b.begin() as c:
        c.execute(text("CREATE TEMP TABLE fd_stage_ledger (x int)"))
        with pytest.raises(exc.DBAPIError, match="not head office"):
            c.execute(text("SELECT fd_open_stage()"))


def test_entries_with_a_wrong_sequence_hash_or_till_are_refused_by_head_office(
    make_till: Callable[..., Till], hq_admin: Engine, as_role: Callable[[Till], Engine]
) -> None:
    a, b = make_till(1, 32), make_till(2, 32)
    register_with_money(b, "13800000032")
    assert b.sync().ok
    hq = PostgresHeadOffice(as_role(b))
    head = _ledger(b)[-1]

    def next_entry(**change: object) -> LedgerEntry:
        e = replace(head, seq=head.seq + 1, entry_uuid=f"x{change}", prev_hash=head.hash)
        e = replace(e, **change)  # type: ignore[arg-type]
        return e if "hash" in change else replace(e, hash=e.computed_hash())

    forged = {
        "wrong_seq": next_entry(seq=head.seq + 5),
        "wrong_hash": next_entry(amount=10_000_000, hash="garbage"),
        "wrong_till": next_entry(till_id=a.till_id),
        "wrong_link": next_entry(prev_hash="0" * 64),
    }
    stored = "SELECT count(*), sum(amount) FROM ledger_entry"
    before = hq_rows(hq_admin, stored)

    for code, entry in forged.items():
        with pytest.raises(ChainRefused) as refused:
            hq.push_ledger(b.till_id, [entry])
        assert code in {p["code"] for p in refused.value.problems}
        assert "拒收" in refused.value.message
        assert "refused" in refused.value.message_en

    assert hq_rows(hq_admin, stored) == before
    codes = hq_rows(
        hq_admin, "SELECT DISTINCT code FROM sync_problem WHERE till_id = :t", t=b.till_id
    )
    assert {c[0] for c in codes} >= set(forged)
    assert "内容与哈希不符" in build_report(hq_admin).text
    assert b.sync().ok  # the genuine till goes on


def _forge_card_event(
    hq: PostgresHeadOffice, till: Till, card_no: str, seq: int, **payload: object
) -> None:
    event = {
        "event_uuid": f"forged-{card_no}-{seq}",
        "till_seq": seq,
        "kind": "card",
        "entity_id": card_no,
        "payload": json.dumps(payload, default=str),
        "created_at": str(payload["at"]),
    }
    hq.push_rows(till.till_id, "outbox", RowBatch([event], seq))


def test_a_forged_activation_dated_in_the_future_undoes_no_later_report_lost(
    make_till: Callable[..., Till], hq_admin: Engine, as_role: Callable[[Till], Engine]
) -> None:
    a, b = make_till(1, 33), make_till(2, 33)
    member_id, card_no = register_with_money(a, "13800000033")
    assert a.sync().ok
    forger = PostgresHeadOffice(as_role(b))
    future = a.clock.now() + timedelta(days=30)
    active = {"member_id": member_id, "generation": 0, "state": "active"}
    state = "SELECT state, origin_till FROM card WHERE card_no = :c"

    _forge_card_event(forger, b, card_no, 900001, at=future, **active)
    a.clock.advance(minutes=5)
    membership.change_card_state(
        a.ctx, actor=ADMIN[0], card_no=card_no, action=CardAction.REPORT_LOST
    )
    assert a.sync(pull_too=False).ok
    assert hq_rows(hq_admin, state, c=card_no) == [("lost", a.till_id)]

    # Nor one that comes after the 挂失, nor one naming a 挂失 that is not this one.
    _forge_card_event(forger, b, card_no, 900002, at=future, **active)
    _forge_card_event(forger, b, card_no, 900003, at=future, undoes=future, **active)
    assert hq_rows(hq_admin, state, c=card_no) == [("lost", a.till_id)]
    assert b.sync().ok
    with pytest.raises(errors.CardReportedLost):
        membership.lookup_card(b.ctx, card_no, ADMIN[0])
    refused = hq_rows(
        hq_admin,
        "SELECT count(*) FROM sync_problem WHERE code = 'lost_not_named' AND till_id = :t",
        t=b.till_id,
    )
    assert refused == [(2,)]
    assert "解除挂失未指明所解的挂失" in build_report(hq_admin).text

    # The genuine 解挂 names its 挂失, and is taken.
    a.clock.advance(minutes=5)
    membership.change_card_state(
        a.ctx,
        actor=ADMIN[0],
        card_no=card_no,
        action=CardAction.UNREPORT,
        approval_id=approve(a, CardAction.UNREPORT.value, card_no),
    )
    assert a.sync().ok
    assert hq_rows(hq_admin, state, c=card_no) == [("active", a.till_id)]
    assert b.sync().ok
    assert membership.lookup_card(b.ctx, card_no, ADMIN[0]).card_no == card_no


_STATES = [None, *CardState]
_AT = "2026-03-10T10:00:00+00:00"
_TIMES = [None, _AT, "2026-04-09T10:00:00+00:00"]


def test_head_office_orders_card_states_as_the_domain_says(hq_admin: Engine) -> None:
    with hq_admin.connect() as conn:
        for current in _STATES:
            for incoming in CardState:
                for undoes in _TIMES:
                    sql = conn.execute(
                        text("SELECT fd_card_verdict(:c, CAST(:a AS timestamptz), :i, :u)"),
                        {
                            "c": current and current.value,
                            "a": current and _AT,
                            "i": incoming.value,
                            "u": undoes,
                        },
                    ).scalar_one()
                    domain = head_office_card_verdict(
                        current,
                        datetime.fromisoformat(_AT) if current else None,
                        incoming,
                        datetime.fromisoformat(undoes) if undoes else None,
                    )
                    assert sql == domain.value, (current, incoming, undoes)


_storable = entries.filter(
    lambda e: (
        all("\x00" not in str(v) for v in vars(e).values())
        and abs(e.seq) < 2**62
        and abs(e.amount) < 2**62
        and (e.lot_year is None or abs(e.lot_year) < 2**31)
    )
)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(_storable)
def test_head_office_hashes_an_entry_exactly_as_the_domain_does(
    hq_admin: Engine, e: LedgerEntry
) -> None:
    with hq_admin.connect() as conn:
        sql = conn.execute(
            text(
                "SELECT fd_entry_hash(:till_id, :seq, :entry_uuid, :txn_uuid, :created_at, :kind, "
                ":member_id, :bucket, :amount, :actor, :approver, :ticket_id, :lot_year, :offline, "
                ":prev_hash)"
            ),
            vars(e),
        ).scalar_one()
    assert sql == e.computed_hash()
