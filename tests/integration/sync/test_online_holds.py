"""Online holds: two tills against one head office, reachable and not (DOMAIN §9)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from sqlalchemy import Engine, exc, text
from sqlalchemy.engine import URL

from frontdesk.domain import errors
from frontdesk.domain.authorisation import HoldAnswer, HoldRequest
from frontdesk.domain.money import Fen
from frontdesk.services import checkout, receipt_making
from frontdesk.services.context import new_id
from frontdesk.services.receipts import OFFLINE_NOTICE
from frontdesk.sync.hq_engine import make_hq_engine
from frontdesk.sync.postgres_authoriser import PostgresAuthoriser
from tests.integration.sync.conftest import ADMIN, Till, hq_rows
from tests.integration.sync.silent_proxy import SilentProxy, proxy
from tests.integration.sync.test_two_stores import pay_stored, register_with_money

__all__ = ["proxy"]


Online = Callable[..., PostgresAuthoriser]


@pytest.fixture
def online() -> Iterator[Online]:
    """Makes a till ask head office for holds, as `frontdesk` wires it when connected."""
    made: list[PostgresAuthoriser] = []

    def wire(till: Till, url: URL | None = None, timeout: float = 2.0) -> PostgresAuthoriser:
        assert till.creds is not None
        creds_url = till.creds.url() if url is None else url
        # The till's own push, as sync_setup wires it: a top-up head office has not seen is
        # pushed before the hold is asked again.
        push = lambda: till.sync(pull_too=False).ok  # noqa: E731
        authoriser = PostgresAuthoriser(lambda: creds_url, timeout, push=push)
        made.append(authoriser)
        till.ctx = replace(till.ctx, authoriser=authoriser)
        return authoriser

    yield wire
    for authoriser in made:
        authoriser.dispose()


def dead_url(till: Till) -> URL:
    """The till's login at a port nobody listens on: head office unreachable now."""
    assert till.creds is not None
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return till.creds.url().set(port=port)


def holds_of(hq_admin: Engine, member_id: str) -> list[tuple[object, ...]]:
    return hq_rows(
        hq_admin,
        "SELECT state, amount FROM balance_hold WHERE member_id = :m ORDER BY created_at",
        m=member_id,
    )


def test_with_head_office_reachable_a_balance_cannot_be_spent_twice_across_two_tills(
    make_till: Callable[..., Till], hq_admin: Engine, online: Online
) -> None:
    a, b = make_till(1, 21), make_till(2, 21)
    member_id, card_no = register_with_money(a, "13800000021")  # ￥500 + ￥60 bonus
    assert a.sync().ok
    assert b.sync().ok
    online(a), online(b)
    outcomes: dict[str, object] = {}

    def spend(name: str, till: Till) -> None:
        try:
            outcomes[name] = pay_stored(till, card_no, "400.00")
        except errors.DomainError as refusal:
            outcomes[name] = refusal

    threads = [threading.Thread(target=spend, args=(n, t)) for n, t in (("a", a), ("b", b))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    sold = [o for o in outcomes.values() if isinstance(o, checkout.SaleResult)]
    refused = [o for o in outcomes.values() if isinstance(o, errors.HoldRefused)]
    small = pay_stored(b, card_no, "100.00")
    assert a.sync().ok
    assert b.sync().ok

    assert (len(sold), len(refused)) == (1, 1), outcomes
    assert not sold[0].ticket.offline
    assert not small.ticket.offline
    assert "总部核定的可用储值余额" in refused[0].message
    assert sorted(holds_of(hq_admin, member_id), key=str) == sorted(
        [
            ("posted", sold[0].ticket.total.value),
            ("posted", small.ticket.total.value),
            ("refused", sold[0].ticket.total.value),
        ],
        key=str,
    )
    left = 56000 - sold[0].ticket.total.value - small.ticket.total.value
    balance = "SELECT principal + bonus FROM account_balance WHERE member_id = :m"
    assert hq_rows(hq_admin, balance, m=member_id) == [(left,)]
    assert hq_rows(hq_admin, "SELECT count(*) FROM negative_account") == [(0,)]


def test_money_topped_up_here_and_not_yet_synced_may_be_spent_online(
    make_till: Callable[..., Till], hq_admin: Engine, online: Online
) -> None:
    a = make_till(1, 22)
    online(a)
    member_id, card_no = register_with_money(a, "13800000022")  # head office has not seen it

    sale = pay_stored(a, card_no, "500.00")
    with pytest.raises(errors.HoldRefused):
        pay_stored(a, card_no, "100.00")  # ￥70 left, here and at head office alike
    assert a.sync().ok

    assert not sale.ticket.offline
    assert holds_of(hq_admin, member_id)[0] == ("posted", sale.ticket.total.value)


def test_head_office_holds_its_own_balance_whatever_a_till_claims(
    make_till: Callable[..., Till], hq_admin: Engine, online: Online
) -> None:
    a, b = make_till(1, 27), make_till(2, 27)
    member_id, card_no = register_with_money(a, "13800000027")  # ￥500 + ￥60 bonus
    assert a.sync().ok
    assert b.sync().ok
    _at_a, at_b = online(a), online(b)
    # A till whose figure is wrong (a bug, a forged request, an old copy restored) says it has
    # ￥10,000 of this member's money head office has not received yet.
    claim = Fen.of("10000.00")

    forged = at_b.hold(HoldRequest(new_id(), member_id, Fen.of("1000.00"), 0, claim))
    sold = pay_stored(a, card_no, "400.00")  # online at A: a pending hold at head office
    left = 56000 - sold.ticket.total.value
    after = at_b.hold(HoldRequest(new_id(), member_id, Fen(left + 1), 0, claim))
    exact = at_b.hold(HoldRequest(new_id(), member_id, Fen(left), 0, claim))

    assert (forged.answer, forged.available) == (HoldAnswer.REFUSED, Fen(56000))
    assert not sold.ticket.offline
    assert (after.answer, after.available) == (HoldAnswer.REFUSED, Fen(left))
    assert exact.answer is HoldAnswer.APPROVED
    # What head office counted is its own balance less the open holds, whatever was claimed.
    balance = (
        "SELECT sum(amount) FROM member_balance WHERE member_id = :m"
        " AND bucket IN ('principal', 'bonus') AND lot_year = 0"
    )
    assert hq_rows(hq_admin, balance, m=member_id) == [(56000,)]
    assert hq_rows(
        hq_admin,
        "SELECT state, available FROM balance_hold WHERE member_id = :m AND unsent = :u"
        " ORDER BY created_at",
        m=member_id,
        u=claim.value,
    ) == [("refused", 56000), ("refused", left), ("pending", left)]


def test_a_provisional_spend_not_pushed_yet_still_lowers_what_head_office_holds(
    make_till: Callable[..., Till], hq_admin: Engine, online: Online
) -> None:
    a, b = make_till(1, 28), make_till(2, 28)
    _member_id, card_no = register_with_money(a, "13800000028")
    assert a.sync().ok
    assert b.sync().ok
    online(a, dead_url(a))
    offline = pay_stored(a, card_no, "100.00")  # under the floor limit, not pushed
    online(a), online(b)

    with pytest.raises(errors.HoldRefused) as refused:
        pay_stored(a, card_no, "500.00")  # A's own word lowers the balance head office holds
    at_b = pay_stored(b, card_no, "400.00")  # B cannot know: head office has ￥560

    assert offline.ticket.offline
    assert not at_b.ticket.offline
    left = 56000 - offline.ticket.total.value
    assert refused.value.details["balance"] == Fen(left)


def test_a_sale_that_fails_after_its_hold_gives_the_hold_back(
    make_till: Callable[..., Till], hq_admin: Engine, online: Online
) -> None:
    a = make_till(1, 23)
    member_id, card_no = register_with_money(a, "13800000023")
    assert a.sync().ok
    online(a)

    with pytest.raises(errors.UnknownProduct):
        checkout.checkout(
            a.ctx,
            txn_id=new_id(),
            cashier=ADMIN[0],
            card_no=card_no,
            items=[checkout.SaleItem("6999999999999")],
            payments=[checkout.Payment("stored_value", Fen.of("550.00"))],
            pin="135790",
        )
    sale = pay_stored(a, card_no, "560.00")  # the whole balance, no longer held

    assert holds_of(hq_admin, member_id) == [
        ("voided", 55000),
        ("pending", sale.ticket.total.value),
    ]


def test_with_head_office_unreachable_each_till_applies_the_floor_limit_at_once(
    make_till: Callable[..., Till], hq_admin: Engine, online: Online
) -> None:
    a, b = make_till(1, 24), make_till(2, 24)
    member_id, card_no = register_with_money(a, "13800000024", topup="1000.00")
    assert a.sync().ok
    assert b.sync().ok  # both synced a moment ago: not "offline" by the age of a sync
    online(a, dead_url(a)), online(b, dead_url(b))

    at_a = pay_stored(a, card_no, "300.00")  # 98折: ￥294 of the ￥300 floor limit
    at_b = pay_stored(b, card_no, "300.00")
    with pytest.raises(errors.OfflineCapExceeded):
        pay_stored(a, card_no, "10.00")
    with pytest.raises(errors.OfflineCapExceeded):
        pay_stored(b, card_no, "10.00")
    assert a.sync().ok
    assert b.sync().ok

    for sale, till in ((at_a, a), (at_b, b)):
        assert sale.ticket.offline
        assert OFFLINE_NOTICE in receipt_making.sale(till.ctx, sale).text_lines
    flags = hq_rows(
        hq_admin,
        "SELECT DISTINCT offline FROM ledger_entry WHERE member_id = :m AND kind = 'spend'",
        m=member_id,
    )
    assert flags == [(True,)]
    assert holds_of(hq_admin, member_id) == []


def test_a_head_office_that_goes_silent_answers_unreachable_within_the_timeout(
    make_till: Callable[..., Till], hq_admin: Engine, proxy: SilentProxy, online: Online
) -> None:
    a = make_till(1, 25)
    member_id, _ = register_with_money(a, "13800000025")
    assert a.sync().ok
    assert a.creds is not None
    proxy.heal()
    authoriser = online(a, a.creds.url().set(host="127.0.0.1", port=proxy.port), timeout=1.0)
    first = authoriser.hold(HoldRequest(new_id(), member_id, Fen(100), 10**6, Fen(0)))
    proxy.limit = 0  # from now on the line swallows every byte

    started = time.monotonic()
    second = authoriser.hold(HoldRequest(new_id(), member_id, Fen(100), 10**6, Fen(0)))
    waited = time.monotonic() - started

    assert first.answer is HoldAnswer.APPROVED
    assert second.answer is HoldAnswer.UNREACHABLE
    assert waited < 2.5


def test_a_store_role_cannot_write_holds_directly(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a = make_till(1, 26)
    assert a.creds is not None
    as_a = make_hq_engine(a.creds.url())
    insert = text(
        "INSERT INTO balance_hold (txn_uuid, till_id, member_id, amount, acked_seq, unsent,"
        " available, state, expires_at) VALUES ('x', :t, 'm', 1, 0, 0, 0, 'posted', now())"
    )
    try:
        with pytest.raises(exc.ProgrammingError, match="permission denied"), as_a.begin() as conn:
            conn.execute(insert, {"t": a.till_id})
        with pytest.raises(exc.ProgrammingError, match="permission denied"), as_a.begin() as conn:
            conn.execute(text("UPDATE balance_hold SET state = 'voided'"))
    finally:
        as_a.dispose()
