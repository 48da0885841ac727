"""Which head-office schema this frontdesk speaks, and the refusal when head office has another.

A till asks head office first thing in every sync (`fd_greet`). Head office at another version
refuses it, and the till says which side to upgrade: head office (`frontdesk hq migrate`) when
it is behind, this till's frontdesk when head office is ahead.
"""

from __future__ import annotations

import functools
import re

import psycopg
from sqlalchemy import Engine, exc, text
from sqlalchemy.engine import Connection

from frontdesk.services.sync_refusals import HeadOfficeRefused
from frontdesk.sync.hq_engine import MIGRATIONS


@functools.cache
def expected_schema() -> str:
    """The newest head-office migration this frontdesk carries (its revision id, "h0006")."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


def schema_of(admin: Engine) -> str | None:
    """Head office's schema revision as its administrator sees it; None for an empty database."""
    with admin.connect() as conn:
        if conn.execute(text("SELECT to_regclass('hq_alembic_version')")).scalar() is None:
            return None
        found = conn.execute(text("SELECT version_num FROM hq_alembic_version")).scalar()
    return None if found is None else str(found)


def _number(revision: str | None) -> int:
    found = re.fullmatch(r"h(\d+)", revision or "")
    return int(found.group(1)) if found else 0


class SchemaMismatch(HeadOfficeRefused):
    """Head office's schema is not the one this till's frontdesk was built for."""

    def __init__(self, till_id: str, head_office: str | None, expected: str) -> None:
        self.head_office, self.expected = head_office, expected
        self.behind = _number(head_office) < _number(expected)
        super().__init__(till_id, [{"code": "schema_version", "seq": None}])

    @property
    def message(self) -> str:
        if self.behind:
            return (
                f"总部数据库版本 {self.head_office or '较早版本'} 低于本收银台所需的 "
                f"{self.expected}，总部拒绝同步：请总部管理员运行 frontdesk hq migrate 升级总部"
                "后再同步；本机数据已保留"
            )
        return (
            f"总部数据库版本 {self.head_office} 比本收银台的 frontdesk（支持 {self.expected}）"
            "新，总部拒绝同步：请先升级此收银台的 frontdesk；本机数据已保留"
        )

    @property
    def message_en(self) -> str:
        if self.behind:
            return (
                f"Head office's database is at {self.head_office or 'an earlier version'}, "
                f"older than the {self.expected} this till needs, and refused the sync: have "
                "head office run frontdesk hq migrate, then sync again; everything stays on "
                "this till"
            )
        return (
            f"Head office's database is at {self.head_office}, newer than this till's frontdesk "
            f"({self.expected}), and refused the sync: upgrade frontdesk on this till first; "
            "everything stays on this till"
        )


def greet(conn: Connection, till_id: str) -> SchemaMismatch | None:
    """Head office's refusal when it is not at this frontdesk's schema; None when it is.

    Returned, not raised: the caller commits first, so head office keeps its record of it.
    """
    expected = expected_schema()
    savepoint = conn.begin_nested()
    try:
        found = conn.execute(text("SELECT fd_greet(:e)"), {"e": expected}).scalar_one()
    except exc.ProgrammingError as e:
        if not isinstance(e.orig, psycopg.errors.UndefinedFunction):
            raise
        savepoint.rollback()
        # A head office from before versions were said is behind every till that says one.
        return SchemaMismatch(till_id, None, expected)
    savepoint.commit()
    if found.get("refused"):
        return SchemaMismatch(till_id, found.get("version"), expected)
    return None
