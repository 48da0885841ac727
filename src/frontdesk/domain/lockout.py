"""Counting wrong PINs: one policy for member PINs, staff logins and manager approvals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class LockoutPolicy:
    """After ``max_tries`` wrong PINs in a row the PIN is locked.

    Without a cooling-off time the lock holds until someone with the right to do so lifts it (a
    member's stored-value PIN, a staff login). With one, it lifts itself after that time and the
    count starts again: that is how approvals are protected, so a cashier typing wrong manager
    PINs into the approval dialog delays approvals for a while but never locks the manager out.
    """

    max_tries: int
    cooloff: timedelta | None = None


@dataclass(frozen=True)
class Attempts:
    """Where one PIN stands: wrong tries in a row, and whether (and until when) it is locked."""

    failures: int = 0
    locked: bool = False
    until: datetime | None = None  # only with a cooling-off policy

    def is_locked(self, now: datetime) -> bool:
        return self.locked and (self.until is None or now < self.until)

    def tries_left(self, policy: LockoutPolicy) -> int:
        return max(policy.max_tries - self.failures, 0)


CLEAR = Attempts()


def after_wrong_pin(state: Attempts, policy: LockoutPolicy, now: datetime) -> Attempts:
    """One more wrong PIN; the lock closes on the last allowed try."""
    if state.locked and not state.is_locked(now):
        state = CLEAR  # the cooling-off time is over: a fresh count
    failures = state.failures + 1
    if failures < policy.max_tries:
        return Attempts(failures)
    until = None if policy.cooloff is None else now + policy.cooloff
    return Attempts(failures, True, until)


def after_right_pin(state: Attempts) -> Attempts:
    """The right PIN clears the count (a locked PIN is refused before it is ever compared)."""
    return CLEAR
