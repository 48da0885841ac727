"""The outbox's member events keep the personal fields sealed, as member_personal does.

From this revision a member event is written with its name, phone, birthday and gender sealed
under the member's key (persistence/member_personal.py, `sealed_event`); this seals the events
written before, pushed or not, so the till's file holds the profile in the clear nowhere. An
erased member's events were blanked at the erasure and stay as they are.

The sealing is written out here rather than imported, so that this migration does tomorrow what
it does today: AES-GCM under the member's 256-bit key, a 12-byte random nonce, associated data
`frontdesk:<member id>:<field>`, stored as `fdk1:` + base64(nonce + ciphertext).

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import base64
import importlib
import json
import secrets

from alembic import op
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import text

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

_FIELDS = ("name", "phone", "birthday", "gender")
_PREFIX = "fdk1:"


def _seal(key: bytes, member_id: str, field: str, value: str) -> str:
    nonce = secrets.token_bytes(12)
    aad = f"frontdesk:{member_id}:{field}".encode()
    return (
        _PREFIX + base64.b64encode(nonce + AESGCM(key).encrypt(nonce, value.encode(), aad)).decode()
    )


def upgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(
        text(
            "SELECT o.seq, o.entity_id, o.payload, k.key FROM outbox o"
            " JOIN member_key k ON k.member_id = o.entity_id"
            " WHERE o.kind = 'member' AND k.key IS NOT NULL"
            " AND json_extract(o.payload, '$.erased') IS NULL"
        )
    ).all()
    changed: list[dict[str, object]] = []
    for seq, member_id, payload, key in rows:
        event = json.loads(payload)
        plain = [f for f in _FIELDS if event.get(f) and not str(event[f]).startswith(_PREFIX)]
        if not plain:
            continue
        event |= {f: _seal(key, member_id, f, str(event[f])) for f in plain}
        body = json.dumps(event, ensure_ascii=False, sort_keys=True)
        changed.append({"seq": seq, "payload": body})
    if not changed:
        return
    # The outbox is append-only (migration 0011's trigger); this one rewrite is let through.
    erasure = importlib.import_module(
        "frontdesk.persistence.migrations.versions.0011_member_erasure"
    )
    outbox_trigger = erasure._OUTBOX
    op.execute("DROP TRIGGER outbox_no_update")
    conn.execute(text("UPDATE outbox SET payload = :payload WHERE seq = :seq"), changed)
    op.execute(outbox_trigger)


def downgrade() -> None:
    raise NotImplementedError("the till database is never downgraded")
