"""One PIN secret for the chain, from head office: a member's PIN set at till A checks at till B.

Against the real PostgreSQL: both tills take the chain's secret as they join (`hq init`), the
member's hash names it, a store role cannot read it at head office, and an old store's
unpeppered hash is hashed again at the next right PIN and reaches the other till so.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from frontdesk.domain import errors
from frontdesk.domain.stored_value import hash_pin
from frontdesk.persistence.pin_pepper import pepper_beside, read_secrets
from frontdesk.services.member_pin import check_member_pin
from frontdesk.sync.hq_engine import make_hq_engine
from tests.integration.sync.conftest import Till, hq_rows
from tests.integration.sync.test_two_stores import PIN, pay_stored, register_with_money


def member_pin_hash(till: Till, member_id: str) -> str:
    with till.engine.connect() as conn:
        found = conn.execute(
            text("SELECT pin_hash FROM member WHERE member_id = :m"), {"m": member_id}
        )
        return str(found.scalar_one())


def test_a_pin_set_at_till_a_checks_at_till_b_with_the_chains_secret(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a, b = make_till(1, 41), make_till(2, 41)
    held_a, held_b = read_secrets(pepper_beside(a.path)), read_secrets(pepper_beside(b.path))
    assert held_a is not None
    assert held_b is not None
    assert held_a.chain is not None
    assert held_a.chain == held_b.chain  # one secret for the chain, from head office
    assert held_b.own is not None  # B's own stays, for the hashes it made before
    assert hq_rows(hq_admin, "SELECT value FROM hq_setting WHERE key = 'pin_secret'") == [
        (held_a.chain.hex(),)
    ]

    member_id, card_no = register_with_money(a, "13800000041")
    assert ",k=" in member_pin_hash(a, member_id)
    assert a.sync().ok
    assert b.sync().ok

    assert member_pin_hash(b, member_id) == member_pin_hash(a, member_id)
    with pytest.raises(errors.WrongPin):
        pay_stored(b, card_no, "10.00", pin="975318")
    assert not pay_stored(b, card_no, "10.00", pin=PIN).ticket.offline
    for path in (a.path, b.path):
        assert held_a.chain.hex() not in path.read_bytes().hex()


def test_a_store_role_cannot_read_the_chains_secret(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a = make_till(1, 42)
    assert a.creds is not None
    store = make_hq_engine(a.creds.url())
    try:
        with pytest.raises(DBAPIError, match="permission denied"), store.connect() as conn:
            conn.execute(text("SELECT value FROM hq_setting"))
        # Only with this till's valid, unspent enrolment code (it has none): refused.
        with pytest.raises(DBAPIError, match="enrolment code not valid"), store.connect() as conn:
            conn.execute(text("SELECT fd_enrolment_pin_secret('guess')"))
    finally:
        store.dispose()


def test_an_old_unpeppered_member_pin_moves_to_the_chains_secret_and_b_gets_it(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a, b = make_till(1, 43), make_till(2, 43)
    member_id, card_no = register_with_money(a, "13800000043")
    old = hash_pin(PIN, None)  # what every till wrote before the chain had a secret
    with a.engine.begin() as conn:
        conn.execute(
            text("UPDATE member SET pin_hash = :h WHERE member_id = :m"), {"h": old, "m": member_id}
        )

    check_member_pin(a.ctx, member_id, PIN)
    now = member_pin_hash(a, member_id)
    assert now != old
    assert ",k=" in now
    assert a.sync().ok
    assert b.sync().ok

    assert member_pin_hash(b, member_id) == now
    assert hq_rows(hq_admin, "SELECT pin_hash FROM member WHERE member_id = :m", m=member_id) == [
        (now,)
    ]
    assert not pay_stored(b, card_no, "10.00", pin=PIN).ticket.offline
