"""Each member's own encryption key (table member_key), and the sealing of personal fields.

A member's most sensitive details — the bank account and ID card number of a 退卡 — are kept
only as AES-GCM ciphertext under a key of that member's own, bound to the member and the field
(associated data), so a copied row opens for no other member or column. Destroying the key
(个人信息保护法 第四十七条, erasure) leaves the ciphertext unreadable wherever it was copied, while
the rows, the ledger and its hash chain, which name only the member id, stay as they are.
"""

from __future__ import annotations

import base64
import json
import secrets
from datetime import datetime

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from frontdesk.persistence.tables import member_key

PREFIX = "fdk1:"  # sealed text: version, then base64 of nonce + ciphertext
ERASED = None  # what a sealed field reads as once its member's key is destroyed


class SqlMemberKeys:
    """Keys on the operation's own connection: made on first use, destroyed on erasure."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def _key(self, member_id: str) -> tuple[bool, bytes | None]:
        row = self._conn.execute(
            select(member_key.c.key).where(member_key.c.member_id == member_id)
        ).first()
        return (False, None) if row is None else (True, row.key)

    def seal(self, member_id: str, field: str, text: str | None, at: datetime) -> str | None:
        if text is None:
            return None
        known, key = self._key(member_id)
        if not known:
            key = new_key()
            self._conn.execute(
                insert(member_key).values(member_id=member_id, key=key, created_at=at.isoformat())
            )
        if key is None:
            raise ValueError("the member's personal data was erased")
        return seal_with(key, member_id, field, text)

    def open(self, member_id: str, field: str, stored: str | None) -> str | None:
        if stored is None or not stored.startswith(PREFIX):
            return stored  # nothing sealed (or written before sealing existed)
        _, key = self._key(member_id)
        if key is None:
            return ERASED
        try:
            return open_with(key, member_id, field, stored)
        except InvalidTag:
            return ERASED

    def destroy(self, member_id: str, at: datetime) -> None:
        self._conn.execute(
            update(member_key)
            .where(member_key.c.member_id == member_id)
            .values(key=None, erased_at=at.isoformat())
        )


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def seal_with(key: bytes, member_id: str, field: str, text: str) -> str:
    """`text` sealed under the member's key, bound to the member and the field."""
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(key).encrypt(nonce, text.encode(), _aad(member_id, field))
    return PREFIX + base64.b64encode(nonce + sealed).decode()


def open_with(key: bytes, member_id: str, field: str, stored: str) -> str:
    """The text `seal_with` sealed; InvalidTag when it was changed or is another's field."""
    raw = base64.b64decode(stored[len(PREFIX) :])
    return AESGCM(key).decrypt(raw[:12], raw[12:], _aad(member_id, field)).decode()


def _aad(member_id: str, field: str) -> bytes:
    return f"frontdesk:{member_id}:{field}".encode()


def with_key(payload: str, key: bytes) -> str:
    """A member event's payload as the push sends it: with the member's key beside the fields.

    Only the push adds it; the outbox row keeps none, and head office takes it out of the event
    into its own member_key table before the event is stored (h0023).
    """
    return json.dumps(
        json.loads(payload) | {"key": base64.b64encode(key).decode()},
        ensure_ascii=False,
        sort_keys=True,
    )


def key_of(text: str) -> bytes:
    """A key as the push and the pull carry it (base64)."""
    return base64.b64decode(text)
