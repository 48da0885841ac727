"""A member's PIN state from head office joins the till's: the stricter wins, a new PIN resets."""

from __future__ import annotations

from frontdesk.domain.merge import member_update
from frontdesk.domain.pin_state import PinState, merged


def test_the_count_and_the_lock_of_either_side_are_kept() -> None:
    assert merged(PinState(2, False), PinState(3, False)) == PinState(3, False)
    assert merged(PinState(4, False), PinState(1, True)) == PinState(4, True)
    assert merged(PinState(5, True), PinState(0, False)) == PinState(5, True)


def test_a_lock_from_head_office_reaches_the_till_for_the_same_pin() -> None:
    row = {"pin_hash": "h", "pin_failures": 5, "pin_locked": True}

    values = member_update(row, "h", PinState(0, False))

    assert (values["pin_failures"], values["pin_locked"]) == (5, True)


def test_a_new_pin_from_head_office_lifts_the_lock_here() -> None:
    row = {"pin_hash": "new", "pin_failures": 0, "pin_locked": False}

    values = member_update(row, "old", PinState(5, True))

    assert (values["pin_hash"], values["pin_failures"], values["pin_locked"]) == ("new", 0, False)
