from dataclasses import replace

from frontdesk.domain.ledger import GENESIS_HASH, Bucket, EntryKind, TxnDrafts, chain_problems, seal


def test_entry_ids_come_from_the_transaction_so_a_replay_makes_the_same_ids() -> None:
    first, again = TxnDrafts("txn-1", "m", "1001"), TxnDrafts("txn-1", "m", "1001")
    for drafts in (first, again):
        drafts.add(EntryKind.SPEND, Bucket.PRINCIPAL, -100)
        drafts.add(EntryKind.SPEND, Bucket.BONUS, 0)
        drafts.add(EntryKind.EARN, Bucket.POINTS, 5, 2026)

    assert [d.entry_uuid for d in first.drafts] == [d.entry_uuid for d in again.drafts]
    assert len(first.drafts) == 2  # the zero movement is left out
    assert first.drafts[0].entry_uuid != first.drafts[1].entry_uuid


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
