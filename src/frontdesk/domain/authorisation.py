"""Online authorisation of stored-value spends: head office's hold, or the floor limit at once.

While head office answers, a spend is held against the member's balance there (a pending hold,
posted when the sale's entries arrive, voided when the sale fails or the hold expires), so two
tills can never spend the same money. When it cannot answer *now*, the till sells under the
floor limit (DOMAIN §9) and flags the entries provisional. The arithmetic head office does is
here too, so the SQL in its migration and this rule can be held to the same table.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from frontdesk.domain.ledger import Bucket, EntryKind, LedgerEntry
from frontdesk.domain.money import ZERO, Fen

_STORED = (Bucket.PRINCIPAL.value, Bucket.BONUS.value)


class HoldAnswer(Enum):
    APPROVED = "approved"  # held at head office: the sale is online
    REFUSED = "refused"  # head office counted too little available: no sale on stored value
    UNREACHABLE = "unreachable"  # no answer in time: the floor limit applies, entries provisional


@dataclass(frozen=True)
class HoldOutcome:
    answer: HoldAnswer
    available: Fen | None = None  # what head office counted as available, when it answered
    detail: str = ""  # why head office could not be asked (for the log, not the cashier)

    @property
    def online(self) -> bool:
        return self.answer is HoldAnswer.APPROVED


@dataclass(frozen=True)
class HoldRequest:
    """What a till sends: the spend, and its own entries for the member head office lacks."""

    txn_id: str
    member_id: str
    amount: Fen
    acked_seq: int  # the till's last ledger seq head office acknowledged
    unsent: Fen  # the member's stored value moved by this till's entries after acked_seq


def unsent_claim(entries: Iterable[LedgerEntry], till_id: str, acked_seq: int) -> Fen:
    """The member's stored value moved by this till's entries head office has not received.

    Spends authorised online are left out: head office already holds them (a pending hold
    until their entries arrive). Provisional (offline) spends, top-ups, refunds and every
    other movement count, so an offline spend made here is not forgotten once online again.
    """
    moved = 0
    for e in entries:
        if e.till_id != till_id or e.seq <= acked_seq or e.bucket not in _STORED:
            continue
        if e.kind == EntryKind.SPEND.value and not e.offline:
            continue
        moved += e.amount
    return Fen(moved)


def available_for_hold(booked: Fen, claimed: Fen, arrived: Fen, held: Fen) -> Fen:
    """Head office's available balance for a hold: its own, never raised by a till's word.

    ``booked`` is every entry head office has for the member, ``held`` its open holds. The
    till's ``claimed`` figure (`unsent_claim`) is held to ``arrived``, what head office did
    receive of those entries; what is left is the till's word alone and counts only when it
    lowers the balance (a provisional spend not pushed yet), never to raise it (a top-up head
    office has not seen is spent online after its push).
    """
    return booked + min(claimed - arrived, ZERO) - held


def hold_allowed(amount: Fen, available: Fen) -> bool:
    """A hold never overdraws the balance head office can see (DOMAIN §5: never negative)."""
    return amount.value > 0 and amount <= available


def spend_is_provisional(outcome: HoldOutcome | None, stale: bool) -> bool:
    """Whether a stored-value spend is provisional (offline), under the floor limit.

    Offline is no answer from head office *now*; a till that asks head office for no holds
    falls back on the age of its last good sync.
    """
    if outcome is None:
        return stale
    return outcome.answer is HoldAnswer.UNREACHABLE
