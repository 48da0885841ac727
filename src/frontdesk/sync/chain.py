"""Ledger entries as head office's COPY rows: every field, in `LedgerEntry` field order."""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from frontdesk.domain.ledger import LedgerEntry

FIELDS = tuple(LedgerEntry.__dataclass_fields__)
_values = attrgetter(*FIELDS)


def values_of(e: LedgerEntry) -> tuple[Any, ...]:
    """Every field of the entry, in `LedgerEntry` field order (hash last)."""
    return tuple(_values(e))
