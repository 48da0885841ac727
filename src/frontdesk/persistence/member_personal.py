"""A member's personal fields (table member_personal): sealed on every write, opened on every read.

Name, phone, birthday and gender are kept only as `fdk1:` text under the member's own key
(persistence.member_keys), each bound to the member and the field, so a value copied onto
another member or into another column does not open, and destroying the key at erasure leaves
nothing readable. A phone is found by HMAC-SHA256 under the store's lookup key, not by its
text: `phone_key` for the whole number (unique, as the phone column was), `tail_key` for the
last four digits a member says at the counter.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
import string
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from cryptography.exceptions import InvalidTag
from sqlalchemy import insert, select
from sqlalchemy.dialects.sqlite import insert as upsert
from sqlalchemy.engine import Connection

from frontdesk.domain.erasure import ERASED_NAME, erased_phone, is_erased
from frontdesk.domain.member_search import PHONE_TAIL_DIGITS
from frontdesk.persistence import tables as t
from frontdesk.persistence.member_keys import new_key, open_with, seal_with

FIELDS = ("name", "phone", "birthday", "gender")
# The store's lookup key for phone_key and tail_key, made with the table (migration 0014).
LOOKUP_SETTING = "phone_lookup_key"
_CHUNK = 500  # bound values per IN list, well under SQLite's limit


class SealBroken(ValueError):
    """A sealed field that does not open under its member's key: changed, or another's."""


@dataclass(frozen=True)
class Personal:
    name: str
    phone: str
    birthday: str | None  # ISO date text, as the row keeps it
    gender: str | None


def erased_personal(member_id: str) -> Personal:
    """What an erased member (key destroyed) reads as, at every till."""
    return Personal(ERASED_NAME, erased_phone(member_id), None, None)


def normalise_phone(phone: str) -> str:
    """The phone as hashed: full-width digits, spaces, dashes and +86 make no other key."""
    typed = unicodedata.normalize("NFKC", phone).strip().replace(" ", "").replace("-", "")
    return typed.removeprefix("+86") if typed.startswith("+86") else typed


def phone_key(lookup: bytes, phone: str) -> str:
    message = b"phone:" + normalise_phone(phone).encode()
    return hmac.new(lookup, message, hashlib.sha256).hexdigest()


def tail_key(lookup: bytes, phone: str) -> str | None:
    """The last four digits' key; None for a phone that is no number (bearer:, erased:)."""
    digits = normalise_phone(phone)
    if not digits.isdigit() or len(digits) < PHONE_TAIL_DIGITS:
        return None
    message = b"tail:" + digits[-PHONE_TAIL_DIGITS:].encode()
    return hmac.new(lookup, message, hashlib.sha256).hexdigest()


def tail_key_of_digits(lookup: bytes, digits: str) -> str:
    return hmac.new(lookup, b"tail:" + digits.encode(), hashlib.sha256).hexdigest()


def seal_row(key: bytes, lookup: bytes, member_id: str, p: Personal) -> dict[str, str | None]:
    """The member_personal row of `p` (every column but member_id)."""
    sealed = {
        f: None if v is None else seal_with(key, member_id, f, v)
        for f, v in zip(FIELDS, (p.name, p.phone, p.birthday, p.gender), strict=True)
    }
    return sealed | {"phone_key": phone_key(lookup, p.phone), "tail_key": tail_key(lookup, p.phone)}


def open_row(key: bytes | None, member_id: str, sealed: Sequence[str | None]) -> Personal:
    """The four fields of a member_personal row; a destroyed key reads as the erased member."""
    if key is None:
        return erased_personal(member_id)
    try:
        name, phone, birthday, gender = (
            None if v is None else open_with(key, member_id, f, v)
            for f, v in zip(FIELDS, sealed, strict=True)
        )
    except InvalidTag:
        raise SealBroken(f"member {member_id}: a personal field does not open") from None
    if name is None or phone is None:
        raise SealBroken(f"member {member_id}: name or phone missing")
    return Personal(name, phone, birthday, gender)


def lookup_key(conn: Connection) -> bytes:
    q = select(t.settings.c.value).where(t.settings.c.key == LOOKUP_SETTING)
    found = conn.execute(q).scalar()
    if found is None:  # a store the migration did not make it for cannot look anyone up
        found = secrets.token_bytes(32).hex()
        conn.execute(insert(t.settings).values(key=LOOKUP_SETTING, value=found))
    return bytes.fromhex(found)


class SqlPersonal:
    """One transaction's sealing: keys read once, what was opened remembered.

    A save that changes nothing personal (a sale's points, a PIN try) writes no row then.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._keys: dict[str, bytes | None] = {}
        self._seen: dict[str, Personal] = {}
        self._lookup: bytes | None = None

    def lookup(self) -> bytes:
        if self._lookup is None:
            self._lookup = lookup_key(self.conn)
        return self._lookup

    def opened(self, member_id: str, key: bytes | None, sealed: Sequence[str | None]) -> Personal:
        """A joined row's sealed fields opened with the key it brought along."""
        p = open_row(key, member_id, sealed)
        self._keys[member_id] = key
        self._seen[member_id] = p
        return p

    def write(self, member_id: str, p: Personal, at: datetime) -> None:
        self.write_many([(member_id, p)], at)

    def write_many(self, items: Iterable[tuple[str, Personal]], at: datetime) -> None:
        """Sealed rows for these members, a key made for each that has none."""
        todo = [(m, p) for m, p in items if self._seen.get(m) != p]
        if not todo:
            return
        self._read_keys([m for m, _ in todo if m not in self._keys])
        fresh = [m for m, _ in todo if m not in self._keys]
        if fresh:
            made = {m: new_key() for m in dict.fromkeys(fresh)}
            self.conn.execute(
                insert(t.member_key),
                [{"member_id": m, "key": k, "created_at": at.isoformat()} for m, k in made.items()],
            )
            self._keys.update(made)
        lookup = self.lookup()
        rows: list[dict[str, str | None]] = []
        for member_id, p in todo:
            key = self._keys[member_id]
            if key is None:
                if p == erased_personal(member_id):
                    continue  # already sealed under the key erasure destroyed
                raise ValueError("the member's personal data was erased")
            row: dict[str, str | None] = {"member_id": member_id}
            rows.append(row | seal_row(key, lookup, member_id, p))
            self._seen[member_id] = p
        if rows:
            stmt = upsert(t.member_personal)
            changed = {c: stmt.excluded[c] for c in rows[0] if c != "member_id"}
            self.conn.execute(
                stmt.on_conflict_do_update(index_elements=["member_id"], set_=changed), rows
            )

    def sealed_event(self, member_id: str, payload: dict[str, object]) -> dict[str, object]:
        """A member event's personal fields sealed under the member's key, as its row's are.

        Head office and every other till keep what the outbox sends, so no copy of an event
        holds the name or phone in the clear; the key travels apart (the push adds it, head
        office keeps it in its own table), and destroying it leaves every copy unreadable. An
        erasure's event keeps its plain markers (已删除, erased:<id>): they are nobody's data.
        """
        if is_erased(str(payload.get("phone"))):
            return payload
        if member_id not in self._keys:
            self._read_keys([member_id])
        key = self._keys.get(member_id)
        if key is None:  # the member is saved (and keyed) before its event is written
            raise ValueError(f"member {member_id}: no key to seal its event with")
        sealed = {
            f: seal_with(key, member_id, f, str(payload[f])) for f in FIELDS if payload.get(f)
        }
        return payload | sealed

    def _read_keys(self, member_ids: Sequence[str]) -> None:
        for i in range(0, len(member_ids), _CHUNK):
            part = member_ids[i : i + _CHUNK]
            q = select(t.member_key.c.member_id, t.member_key.c.key).where(
                t.member_key.c.member_id.in_(part)
            )
            self._keys.update({m: k for m, k in self.conn.execute(q)})


# member id -> (its sealed name, the name), for the part-of-name search: opening 20,000 names
# costs 140 ms of CPU, comparing 20,000 sealed texts to the ones already opened about 10 ms.
# Kept in this process only; an erased member's entry goes with the erasure and every scan.
_NAMES: dict[str, tuple[str, str]] = {}
_UNSEEN = ("", "")
# Joined with the keys so that a destroyed key hides a name even once it was opened here.
_KEPT_NAMES = (
    "SELECT p.member_id, p.name FROM member_personal p"
    " JOIN member_key k ON k.member_id = p.member_id WHERE k.key IS NOT NULL"
)


# The names as the last search opened them, under the mark (till migration 0015) they were read
# at: while the mark stands, no sealed name or key has changed and the list is still right.
_OPENED: tuple[int, list[tuple[str, str, str]]] | None = None
_FOLD = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def fold(text: str) -> str:
    """Letters compared without case, ASCII only, as SQLite's LIKE did before names were sealed."""
    return text.translate(_FOLD)


def open_names(conn: Connection) -> list[tuple[str, str, str]]:
    """(member id, name, folded name) of every member not erased.

    Only a name not opened before (or sealed again since) needs its member's key read.
    """
    global _OPENED
    # On the sqlite3 connection itself: Core's row processing doubled the 20,000 rows' read.
    driver = conn.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    # Read before the names: a change landing between the two leaves a mark older than the
    # names, so the next search reads them again, never the other way round.
    (mark,) = driver.execute("SELECT mark FROM personal_change").fetchone()
    if _OPENED is not None and _OPENED[0] == mark:
        return _OPENED[1]
    sealed: list[tuple[str, str]] = driver.execute(_KEPT_NAMES).fetchall()
    missing = [(m, text) for m, text in sealed if _NAMES.get(m, _UNSEEN)[0] != text]
    keys: dict[str, bytes | None] = {}
    for i in range(0, len(missing), _CHUNK):
        q = select(t.member_key.c.member_id, t.member_key.c.key)
        part = q.where(t.member_key.c.member_id.in_([m for m, _ in missing[i : i + _CHUNK]]))
        keys.update({m: k for m, k in conn.execute(part)})
    for member_id, text in missing:
        key = keys.get(member_id)
        if key is None:
            _NAMES.pop(member_id, None)  # erased between the two reads
            continue
        try:
            _NAMES[member_id] = (text, open_with(key, member_id, "name", text))
        except InvalidTag:
            raise SealBroken(f"member {member_id}: the name does not open") from None
    if len(_NAMES) > len(sealed):  # members erased (or of another store file) since: dropped
        kept = {m for m, _ in sealed}
        for member_id in [m for m in _NAMES if m not in kept]:
            del _NAMES[member_id]
    names = [(m, _NAMES[m][1], fold(_NAMES[m][1])) for m, _ in sealed if m in _NAMES]
    _OPENED = (mark, names)
    return names


def forget_name(member_id: str) -> None:
    global _OPENED
    _NAMES.pop(member_id, None)
    _OPENED = None


def ids_by_phone_key(conn: Connection, keys: Sequence[str]) -> dict[str, str]:
    """phone_key -> member id, for the keys some member holds."""
    found: dict[str, str] = {}
    c = t.member_personal.c
    for i in range(0, len(keys), _CHUNK):
        q = select(c.phone_key, c.member_id).where(c.phone_key.in_(keys[i : i + _CHUNK]))
        found.update({k: m for k, m in conn.execute(q)})
    return found
