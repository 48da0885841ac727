"""Checking a member's stored-value PIN: one check of a member at a time, each try counted.

The check runs under the member's gate (threads and processes of this till in a row), reads
the count inside it, and only then runs the slow hash: a sixth wrong PIN is refused as locked
without being checked. Each outcome is written with an outbox event, so head office counts the
tries of every store and a lock made here holds at every store after sync.
"""

from __future__ import annotations

from dataclasses import replace

from frontdesk.domain import errors
from frontdesk.domain.lockout import Attempts, LockoutPolicy, after_wrong_pin
from frontdesk.domain.pin_state import PIN_EVENT, PinState, pin_event, typed_as_digits
from frontdesk.domain.stored_value import hash_pin, needs_rehash, pin_matches
from frontdesk.services.context import TillContext
from frontdesk.services.membership.enrolment import _record_member


def check_member_pin(ctx: TillContext, member_id: str, pin: str | None) -> None:
    """Passes on the right PIN; refuses (PinLocked, NoPinSet, PinRequired, WrongPin) otherwise."""
    with ctx.uow.member_gate.member(member_id):
        with ctx.uow(write=False) as uow:
            member = uow.members.get(member_id)
            keys = uow.pin_secrets
        assert member is not None
        if member.pin_locked:
            raise errors.PinLocked()
        if member.pin_hash is None:
            raise errors.NoPinSet()
        if pin is None:
            raise errors.PinRequired()
        if not typed_as_digits(pin):
            raise errors.WeakPin(length=ctx.program.pin_length)  # refused, not counted
        policy = LockoutPolicy(ctx.program.pin_max_tries)  # one policy: domain/lockout.py
        if pin_matches(pin, member.pin_hash, None, *keys.known):
            if needs_rehash(member.pin_hash, keys.member):
                _rehash(ctx, member_id, hash_pin(pin, keys.member))
            if member.pin_failures:
                _record(ctx, member_id, "right", PinState(0, False), policy.max_tries)
            return
        after = after_wrong_pin(Attempts(member.pin_failures, member.pin_locked), policy, ctx.now())
        _record(ctx, member_id, "wrong", PinState(after.failures, after.locked), policy.max_tries)
    if after.locked:
        raise errors.PinLocked()
    raise errors.WrongPin(left=after.tries_left(policy))


def _rehash(ctx: TillContext, member_id: str, pin_hash: str) -> None:
    """A right PIN in a hash from before the chain's secret (or at a lower cost), hashed again.

    The new hash goes to head office like a PIN change, so the member's PIN stays the same one
    at every till while the old stores' hashes move to the pepper.
    """
    now = ctx.now()
    with ctx.uow() as uow:
        fresh = uow.members.get(member_id)
        assert fresh is not None
        changed = replace(fresh, pin_hash=pin_hash)
        uow.members.save(changed, now)
        _record_member(uow, changed, now)
        uow.commit()


def _record(ctx: TillContext, member_id: str, outcome: str, after: PinState, tries: int) -> None:
    """The count, its audit row (a wrong try) and its event for head office, in one commit."""
    now = ctx.now()
    with ctx.uow() as uow:
        fresh = uow.members.get(member_id)
        assert fresh is not None
        uow.members.save(replace(fresh, pin_failures=after.failures, pin_locked=after.locked), now)
        uow.outbox.add(PIN_EVENT, member_id, pin_event(outcome, after, tries), now)
        if outcome == "wrong":
            uow.audit.add(
                at=now,
                actor="member",
                action="member_pin_wrong",
                subject=member_id,
                outcome="refused",
                detail={"failures": after.failures, "locked": after.locked},
            )
        uow.commit()
