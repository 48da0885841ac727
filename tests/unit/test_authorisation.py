"""The online-hold rules: what a till claims head office lacks, what is available, offline."""

from __future__ import annotations

from frontdesk.domain.authorisation import (
    HoldAnswer,
    HoldOutcome,
    available_for_hold,
    hold_allowed,
    spend_is_provisional,
    unsent_claim,
)
from frontdesk.domain.ledger import LedgerEntry
from frontdesk.domain.money import Fen


def entry(
    seq: int,
    kind: str,
    amount: int,
    *,
    bucket: str = "principal",
    offline: bool = False,
    till: str = "001-01",
) -> LedgerEntry:
    return LedgerEntry(
        till_id=till,
        seq=seq,
        entry_uuid=f"e{seq}",
        txn_uuid=f"t{seq}",
        created_at="2026-03-10T10:00:00+00:00",
        kind=kind,
        member_id="m",
        bucket=bucket,
        amount=amount,
        actor="9001",
        approver=None,
        ticket_id=None,
        lot_year=None,
        offline=offline,
        prev_hash="0" * 64,
        hash="1" * 64,
    )


def test_the_claim_counts_unsent_money_but_not_spends_head_office_already_holds() -> None:
    entries = [
        entry(1, "topup", 50000),  # acknowledged: head office has it
        entry(2, "topup", 10000),
        entry(3, "bonus", 1000, bucket="bonus"),
        entry(4, "spend", -3000),  # authorised online: held at head office already
        entry(5, "spend", -2000, offline=True),  # provisional: head office knows nothing of it
        entry(6, "earn", 500, bucket="points"),
        entry(7, "topup", 99999, till="002-01"),
    ]

    claim = unsent_claim(entries, "001-01", acked_seq=1)

    assert claim == Fen(10000 + 1000 - 2000)


def test_a_hold_never_overdraws_what_head_office_counts() -> None:
    available = available_for_hold(
        booked=Fen(56000), claimed=Fen(0), arrived=Fen(0), held=Fen(39200)
    )

    assert available == Fen(16800)
    assert hold_allowed(Fen(16800), available)
    assert not hold_allowed(Fen(16801), available)
    assert not hold_allowed(Fen(0), available)


def test_a_spend_is_provisional_when_head_office_does_not_answer_now() -> None:
    approved = HoldOutcome(HoldAnswer.APPROVED, Fen(100))
    unanswered = HoldOutcome(HoldAnswer.UNREACHABLE)

    assert not spend_is_provisional(approved, stale=True)
    assert spend_is_provisional(unanswered, stale=False)
    assert spend_is_provisional(None, stale=True)
    assert not spend_is_provisional(None, stale=False)


def test_a_tills_word_never_raises_what_head_office_counts() -> None:
    # A claim of ￥10,000 unsent that head office never received: not a fen of it is held.
    assert available_for_hold(Fen(56000), Fen(1_000_000), Fen(0), Fen(0)) == Fen(56000)
    # The till's claim already arrived (its ack is late): counted once, in booked.
    assert available_for_hold(Fen(56000), Fen(10000), Fen(10000), Fen(0)) == Fen(56000)


def test_a_provisional_spend_not_pushed_yet_still_lowers_it() -> None:
    # ￥20 spent offline at this till, not pushed: head office lowers its figure by it.
    assert available_for_hold(Fen(56000), Fen(-2000), Fen(0), Fen(1000)) == Fen(53000)
    # A top-up that arrived and a provisional spend that did not: only the spend is the till's.
    assert available_for_hold(Fen(56000), Fen(8000), Fen(10000), Fen(0)) == Fen(54000)
