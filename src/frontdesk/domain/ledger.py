"""The append-only member ledger: entry kinds, buckets, and the per-till SHA-256 hash chain."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

GENESIS_HASH = "0" * 64
# Entry ids are derived from the transaction id, so a replay of the same transaction makes the
# same ids and can never be written twice.
_ENTRY_NAMESPACE = uuid.UUID("6f1f2a8e-5d0c-4a51-9a61-3c3b7e1d2f40")


class Bucket(Enum):
    PRINCIPAL = "principal"  # 本金
    BONUS = "bonus"  # 赠金
    POINTS = "points"  # 积分


class EntryKind(Enum):
    TOPUP = "topup"
    BONUS = "bonus"
    SPEND = "spend"
    REFUND = "refund"
    ADJUST = "adjust"
    EXPIRE = "expire"
    REVERSAL = "reversal"
    CASHOUT = "cashout"
    FORFEIT = "forfeit"  # bonus given up when a card is returned and principal cashed out
    EARN = "earn"
    REDEEM = "redeem"


@dataclass(frozen=True)
class EntryDraft:
    """An entry as a service asks for it; the ledger gives it its sequence and hash."""

    entry_uuid: str
    txn_uuid: str
    kind: EntryKind
    member_id: str
    bucket: Bucket
    amount: int
    actor: str
    approver: str | None = None
    ticket_id: str | None = None
    lot_year: int | None = None
    offline: bool = False


_NAMESPACE_BYTES = _ENTRY_NAMESPACE.bytes


def entry_id(txn_uuid: str, n: int) -> str:
    """str(uuid.uuid5(_ENTRY_NAMESPACE, f"{txn_uuid}:{n}")), made from the SHA-1 directly.

    The same text as uuid5 (a test compares them); uuid.UUID's checks and int arithmetic were
    most of its cost, and a sale makes three.
    """
    name = _NAMESPACE_BYTES + f"{txn_uuid}:{n}".encode()
    digest = bytearray(hashlib.sha1(name, usedforsecurity=False).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    x = digest.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


class TxnDrafts:
    """The entries of one transaction for one member, numbered in the order they are added."""

    def __init__(
        self,
        txn_uuid: str,
        member_id: str,
        actor: str,
        *,
        approver: str | None = None,
        ticket_id: str | None = None,
        offline: bool = False,
    ) -> None:
        self.txn_uuid, self.member_id, self.actor = txn_uuid, member_id, actor
        self.approver, self.ticket_id, self.offline = approver, ticket_id, offline
        self.drafts: list[EntryDraft] = []

    def add(
        self, kind: EntryKind, bucket: Bucket, amount: int, lot_year: int | None = None
    ) -> None:
        """One more entry; a zero amount moves nothing and is left out."""
        if amount == 0:
            return
        self.drafts.append(
            EntryDraft(
                entry_id(self.txn_uuid, len(self.drafts)),
                self.txn_uuid,
                kind,
                self.member_id,
                bucket,
                amount,
                self.actor,
                self.approver,
                self.ticket_id,
                lot_year,
                self.offline,
            )
        )


@dataclass(frozen=True)
class LedgerEntry:
    till_id: str
    seq: int
    entry_uuid: str
    txn_uuid: str
    created_at: str  # ISO 8601 with offset; display and audit only, never used for order
    kind: str
    member_id: str
    bucket: str
    amount: int
    actor: str
    approver: str | None
    ticket_id: str | None
    lot_year: int | None
    offline: bool
    prev_hash: str
    hash: str = ""

    def canonical(self) -> bytes:
        """Sorted-key compact JSON of every field but the hash: the same bytes on every machine."""
        # Every field is a plain value, so reading them directly gives the same bytes as
        # json.dumps(asdict(...), sort_keys=True) without asdict's deep copy (head office
        # re-hashes every pushed entry, so this is its hot path).
        return _CANONICAL.encode({name: getattr(self, name) for name in _HASHED_FIELDS}).encode()

    def computed_hash(self) -> str:
        return hashlib.sha256(self.canonical()).hexdigest()


_HASHED_FIELDS = sorted(f for f in LedgerEntry.__dataclass_fields__ if f != "hash")
_CANONICAL = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)


def seal(
    draft: EntryDraft, *, till_id: str, seq: int, created_at: str, prev_hash: str
) -> LedgerEntry:
    # The fields in _HASHED_FIELDS' (sorted) order: the bytes canonical() gives, made once.
    fields: dict[str, Any] = {
        "actor": draft.actor,
        "amount": draft.amount,
        "approver": draft.approver,
        "bucket": draft.bucket.value,
        "created_at": created_at,
        "entry_uuid": draft.entry_uuid,
        "kind": draft.kind.value,
        "lot_year": draft.lot_year,
        "member_id": draft.member_id,
        "offline": draft.offline,
        "prev_hash": prev_hash,
        "seq": seq,
        "ticket_id": draft.ticket_id,
        "till_id": till_id,
        "txn_uuid": draft.txn_uuid,
    }
    digest = hashlib.sha256(_CANONICAL.encode(fields).encode()).hexdigest()
    return LedgerEntry(**fields, hash=digest)


def chain_problems(
    entries: Iterable[LedgerEntry], start_seq: int = 1, start_hash: str = GENESIS_HASH
) -> list[str]:
    """Every break in one till's chain: a gap, a wrong link, or an entry whose content changed."""
    problems: list[str] = []
    expected_seq, prev = start_seq, start_hash
    for e in entries:
        if e.seq != expected_seq:
            problems.append(f"{e.till_id}: sequence gap, expected {expected_seq}, found {e.seq}")
        if e.prev_hash != prev:
            problems.append(
                f"{e.till_id}#{e.seq}: previous hash does not match the entry before it"
            )
        if e.computed_hash() != e.hash:
            problems.append(f"{e.till_id}#{e.seq}: content does not match its hash")
        expected_seq, prev = e.seq + 1, e.hash
    return problems
