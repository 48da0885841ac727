"""One lockout policy: member PINs, staff logins (locked until lifted) and approvals (cool off)."""

from __future__ import annotations

from datetime import timedelta

from frontdesk.domain.lockout import (
    CLEAR,
    Attempts,
    LockoutPolicy,
    after_right_pin,
    after_wrong_pin,
)
from tests.builders import at

NOW = at(2026, 3, 10)


def wrong(times: int, policy: LockoutPolicy, state: Attempts = CLEAR) -> Attempts:
    for _ in range(times):
        state = after_wrong_pin(state, policy, NOW)
    return state


def test_the_last_allowed_wrong_pin_locks_and_the_ones_before_count_down() -> None:
    policy = LockoutPolicy(max_tries=5)

    four, five = wrong(4, policy), wrong(5, policy)

    assert (four.failures, four.locked, four.tries_left(policy)) == (4, False, 1)
    assert (five.failures, five.locked, five.tries_left(policy)) == (5, True, 0)


def test_a_lock_without_cooling_off_holds_for_good() -> None:
    locked = wrong(5, LockoutPolicy(max_tries=5))

    assert locked.is_locked(NOW + timedelta(days=365))


def test_a_lock_with_cooling_off_lifts_itself_and_the_count_starts_again() -> None:
    policy = LockoutPolicy(max_tries=3, cooloff=timedelta(minutes=15))
    paused = wrong(3, policy)

    later = NOW + timedelta(minutes=15)
    again = after_wrong_pin(paused, policy, later)

    assert paused.is_locked(NOW + timedelta(minutes=14))
    assert paused.until == NOW + timedelta(minutes=15)
    assert not paused.is_locked(later)
    assert (again.failures, again.locked) == (1, False)


def test_the_right_pin_clears_the_count() -> None:
    policy = LockoutPolicy(max_tries=5)

    assert after_right_pin(wrong(3, policy)) == CLEAR
