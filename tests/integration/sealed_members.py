"""A till file's members read as the till reads them: their personal fields are sealed on disk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy.engine import Connection

from frontdesk.persistence.engine import open_database
from frontdesk.persistence.repositories import SqlCards, SqlMembers
from frontdesk.services.records import Member

T = TypeVar("T")


def _read(db: Path, read: Callable[[Connection], T | None], what: str) -> T:
    engine = open_database(db)
    with engine.connect() as conn:
        found = read(conn)
    engine.dispose()
    assert found is not None, what
    return found


def member_by_phone(db: Path, phone: str) -> Member:
    return _read(db, lambda conn: SqlMembers(conn).by_phone(phone), phone)


def holder_of(db: Path, card_no: str) -> Member:
    return _read(db, lambda conn: SqlCards(conn).with_holder(card_no), card_no)[1]
