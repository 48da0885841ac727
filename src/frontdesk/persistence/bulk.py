"""Many rows of one table in one DBAPI executemany, for imports of thousands of rows.

Core's executemany still builds and processes each row's parameters (a third of a 10,000-member
import's CPU); the rows here are plain values already (text, integers, None), so they go to
SQLite's executemany as tuples, in the same transaction as everything else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import Table
from sqlalchemy.engine import Connection


def insert_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, object]]) -> None:
    """Every row must have the same columns (the first row's), all of them `table`'s."""
    if not rows:
        return
    columns = list(rows[0])
    unknown = set(columns) - set(table.c.keys())
    if unknown:  # a name typed wrong would otherwise reach SQL as text
        raise ValueError(f"{table.name} has no column {sorted(unknown)}")
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    conn.exec_driver_sql(
        f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})',
        [tuple(r[c] for c in columns) for r in rows],
    )
