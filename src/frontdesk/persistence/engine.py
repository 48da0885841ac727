"""Opening the till database: durable SQLite pragmas, write transactions, migrations on start."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest revision; a test keeps it equal to Alembic's head. Checking it first lets an
# up-to-date till start without importing Alembic at all (half a second of a cold start).
HEAD_REVISION = "0003"


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # SQLAlchemy emits BEGIN itself (see _on_begin): pysqlite's own transaction handling would
    # otherwise start transactions late and let savepoints escape them.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    # WAL + synchronous=FULL: a commit that returned survives a power cut (DOMAIN: nothing lost).
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=10000"):
        cur.execute(f"PRAGMA {pragma}")
    cur.close()


def _on_begin(conn: Connection) -> None:
    # Writers take the lock up front: a read that later upgrades to a write could hit SQLITE_BUSY
    # halfway through a sale.
    if conn.get_execution_options().get("write", False):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def make_engine(path: Path | str) -> Engine:
    url = "sqlite://" if str(path) == ":memory:" else f"sqlite:///{path}"
    engine = create_engine(url)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        exists = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
        ).first()
        if exists is None:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; the application does this itself on start."""
    if current_revision(engine) == HEAD_REVISION:
        return
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect().execution_options(write=True) as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()


def open_database(path: Path | str) -> Engine:
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    migrate(engine)
    return engine
