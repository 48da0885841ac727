"""The ledger hash chain checked from row tuples: the same bytes as `LedgerEntry.canonical()`.

`LedgerEntry.canonical()` goes through `dataclasses.asdict`, which deep-copies every field and was
most of head office's time per pushed entry. Here the sorted-key object is built straight from the
field values, in the order `json` would sort them, and encoded by one reused encoder.
`tests/unit/test_sync_chain.py` checks that both give the same bytes on random entries.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from operator import attrgetter
from typing import Any

from frontdesk.domain.ledger import GENESIS_HASH, LedgerEntry

FIELDS = tuple(LedgerEntry.__dataclass_fields__)
HASHED = tuple(f for f in FIELDS if f != "hash")
_SORTED = sorted(HASHED)
_POSITION = [HASHED.index(k) for k in _SORTED]
# Keys arrive already sorted, so sort_keys is not needed; the rest matches canonical() exactly.
_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)
_values = attrgetter(*FIELDS)


def values_of(e: LedgerEntry) -> tuple[Any, ...]:
    """Every field of the entry, in `LedgerEntry` field order (hash last)."""
    return tuple(_values(e))


def canonical_row(row: Sequence[Any]) -> bytes:
    """canonical() of the entry whose fields, in `LedgerEntry` order, are `row` (hash ignored)."""
    return _ENCODER.encode({k: row[i] for k, i in zip(_SORTED, _POSITION, strict=True)}).encode()


def row_hash(row: Sequence[Any]) -> str:
    return hashlib.sha256(canonical_row(row)).hexdigest()


def entry_hash(e: LedgerEntry) -> str:
    """Same as `e.computed_hash()`, without the deep copy."""
    return row_hash(values_of(e))


def chain_problems(
    entries: Iterable[LedgerEntry], start_seq: int = 1, start_hash: str = GENESIS_HASH
) -> list[str]:
    """`frontdesk.domain.ledger.chain_problems` with the cheaper hash; the same messages."""
    problems: list[str] = []
    expected_seq, prev = start_seq, start_hash
    for e in entries:
        if e.seq != expected_seq:
            problems.append(f"{e.till_id}: sequence gap, expected {expected_seq}, found {e.seq}")
        if e.prev_hash != prev:
            problems.append(
                f"{e.till_id}#{e.seq}: previous hash does not match the entry before it"
            )
        if entry_hash(e) != e.hash:
            problems.append(f"{e.till_id}#{e.seq}: content does not match its hash")
        expected_seq, prev = e.seq + 1, e.hash
    return problems
