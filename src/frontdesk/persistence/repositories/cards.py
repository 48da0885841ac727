"""Card rows: the holder of a card, a member's cards, card state changes."""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, insert, literal, select, update
from sqlalchemy.engine import Connection

from frontdesk.domain.cards import Card, CardState
from frontdesk.persistence import prepared as pr
from frontdesk.persistence import rows
from frontdesk.persistence import tables as t
from frontdesk.persistence.bulk import insert_rows
from frontdesk.persistence.member_personal import SqlPersonal
from frontdesk.persistence.repositories.base import SqlRepository
from frontdesk.persistence.repositories.members import PERSONAL_COLUMNS
from frontdesk.services.records import Account, Member

# The member's points lots ride on the same row ("year:points,…"): a sale and a scan need them
# with the account, and one statement is one snapshot of both.
_LOTS = (
    select(
        func.group_concat(
            t.points_lot.c.lot_year.concat(literal(":")).concat(t.points_lot.c.points), ","
        )
    )
    .where(t.points_lot.c.member_id == t.member.c.member_id)
    .scalar_subquery()
)
_HOLDER = pr.Prepared(
    select(
        *[c.label(f"c_{c.name}") for c in t.card.c],
        *[c.label(f"m_{c.name}") for c in t.member.c],
        *[c.label(f"a_{c.name}") for c in t.account.c],
        *PERSONAL_COLUMNS,
        _LOTS.label("lots"),
    )
    .select_from(
        t.card.join(t.member)
        .join(t.account, t.account.c.member_id == t.member.c.member_id)
        .join(t.member_personal, t.member_personal.c.member_id == t.member.c.member_id)
        .outerjoin(t.member_key, t.member_key.c.member_id == t.member.c.member_id)
    )
    .where(t.card.c.card_no == bindparam("card_no"))
)
# The joined row cut back into its three tables' rows: (row type, first column, past the last).
_CARD_END, _MEMBER_END = len(t.card.c), len(t.card.c) + len(t.member.c)
_ACCOUNT_END = _MEMBER_END + len(t.account.c)
_PERSONAL_END = _ACCOUNT_END + len(PERSONAL_COLUMNS)  # four sealed fields, then the key
_PARTS: list[tuple[Any, int, int | None]] = [
    (namedtuple("CardRow", t.card.c.keys()), 0, _CARD_END),
    (namedtuple("MemberRow", t.member.c.keys()), _CARD_END, _MEMBER_END),
    (namedtuple("AccountRow", t.account.c.keys()), _MEMBER_END, _ACCOUNT_END),
]


class SqlCards(SqlRepository):
    def __init__(self, conn: Connection, personal: SqlPersonal | None = None) -> None:
        super().__init__(conn)
        self.personal = personal or SqlPersonal(conn)

    def get(self, card_no: str) -> Card | None:
        r = self.conn.execute(select(t.card).where(t.card.c.card_no == card_no)).first()
        return None if r is None else rows.to_card(r)

    def with_holder(self, card_no: str) -> tuple[Card, Member, Account, dict[int, int]] | None:
        """The card, its member, account and points lots in one query: the counter's hot path."""
        r = pr.execute(self.conn, _HOLDER, {"card_no": card_no}).fetchone()
        if r is None:
            return None
        card, member, account = (row._make(r[a:b]) for row, a, b in _PARTS)
        *sealed, key = r[_ACCOUNT_END:_PERSONAL_END]
        personal = self.personal.opened(member.member_id, key, sealed)
        packed = r[_PERSONAL_END]
        lots = {}
        for lot in packed.split(",") if packed else ():
            year, points = lot.split(":")
            lots[int(year)] = int(points)
        holder = rows.to_member(member, personal)
        return rows.to_card(card), holder, rows.to_account(account), lots

    def for_member(self, member_id: str) -> list[Card]:
        q = select(t.card).where(t.card.c.member_id == member_id).order_by(t.card.c.generation)
        return [rows.to_card(r) for r in self.conn.execute(q)]

    def add(self, c: Card, at: datetime) -> None:
        self.conn.execute(
            insert(t.card).values(
                card_no=c.card_no,
                member_id=c.member_id,
                generation=c.generation,
                state=c.state.value,
                issued_at=at.isoformat(),
                state_at=at.isoformat(),
            )
        )

    def add_many(self, cards: Sequence[Card], at: datetime) -> None:
        if not cards:
            return
        when = at.isoformat()
        insert_rows(
            self.conn,
            t.card,
            [
                {"card_no": c.card_no, "member_id": c.member_id, "generation": c.generation,
                 "state": c.state.value, "issued_at": when, "state_at": when}
                for c in cards
            ],
        )  # fmt: skip

    def existing(self, card_nos: Sequence[str]) -> set[str]:
        """Which of these card numbers are already issued here."""
        found: set[str] = set()
        for i in range(0, len(card_nos), 500):  # bound values per IN list, under SQLite's limit
            q = select(t.card.c.card_no).where(t.card.c.card_no.in_(card_nos[i : i + 500]))
            found.update(self.conn.execute(q).scalars())
        return found

    def set_state(self, card_no: str, state: CardState, at: datetime) -> None:
        self.conn.execute(
            update(t.card)
            .where(t.card.c.card_no == card_no)
            .values(state=state.value, state_at=at.isoformat())
        )

    def state_since(self, card_no: str) -> str | None:
        """When the card's present state was set (ISO text): what a 解挂 names."""
        q = select(t.card.c.state_at).where(t.card.c.card_no == card_no)
        return self.conn.execute(q).scalar()
