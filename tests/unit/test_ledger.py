import uuid
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from frontdesk.domain.ledger import (
    _ENTRY_NAMESPACE,
    GENESIS_HASH,
    Bucket,
    EntryKind,
    TxnDrafts,
    chain_problems,
    entry_id,
    seal,
)


def test_entry_ids_come_from_the_transaction_so_a_replay_makes_the_same_ids() -> None:
    first, again = TxnDrafts("txn-1", "m", "1001"), TxnDrafts("txn-1", "m", "1001")
    for drafts in (first, again):
        drafts.add(EntryKind.SPEND, Bucket.PRINCIPAL, -100)
        drafts.add(EntryKind.SPEND, Bucket.BONUS, 0)
        drafts.add(EntryKind.EARN, Bucket.POINTS, 5, 2026)

    assert [d.entry_uuid for d in first.drafts] == [d.entry_uuid for d in again.drafts]
    assert len(first.drafts) == 2  # the zero movement is left out
    assert first.drafts[0].entry_uuid != first.drafts[1].entry_uuid


@given(st.one_of(st.uuids().map(str), st.text()), st.integers(min_value=0, max_value=10**6))
def test_an_entry_id_is_the_uuid5_of_its_transaction_and_number(txn: str, n: int) -> None:
    # Ids already written (at the till and head office) were made by uuid.uuid5: the same text.
    assert entry_id(txn, n) == str(uuid.uuid5(_ENTRY_NAMESPACE, f"{txn}:{n}"))


def test_the_chain_reports_a_gap_a_broken_link_and_changed_content() -> None:
    drafts = TxnDrafts("txn", "m", "1001")
    for amount in (1, 2, 3):
        drafts.add(EntryKind.TOPUP, Bucket.PRINCIPAL, amount)
    entries, prev = [], GENESIS_HASH
    for seq, d in enumerate(drafts.drafts, start=1):
        e = seal(
            d, till_id="001-01", seq=seq, created_at="2026-01-01T00:00:00+08:00", prev_hash=prev
        )
        entries.append(e)
        prev = e.hash
    changed = replace(entries[1], amount=99)

    assert chain_problems(entries) == []
    assert any("gap" in p for p in chain_problems([entries[0], entries[2]]))
    assert any("content" in p for p in chain_problems([entries[0], changed, entries[2]]))
