"""Merging across tills: whose word on a card, a member or a balance wins, at head office and back.

Head office orders card changes by their arrival there, never by a till's clock: a till's clock
can be wrong or forged, and a change dated in the future must not outrank a 挂失 that came in
after it. A lost card comes back only through a 解挂 that names the 挂失 it undoes (by the
moment head office holds for it); a replaced or returned card never comes back.
`fd_card_verdict` in head office's schema is this same table in SQL, held to it by a test.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from frontdesk.domain.cards import CardState
from frontdesk.domain.pin_state import NOTHING_WRONG, PinState, merged

TERMINAL = frozenset({CardState.REPLACED, CardState.RETURNED})
# What a lost card may still become without naming its 挂失: lost again, or gone for good.
_FROM_LOST = frozenset({CardState.LOST, CardState.REPLACED, CardState.RETURNED})


class CardVerdict(Enum):
    ACCEPT = "accept"
    CARD_TERMINAL = "card_terminal"  # replaced or returned: nothing changes it any more
    LOST_NOT_NAMED = "lost_not_named"  # would undo a 挂失 without naming it


def head_office_card_verdict(
    current: CardState | None,
    current_at: datetime | None,
    incoming: CardState,
    undoes: datetime | None,
) -> CardVerdict:
    """Head office's answer to a card event, taken in arrival order.

    `current` and `current_at` are the state head office holds and when it was set; `undoes`
    is the 挂失 moment a 解挂 names (None for every other event).
    """
    if current is None:
        return CardVerdict.ACCEPT
    if current in TERMINAL:
        return CardVerdict.CARD_TERMINAL
    if current is CardState.LOST and incoming not in _FROM_LOST and undoes != current_at:
        return CardVerdict.LOST_NOT_NAMED
    return CardVerdict.ACCEPT


def till_takes_card(
    local: CardState,
    local_at: datetime,
    incoming: CardState,
    incoming_at: datetime,
    *,
    pending_here: bool,
) -> bool:
    """Whether a till replaces its card state with head office's.

    Head office decides, except that a terminal card here stays terminal, and a change made
    here that head office has not taken yet (it is still waiting to be pushed) is not undone
    by head office's older word: it reaches head office with the next push, and comes back.
    """
    if local in TERMINAL or pending_here:
        return False
    return (local, local_at) != (incoming, incoming_at)


_PROFILE = (
    "phone",
    "name",
    "birthday",
    "gender",
    "consent_marketing_at",
    "tier_lock",
    "tier_lock_reason",
)


def member_update(
    incoming: Mapping[str, Any],
    local_pin_hash: str | None,
    local_pin: PinState = NOTHING_WRONG,
) -> dict[str, Any]:
    """The member columns a till writes from head office's row.

    The profile is head office's. A PIN set or reset elsewhere (a reset needs a manager there)
    replaces this till's, and this till's count of wrong tries starts again with it; a row
    without a PIN never takes away the one the till has. For the same PIN, head office's count
    of every store's wrong tries and its lock join this till's (domain/pin_state.py).
    """
    values = {k: incoming.get(k) for k in _PROFILE}
    remote = PinState(int(incoming.get("pin_failures") or 0), bool(incoming.get("pin_locked")))
    pin_hash = incoming.get("pin_hash")
    if pin_hash is not None and pin_hash != local_pin_hash:
        values |= {"pin_hash": pin_hash, "pin_failures": remote.failures}
        values["pin_locked"] = remote.locked
    elif "pin_failures" in incoming:
        joined = merged(local_pin, remote)
        values |= {"pin_failures": joined.failures, "pin_locked": joined.locked}
    return values


BUCKETS = ("principal", "bonus", "points")
Totals = Mapping[tuple[str, int | None], int]  # (bucket or "lot", lot year or None) -> amount


@dataclass(frozen=True)
class Projection:
    """Head office's totals as the till's base, and the base plus the till's later entries."""

    base: dict[str, int]
    now: dict[str, int]
    lots: dict[int, tuple[int, int]]  # lot year -> (base points, points now)

    @property
    def negative(self) -> bool:
        return self.now["principal"] < 0 or self.now["bonus"] < 0


def project_balance(hq: Totals, local: Totals, lot_years: set[int]) -> Projection:
    """Head office's totals as the base; now = base + this till's entries head office lacks.

    `lot_years` are the points lots the till already holds: a lot head office no longer
    mentions is based at zero rather than left at an old figure.
    """
    base = {b: hq.get((b, None), 0) for b in BUCKETS}
    now = {b: base[b] + local.get((b, None), 0) for b in BUCKETS}
    years = {y for (b, y) in hq if b == "lot" and y is not None} | lot_years
    lots = {
        y: (hq.get(("lot", y), 0), hq.get(("lot", y), 0) + local.get(("lot", y), 0)) for y in years
    }
    return Projection(base, now, lots)
