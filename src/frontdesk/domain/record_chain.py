"""The till's other two hash chains: tickets (with their lines and tenders) and audit rows.

A ledger entry exists only where a member's money or points move, so a cash sale to a walk-in
customer, its tenders and most audit rows would be outside the ledger's chain. Each of the two
kinds of record is chained on its own, per till, in a gap-free sequence: the hash covers the
record's every stored field, its sequence and the hash of the record before it. The canonical
form is a compact JSON array of the values in a fixed order (no keys), which head office builds
in SQL from the same columns and hashes the same way.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64

# The stored columns in hash order; booleans are listed so values read back from SQLite as
# 0/1 hash as true/false, as head office's boolean columns do.
TICKET_FIELDS = (
    "ticket_id",
    "receipt_no",
    "shift_id",
    "kind",
    "member_id",
    "card_no",
    "created_at",
    "cashier",
    "approver",
    "refund_of",
    "gross",
    "discount_tier",
    "discount_birthday",
    "redemption",
    "redeemed_points",
    "total",
    "points_earned",
    "points_multiplier",
    "birthday_benefit",
    "tier",
    "upgraded_to",
    "offline",
    "note",
)
LINE_FIELDS = (
    "line_no",
    "barcode",
    "name",
    "unit_price",
    "quantity",
    "gross",
    "member_discount",
    "redemption",
    "net",
    "refund_of_line",
)
# Added by till migration 0012 / head office h0016: hashed after LINE_FIELDS only on a line
# where one of them is set, so the lines sealed before they existed keep their hashes.
LINE_MANUAL_FIELDS = ("list_price", "line_discount", "ticket_discount")
TENDER_FIELDS = ("idx", "kind", "amount", "change", "reference")
AUDIT_FIELDS = (
    "audit_id",
    "at",
    "actor",
    "approver",
    "action",
    "subject",
    "amount",
    "outcome",
    "detail",
)
_BOOLEANS = frozenset({"birthday_benefit", "offline"})
_ENCODE = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode

Record = Mapping[str, Any]


def _values(record: Record, fields: Sequence[str]) -> list[Any]:
    return [bool(record[f]) if f in _BOOLEANS else record[f] for f in fields]


def _line_values(line: Record) -> list[Any]:
    manual = [line.get(f) for f in LINE_MANUAL_FIELDS]
    extra = manual if any(v is not None for v in manual) else []
    return [*_values(line, LINE_FIELDS), *extra]


def ticket_hash(
    till_id: str,
    seq: int,
    ticket: Record,
    lines: Iterable[Record],
    tenders: Iterable[Record],
    prev_hash: str,
) -> str:
    """The ticket's link: its fields, its lines by line_no and its tenders by idx."""
    body = [
        till_id,
        seq,
        *_values(ticket, TICKET_FIELDS),
        [_line_values(x) for x in sorted(lines, key=lambda x: int(x["line_no"]))],
        [_values(x, TENDER_FIELDS) for x in sorted(tenders, key=lambda x: int(x["idx"]))],
        prev_hash,
    ]
    return hashlib.sha256(_ENCODE(body).encode()).hexdigest()


def audit_hash(till_id: str, seq: int, row: Record, prev_hash: str) -> str:
    body = [till_id, seq, *_values(row, AUDIT_FIELDS), prev_hash]
    return hashlib.sha256(_ENCODE(body).encode()).hexdigest()


@dataclass(frozen=True)
class Link:
    """One record as its chain sees it: where it stands, what it says it follows, its hash."""

    seq: int | None
    prev_hash: str | None
    hash: str | None
    computed: str  # the hash its content gives
    name: str  # how a person finds it: a receipt number, an audit seq


def link_problems(
    chain: str, till_id: str, links: Iterable[Link], start_seq: int = 1, start: str = GENESIS
) -> list[str]:
    """Every break: a record without a link, a gap, a wrong previous hash, changed content."""
    problems: list[str] = []
    expected, prev = start_seq, start
    for x in links:
        if x.seq is None or x.hash is None or x.prev_hash is None:
            problems.append(f"{till_id} {chain} {x.name}: not sealed into the chain")
            continue
        if x.seq != expected:
            problems.append(
                f"{till_id} {chain}: sequence gap, expected {expected}, found {x.seq} ({x.name})"
            )
        if x.prev_hash != prev:
            problems.append(
                f"{till_id} {chain}#{x.seq} {x.name}: previous hash does not match the one before"
            )
        if x.computed != x.hash:
            problems.append(f"{till_id} {chain}#{x.seq} {x.name}: content does not match its hash")
        expected, prev = x.seq + 1, x.hash
    return problems
