from __future__ import annotations

from dataclasses import replace

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
def test_the_row_canonical_form_is_byte_for_byte_the_entrys(e: LedgerEntry) -> None:
    assert chain.canonical_row(chain.values_of(e)) == e.canonical()
    assert chain.entry_hash(e) == e.computed_hash()


@given(st.lists(entries, max_size=6), st.data())
def test_chain_problems_agree_with_the_domains(es: list[LedgerEntry], data: st.DataObject) -> None:
    # Half of the time a proper chain, so the happy path is compared too.
    if data.draw(st.booleans()):
        prev, sealed = GENESIS_HASH, []
        for i, e in enumerate(es, start=1):
            e = replace(e, seq=i, prev_hash=prev)
            e = replace(e, hash=e.computed_hash())
            sealed.append(e)
            prev = e.hash
        es = sealed
    assert chain.chain_problems(es) == ledger.chain_problems(es)
