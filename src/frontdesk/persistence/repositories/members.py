"""Member rows: lookup and registration."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, insert, select, update

from frontdesk.domain.cards import BEARER_PHONE_PREFIX
from frontdesk.domain.member_search import MemberQuery, MemberQueryKind
from frontdesk.persistence import rows
from frontdesk.persistence import tables as t
from frontdesk.persistence.bulk import insert_rows
from frontdesk.persistence.repositories.base import SqlRepository
from frontdesk.services.records import Member

_CHUNK = 500  # bound values per IN list, well under SQLite's limit
_MEMBER = select(t.member).where(t.member.c.member_id == bindparam("b_member"))


class SqlMembers(SqlRepository):
    def get(self, member_id: str) -> Member | None:
        r = self.conn.execute(_MEMBER, {"b_member": member_id}).first()
        return None if r is None else rows.to_member(r)

    def by_phone(self, phone: str) -> Member | None:
        r = self.conn.execute(select(t.member).where(t.member.c.phone == phone)).first()
        return None if r is None else rows.to_member(r)

    def find(self, text: str, limit: int = 20) -> list[Member]:
        pattern = f"%{text}%"
        q = (
            select(t.member)
            .where((t.member.c.phone.like(pattern)) | (t.member.c.name.like(pattern)))
            .order_by(t.member.c.created_at)
            .limit(limit)
        )
        return [rows.to_member(r) for r in self.conn.execute(q)]

    def search(self, query: MemberQuery, limit: int = 50) -> list[Member]:
        """The members a counter search names (a card finds its holder whatever its state)."""
        c = t.member.c
        where = {
            MemberQueryKind.PHONE: c.phone == query.text,
            # A bearer account's phone (bearer:<id>) is no number; its id's digits never match.
            MemberQueryKind.PHONE_TAIL: c.phone.like(f"%{query.text}")
            & c.phone.not_like(f"{BEARER_PHONE_PREFIX}%"),
            MemberQueryKind.NAME: c.name.like(f"%{query.text}%"),
            MemberQueryKind.CARD: c.member_id.in_(
                select(t.card.c.member_id).where(t.card.c.card_no == query.text)
            ),
        }[query.kind]
        q = select(t.member).where(where).order_by(c.name, c.created_at).limit(limit)
        return [rows.to_member(r) for r in self.conn.execute(q)]

    def add(self, m: Member, at: datetime) -> None:
        self.conn.execute(insert(t.member).values(**rows.from_member(m, at)))

    def add_many(self, members: Sequence[Member], at: datetime) -> None:
        """One executemany for a whole import: a statement per member cost 1 ms of Core each."""
        if members:
            insert_rows(self.conn, t.member, [rows.from_member(m, at) for m in members])

    def existing_phones(self, phones: Sequence[str]) -> set[str]:
        """Which of these phones a member already has (asked in chunks SQLite's limit takes)."""
        found: set[str] = set()
        for i in range(0, len(phones), _CHUNK):
            q = select(t.member.c.phone).where(t.member.c.phone.in_(phones[i : i + _CHUNK]))
            found.update(self.conn.execute(q).scalars())
        return found

    def save(self, m: Member, at: datetime) -> None:
        values = rows.from_member(m, at)
        del values["member_id"]
        self.conn.execute(
            update(t.member).where(t.member.c.member_id == m.member_id).values(**values)
        )
