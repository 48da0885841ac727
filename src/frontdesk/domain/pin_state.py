"""A member's PIN lock across stores: wrong tries travel with sync, a lock holds everywhere.

Each till counts wrong PINs and sends each one (and each right one) to head office, which counts
them for every store together; the count and the lock come back with the member. A lock is
lifted only by a new PIN (a manager's reset, DOMAIN §5), wherever it was set.
"""

from __future__ import annotations

from dataclasses import dataclass

PIN_EVENT = "pin"  # the outbox kind of one PIN check's outcome


@dataclass(frozen=True)
class PinState:
    failures: int
    locked: bool


NOTHING_WRONG = PinState(0, False)


def pin_event(outcome: str, after: PinState, max_tries: int) -> dict[str, object]:
    """The outbox payload of one check: "wrong" (counted) or "right" (the count starts again)."""
    return {
        "outcome": outcome,
        "failures": after.failures,
        "locked": after.locked,
        "max_tries": max_tries,
    }


def typed_as_digits(pin: str) -> bool:
    """Only ASCII digits are a PIN try: ２４６８ or ٢٤٦٨ is an input method left on, not a guess."""
    return pin.isascii() and pin.isdigit()


def merged(local: PinState, remote: PinState) -> PinState:
    """This till's state after head office's word for the same PIN: the stricter of the two.

    Head office's count includes every store's tries that reached it; this till's may include
    tries not pushed yet. Neither side forgets a lock: only a new PIN lifts it.
    """
    return PinState(max(local.failures, remote.failures), local.locked or remote.locked)
