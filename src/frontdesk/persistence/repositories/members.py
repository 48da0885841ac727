"""Member rows: lookup and registration, the personal fields sealed (persistence.member_personal).

Every read joins the member's sealed fields and key and opens them, so what leaves here is the
plain `Member` the services and screens have always had; a phone is found by its keyed hash,
and a part of a name by opening the names (nothing else can match inside sealed text).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidTag
from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement

from frontdesk.domain.member_search import MemberQuery, MemberQueryKind
from frontdesk.persistence import rows
from frontdesk.persistence import tables as t
from frontdesk.persistence.bulk import insert_rows
from frontdesk.persistence.member_keys import open_with
from frontdesk.persistence.member_personal import (
    SealBroken,
    SqlPersonal,
    fold,
    ids_by_phone_key,
    open_names,
    phone_key,
    tail_key_of_digits,
)
from frontdesk.persistence.repositories.base import SqlRepository
from frontdesk.services.records import Member

_CHUNK = 500  # bound values per IN list, well under SQLite's limit
_P, _K = t.member_personal, t.member_key
# The personal columns and the key ride on the member's row, in this order (cards.py too).
PERSONAL_COLUMNS = (
    _P.c.name.label("p_name"),
    _P.c.phone.label("p_phone"),
    _P.c.birthday.label("p_birthday"),
    _P.c.gender.label("p_gender"),
    _K.c.key.label("k_key"),
)
_FROM = t.member.join(_P, _P.c.member_id == t.member.c.member_id).outerjoin(
    _K, _K.c.member_id == t.member.c.member_id
)
_ROWS = select(t.member, *PERSONAL_COLUMNS).select_from(_FROM)
_MEMBER = _ROWS.where(t.member.c.member_id == bindparam("b_member"))


class SqlMembers(SqlRepository):
    def __init__(self, conn: Connection, personal: SqlPersonal | None = None) -> None:
        super().__init__(conn)
        self.personal = personal or SqlPersonal(conn)

    def _member(self, r: Any) -> Member:
        sealed = (r.p_name, r.p_phone, r.p_birthday, r.p_gender)
        return rows.to_member(r, self.personal.opened(r.member_id, r.k_key, sealed))

    def get(self, member_id: str) -> Member | None:
        r = self.conn.execute(_MEMBER, {"b_member": member_id}).first()
        return None if r is None else self._member(r)

    def by_phone(self, phone: str) -> Member | None:
        hashed = phone_key(self.personal.lookup(), phone)
        r = self.conn.execute(_ROWS.where(_P.c.phone_key == hashed)).first()
        return None if r is None else self._member(r)

    def _opened(self, fields: Sequence[str]) -> Iterator[tuple[str, list[str]]]:
        """(member id, the fields opened) of every member not erased, oldest first."""
        cols = [_P.c[f] for f in fields]
        q = (
            select(t.member.c.member_id, _K.c.key, *cols)
            .select_from(_FROM)
            .where(_K.c.key.is_not(None))
            .order_by(t.member.c.created_at, t.member.c.member_id)
        )
        for member_id, key, *sealed in self.conn.execute(q):
            try:
                opened = [
                    open_with(key, member_id, f, v) for f, v in zip(fields, sealed, strict=True)
                ]
                yield member_id, opened
            except InvalidTag:
                raise SealBroken(f"member {member_id}: a personal field does not open") from None

    def _by_ids(self, ids: Sequence[str]) -> list[Member]:
        found: dict[str, Member] = {}
        for i in range(0, len(ids), _CHUNK):
            q = _ROWS.where(t.member.c.member_id.in_(ids[i : i + _CHUNK]))
            found.update((r.member_id, self._member(r)) for r in self.conn.execute(q))
        return [found[m] for m in ids if m in found]

    def find(self, text: str, limit: int = 20) -> list[Member]:
        """Members whose phone or name holds `text`, oldest first."""
        wanted = fold(text)
        ids: list[str] = []
        for member_id, (phone, name) in self._opened(("phone", "name")):
            if wanted in phone or wanted in fold(name):
                ids.append(member_id)
                if len(ids) == limit:
                    break
        return self._by_ids(ids)

    def search(self, query: MemberQuery, limit: int = 50) -> list[Member]:
        """The members a counter search names (a card finds its holder whatever its state)."""
        if query.kind is MemberQueryKind.NAME:
            wanted = fold(query.text)
            hits = [(n, m) for m, n, folded in open_names(self.conn) if wanted in folded]
            hits.sort()
            # Only the page (and the names tied with its last) is read and opened whole.
            last = hits[limit - 1][0] if len(hits) >= limit else None
            found = self._by_ids([m for n, m in hits if last is None or n <= last])
        else:
            if query.kind is MemberQueryKind.CARD:
                cards = select(t.card.c.member_id).where(t.card.c.card_no == query.text)
                where: ColumnElement[bool] = t.member.c.member_id.in_(cards)
            elif query.kind is MemberQueryKind.PHONE:
                where = _P.c.phone_key == phone_key(self.personal.lookup(), query.text)
            else:  # a bearer account's phone (bearer:<id>) is no number and has no tail key
                where = _P.c.tail_key == tail_key_of_digits(self.personal.lookup(), query.text)
            found = [self._member(r) for r in self.conn.execute(_ROWS.where(where))]
        found.sort(key=lambda m: (m.name, m.created_at))
        return found[:limit]

    def add(self, m: Member, at: datetime) -> None:
        self.conn.execute(insert(t.member).values(**rows.from_member(m, at)))
        self.personal.write(m.member_id, rows.personal_of(m), at)

    def add_many(self, members: Sequence[Member], at: datetime) -> None:
        """One executemany for a whole import: a statement per member cost 1 ms of Core each."""
        if members:
            insert_rows(self.conn, t.member, [rows.from_member(m, at) for m in members])
            self.personal.write_many([(m.member_id, rows.personal_of(m)) for m in members], at)

    def existing_phones(self, phones: Sequence[str]) -> set[str]:
        """Which of these phones a member already has."""
        lookup = self.personal.lookup()
        by_key = {phone_key(lookup, p): p for p in phones}
        return {by_key[k] for k in ids_by_phone_key(self.conn, list(by_key))}

    def save(self, m: Member, at: datetime) -> None:
        values = rows.from_member(m, at)
        del values["member_id"]
        self.conn.execute(
            update(t.member).where(t.member.c.member_id == m.member_id).values(**values)
        )
        self.personal.write(m.member_id, rows.personal_of(m), at)
