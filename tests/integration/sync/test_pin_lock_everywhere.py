"""A PIN lock made at one store holds at every store; wrong tries add up across stores."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine

from frontdesk.domain import errors
from frontdesk.services import membership
from tests.integration.sync.conftest import ADMIN, Till, hq_rows
from tests.integration.sync.test_two_stores import approve, pay_stored, register_with_money

WRONG = "975318"


def two_synced_tills(
    make_till: Callable[..., Till], till_no: int, phone: str
) -> tuple[Till, Till, str, str]:
    """Till A of store 1 registers a member with money; A and store 2's till B synced."""
    a, b = make_till(1, till_no), make_till(2, till_no)
    member_id, card_no = register_with_money(a, phone)
    assert a.sync().ok
    assert b.sync().ok
    return a, b, member_id, card_no


def wrong_pins(till: Till, card_no: str, n: int) -> None:
    for _ in range(n):
        with pytest.raises(errors.WrongPin):
            pay_stored(till, card_no, "10.00", pin=WRONG)


def test_a_pin_lock_made_at_a_holds_at_b_after_sync_until_a_reset(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a, b, member_id, card_no = two_synced_tills(make_till, 31, "13800000031")
    wrong_pins(a, card_no, 4)
    with pytest.raises(errors.PinLocked):
        pay_stored(a, card_no, "10.00", pin=WRONG)

    assert a.sync().ok
    assert b.sync().ok

    with pytest.raises(errors.PinLocked):
        pay_stored(b, card_no, "10.00")  # the right PIN, at another store
    assert hq_rows(
        hq_admin, "SELECT pin_failures, pin_locked FROM member WHERE member_id = :m", m=member_id
    ) == [(5, True)]
    membership.set_pin(
        a.ctx,
        actor=ADMIN[0],
        member_id=member_id,
        pin="246813",
        approval_id=approve(a, "pin_reset", member_id),
    )
    assert a.sync().ok
    assert b.sync().ok
    assert not pay_stored(b, card_no, "10.00", pin="246813").ticket.offline


def test_wrong_pins_at_two_stores_add_up_to_the_limit(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a, b, _, card_no = two_synced_tills(make_till, 32, "13800000032")
    wrong_pins(a, card_no, 3)
    assert a.sync().ok
    assert b.sync().ok

    with pytest.raises(errors.WrongPin) as fourth:
        pay_stored(b, card_no, "10.00", pin=WRONG)
    with pytest.raises(errors.PinLocked):
        pay_stored(b, card_no, "10.00", pin=WRONG)

    assert fourth.value.details["left"] == 1
    assert b.sync().ok
    assert a.sync().ok
    with pytest.raises(errors.PinLocked):
        pay_stored(a, card_no, "10.00")
