from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, astuple, replace

from hypothesis import given
from hypothesis import strategies as st

from frontdesk.domain import ledger
from frontdesk.domain.ledger import GENESIS_HASH, LedgerEntry
from frontdesk.sync import chain

_text = st.text(max_size=40)  # any Unicode: quotes, backslashes, control characters, 汉字
_maybe = st.none() | _text

entries = st.builds(
    LedgerEntry,
    till_id=_text,
    seq=st.integers(min_value=-(2**63), max_value=2**63 - 1),
    entry_uuid=_text,
    txn_uuid=_text,
    created_at=_text,
    kind=_text,
    member_id=_text,
    bucket=_text,
    amount=st.integers(min_value=-(2**63), max_value=2**63 - 1),
    actor=_text,
    approver=_maybe,
    ticket_id=_maybe,
    lot_year=st.none() | st.integers(min_value=-(2**31), max_value=2**31),
    offline=st.booleans(),
    prev_hash=_text,
    hash=_text,
)


@given(entries)
def test_the_canonical_form_is_sorted_key_compact_json_of_every_field_but_the_hash(
    e: LedgerEntry,
) -> None:
    # The definition the chain was first written with; tills and head office must agree on it.
    fields = asdict(e)
    del fields["hash"]
    reference = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    assert e.canonical() == reference.encode()
    assert e.computed_hash() == hashlib.sha256(reference.encode()).hexdigest()


@given(entries)
def test_copy_rows_carry_every_field_in_entry_order(e: LedgerEntry) -> None:
    assert chain.values_of(e) == astuple(e)


@given(st.lists(entries, max_size=6), st.data())
def test_a_sealed_chain_has_no_problems_and_a_changed_entry_is_found(
    es: list[LedgerEntry], data: st.DataObject
) -> None:
    prev, sealed = GENESIS_HASH, []
    for i, e in enumerate(es, start=1):
        e = replace(e, seq=i, prev_hash=prev)
        e = replace(e, hash=e.computed_hash())
        sealed.append(e)
        prev = e.hash

    assert ledger.chain_problems(sealed) == []
    if sealed:
        k = data.draw(st.integers(0, len(sealed) - 1))
        changed = [*sealed[:k], replace(sealed[k], amount=sealed[k].amount + 1), *sealed[k + 1 :]]
        assert any("content" in p for p in ledger.chain_problems(changed))


drafts = st.builds(
    ledger.EntryDraft,
    entry_uuid=_text,
    txn_uuid=_text,
    kind=st.sampled_from(ledger.EntryKind),
    member_id=_text,
    bucket=st.sampled_from(ledger.Bucket),
    amount=st.integers(min_value=-(2**63), max_value=2**63 - 1),
    actor=_text,
    approver=_maybe,
    ticket_id=_maybe,
    lot_year=st.none() | st.integers(min_value=-(2**31), max_value=2**31),
    offline=st.booleans(),
)


@given(drafts, _text, st.integers(min_value=1, max_value=2**62), _text, _text)
def test_seal_hashes_the_canonical_form_it_makes_in_one_pass(
    d: ledger.EntryDraft, till: str, seq: int, at: str, prev: str
) -> None:
    # seal builds the hashed fields itself (no second copy of the entry); the bytes must be
    # those of the canonical definition above.
    e = ledger.seal(d, till_id=till, seq=seq, created_at=at, prev_hash=prev)

    assert e.hash == e.computed_hash()
    assert (e.kind, e.bucket, e.amount, e.prev_hash) == (
        d.kind.value,
        d.bucket.value,
        d.amount,
        prev,
    )
