"""Core statements compiled once and run on the connection's own sqlite3 cursor (hot paths).

Running a statement through SQLAlchemy's Connection costs about 50 µs of CPU (cache key,
parameter processing, result metadata, events), several times what SQLite needs for a
one-row seek or insert, and a sale sends about twenty. The counter's statements are still
written in Core against tables.py, so the schema is named in one place; each is compiled once
for SQLite with named parameters and run with the DBAPI connection under the unit of work's
Connection, inside the transaction SQLAlchemy began. A failure is said as an execute through
SQLAlchemy would say it: a StoreProblem (disk full, lock held too long, damaged page), else
SQLAlchemy's own DBAPIError kind (IntegrityError, OperationalError).

What the statements return are plain rows with attributes named after their columns; SQLite
gives Booleans back as 0/1, which rows.py turns into bool wherever a record holds one.
"""

from __future__ import annotations

import sqlite3
from collections import namedtuple
from collections.abc import Mapping, Sequence
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ClauseElement

from frontdesk.persistence import store_problems as sp

_DIALECT = sqlite.dialect(paramstyle="named")

Params = Mapping[str, Any]


class Prepared:
    """One statement's SQL text, compiled on first use, and the row type of its results.

    The values the statement carries itself (literals, LIMIT 1, an IN list of constants, a
    column's default the INSERT is not given) are worked out once and sent with every call.
    """

    __slots__ = ("_compiled", "_row", "is_insert", "statement")

    def __init__(self, statement: ClauseElement, *, by_columns: bool | None = None) -> None:
        # by_columns: compiled for the columns each call names (an INSERT without values()),
        # the default for an INSERT; an INSERT with its own values() (an upsert) passes False.
        self.statement = statement
        is_insert = bool(getattr(statement, "is_insert", False))
        self.is_insert = is_insert if by_columns is None else by_columns
        self._compiled: dict[tuple[str, ...], tuple[str, dict[str, Any]]] = {}
        self._row: Any = None

    def compiled(self, keys: tuple[str, ...] = ()) -> tuple[str, dict[str, Any]]:
        """(SQL, own values); an INSERT without values() names the columns it is given."""
        found = self._compiled.get(keys)
        if found is None:
            found = self._compiled[keys] = _compile(self.statement, keys)
        return found

    def sql(self, keys: tuple[str, ...] = ()) -> str:
        return self.compiled(keys)[0]

    def row_type(self, cursor: sqlite3.Cursor) -> Any:
        if self._row is None:
            self._row = namedtuple("Row", [d[0] for d in cursor.description])  # type: ignore[misc]
        return self._row


def _compile(statement: ClauseElement, keys: tuple[str, ...]) -> tuple[str, dict[str, Any]]:
    compiled: Any = statement.compile(dialect=_DIALECT, column_keys=list(keys) or None)
    state = compiled.construct_expanded_state(compiled.construct_params(_check=False))
    own: dict[str, Any] = {}
    for name, value in state.parameters.items():
        bind = compiled.binds.get(name)
        if bind is None or not bind.required:  # a literal or an expanded list of literals
            own[name] = value
    for column in compiled.insert_prefetch:  # a default the rows do not give
        if not column.default.is_scalar:
            raise NotImplementedError(f"{column}: only scalar defaults are prepared")
        own[column.key] = column.default.arg
    return str(state.statement), own


# The sqlite3 connection under each open unit of work's Connection, looked up without going
# through the pool's proxies on every statement (2 µs a statement, 25 statements a sale).
_DRIVERS: WeakKeyDictionary[Connection, sqlite3.Connection] = WeakKeyDictionary()


def bind(conn: Connection) -> None:
    """Remember the sqlite3 connection under `conn` until `unbind` (the unit of work's life)."""
    _DRIVERS[conn] = _driver(conn)


def unbind(conn: Connection) -> None:
    _DRIVERS.pop(conn, None)


def _driver(conn: Connection) -> sqlite3.Connection:
    driver = conn.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver


def _raw(conn: Connection) -> sqlite3.Connection:
    found = _DRIVERS.get(conn)
    return _driver(conn) if found is None else found


def _failed(conn: Connection, sql: str, params: Any, error: sqlite3.Error) -> Exception:
    where = conn.engine.url.database or ""
    found = sp.problem_for(error, where)
    if found is not None:
        return found
    return sa_exc.DBAPIError.instance(sql, params, error, sqlite3.Error)


def execute(conn: Connection, prepared: Prepared, params: Params | None = None) -> sqlite3.Cursor:
    values = params or {}
    sql, own = prepared.compiled(tuple(values) if prepared.is_insert else ())
    if own:
        values = {**own, **values}
    try:
        return _raw(conn).execute(sql, values)
    except sqlite3.Error as error:
        raise _failed(conn, sql, values, error) from error


def execute_many(conn: Connection, prepared: Prepared, rows: Sequence[Params]) -> None:
    """One executemany for every row (the rows of an INSERT name the same columns)."""
    if not rows:
        return
    sql, own = prepared.compiled(tuple(rows[0]) if prepared.is_insert else ())
    if own:
        rows = [{**own, **r} for r in rows]
    try:
        _raw(conn).executemany(sql, rows)
    except sqlite3.Error as error:
        raise _failed(conn, sql, rows, error) from error


def all_rows(conn: Connection, prepared: Prepared, params: Params | None = None) -> list[Any]:
    cursor = execute(conn, prepared, params)
    found = cursor.fetchall()
    if not found:
        return []
    make = prepared.row_type(cursor)._make
    return [make(r) for r in found]


def first(conn: Connection, prepared: Prepared, params: Params | None = None) -> Any:
    cursor = execute(conn, prepared, params)
    found = cursor.fetchone()
    return None if found is None else prepared.row_type(cursor)._make(found)


def scalar(conn: Connection, prepared: Prepared, params: Params | None = None) -> Any:
    found = execute(conn, prepared, params).fetchone()
    return None if found is None else found[0]
