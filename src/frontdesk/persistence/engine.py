"""Opening the till database: checked before use, durable SQLite pragmas, migrations on start."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import threading
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection, ExceptionContext

from frontdesk.domain.errors import StoreProblem
from frontdesk.persistence import store_problems as sp
from frontdesk.resources import migrations_dir

MIGRATIONS = migrations_dir("persistence/migrations")  # found like every shipped file
# The newest revision; a test keeps it equal to Alembic's head. Checking it first lets an
# up-to-date till start without importing Alembic at all (half a second of a cold start).
HEAD_REVISION = "0016"


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # SQLAlchemy emits BEGIN itself (see _on_begin): pysqlite's own transaction handling would
    # otherwise start transactions late and let savepoints escape them.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    # WAL + synchronous=FULL: a commit that returned survives a power cut (DOMAIN: nothing lost).
    busy = f"busy_timeout={sp.LOCK_WAIT_SECONDS * 1000}"
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", busy):
        cur.execute(f"PRAGMA {pragma}")
    cur.close()


# How many of this process's writers that are not background work (a sale, a top-up, a shift)
# are waiting for the write lock right now. A pull looks at it before each of its transactions
# and lets them in first: SQLite's busy handler retries on a schedule of its own (sleeps of 25,
# 50, then 100 ms), so a pull that only stepped aside between transactions could take the lock
# back just before a waiting sale looked again, over and over (bench_pull: a sale's BEGIN of
# 231 ms while no pull transaction held the lock longer than 56 ms).
_waiting_lock = threading.Lock()
_waiting = [0]


def writers_waiting() -> int:
    return _waiting[0]


def _count_waiting(step: int) -> None:
    with _waiting_lock:
        _waiting[0] += step


def _on_begin(conn: Connection) -> None:
    # Writers take the lock up front: a read that later upgrades to a write could hit SQLITE_BUSY
    # halfway through a sale.
    # Sent on the sqlite3 connection itself: through exec_driver_sql it cost 40 µs of a sale's CPU.
    options = conn.get_execution_options()
    write = bool(options.get("write", False))
    begin = "BEGIN IMMEDIATE" if write else "BEGIN"
    driver = conn.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    counted = write and not options.get("background", False)
    if counted:
        _count_waiting(1)
    try:
        driver.execute(begin)
    except sqlite3.Error as error:
        found = sp.problem_for(error, conn.engine.url.database or "")
        raise (found or sa_exc.DBAPIError.instance(begin, (), error, sqlite3.Error)) from error
    finally:
        if counted:
            _count_waiting(-1)


def _on_error(context: ExceptionContext) -> None:
    # A full disk, a lock held too long or a damaged page can strike any statement, mid-sale
    # too: the person is told which, in their language, instead of reading a traceback.
    where = context.engine.url.database if context.engine is not None else None
    found = sp.problem_for(context.original_exception, where or "")
    if found is not None:
        raise found from context.original_exception


def make_engine(path: Path | str) -> Engine:
    url = "sqlite://" if str(path) == ":memory:" else f"sqlite:///{path}"
    engine = create_engine(url)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    event.listen(engine, "handle_error", _on_error)
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
        # Off outside the transaction (SQLite ignores it inside one), so a migration can make a
        # table again (SQLite's 12 steps: new table, copy, drop, rename) while other tables'
        # foreign keys keep pointing at it; the check below stands in for them meanwhile.
        driver = conn.connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        driver.execute("PRAGMA foreign_keys = OFF")
        try:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").first()
            if broken is not None:
                raise RuntimeError(f"a migration broke a foreign key: {tuple(broken)}")
            conn.commit()
        finally:
            conn.rollback()
            driver.execute("PRAGMA foreign_keys = ON")


def open_database(path: Path | str, *, create: bool = False) -> Engine:
    """Open the till database, refusing with a StoreProblem anything a till cannot work on.

    Only ``create=True`` (init, demo, test fixtures) makes a missing file; a mistyped --db must
    not become an empty store that verifies clean. Every check runs before the first write, so a
    refused file is left byte for byte as it was.
    """
    if str(path) == ":memory:":
        engine = make_engine(path)
        migrate(engine)
        return engine
    file = Path(path)
    _check_place(file, create)
    revision = _check_file(file, create)
    engine = make_engine(file)
    if revision != HEAD_REVISION:
        migrate(engine)
    _tighten_modes(file)
    return engine


_SQLITE_HEADER = b"SQLite format 3\x00"


def _check_place(file: Path, create: bool) -> None:
    where = str(file)
    if file.is_dir():
        raise sp.StoreIsFolder(path=where)
    if not file.exists():
        if not create:
            raise sp.StoreMissing(path=where)
        if not file.parent.exists():
            # The data folder holds members' phones and PIN hashes: the owner's alone (0700).
            file.parent.mkdir(parents=True, mode=0o700)
        try:
            # Made empty with 0600 before SQLite opens it; its -wal and -shm take the same mode.
            os.close(os.open(file, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            pass
        except OSError as exc:
            raise _os_problem(exc, where) from exc
    folder = file.parent
    try:
        disk = os.statvfs(folder)
        read_only_mount, free = bool(disk.f_flag & os.ST_RDONLY), disk.f_bavail * disk.f_frsize
    except (AttributeError, OSError):  # no statvfs (Windows): SQLite's own errors tell
        read_only_mount, free = False, sp.MIN_FREE_BYTES
    # The folder must be writable too: SQLite keeps the -wal and -shm files beside the database.
    if read_only_mount or not os.access(file, os.W_OK) or not os.access(folder, os.W_OK):
        raise sp.StoreReadOnly(path=where)
    if free < sp.MIN_FREE_BYTES:
        raise sp.StoreDiskFull(path=where)


def _os_problem(exc: OSError, where: str) -> StoreProblem:
    if exc.errno == 28:  # ENOSPC
        return sp.StoreDiskFull(path=where)
    if exc.errno in (13, 30):  # EACCES, EROFS
        return sp.StoreReadOnly(path=where)
    return sp.StoreCannotOpen(path=where)


def _check_file(file: Path, create: bool) -> str | None:
    """Header, integrity, schema version and the write lock, read without writing a byte.

    Returns the database's Alembic revision (None for an empty file that create may fill).
    """
    where = str(file)
    try:
        with file.open("rb") as f:
            header = f.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise _os_problem(exc, where) from exc
    if not header and create:
        return None  # the empty file just made (or left by a failed init)
    if header != _SQLITE_HEADER:
        raise sp.StoreNotDatabase(path=where)
    # mode=rw: never create; no journal_mode pragma here, so a foreign file is left unchanged.
    uri = f"file:{quote(str(file.resolve()))}?mode=rw"
    try:
        raw = sqlite3.connect(uri, uri=True, timeout=sp.LOCK_WAIT_SECONDS, isolation_level=None)
    except sqlite3.Error as exc:
        raise sp.problem_for(exc, where) or sp.StoreCannotOpen(path=where) from exc
    try:
        return _check_contents(raw, where, create)
    except sqlite3.Error as exc:
        raise sp.problem_for(exc, where) or sp.StoreCorrupt(path=where) from exc
    finally:
        raw.close()


def _check_contents(raw: sqlite3.Connection, where: str, create: bool) -> str | None:
    tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables and create:
        return None  # an SQLite file with nothing in it yet: as good as new
    if "alembic_version" not in tables:
        raise sp.StoreNotDatabase(path=where)
    if not _pages_sound(raw):
        raise sp.StoreCorrupt(path=where)
    found = raw.execute("SELECT version_num FROM alembic_version").fetchone()
    revision = None if found is None else str(found[0])
    if revision is not None and revision not in known_revisions():
        raise sp.StoreTooNew(path=where, revision=revision, head=HEAD_REVISION)
    # Take the write lock once and let go: a lock held past the wait is said now, not mid-sale.
    raw.execute("BEGIN IMMEDIATE")
    raw.execute("ROLLBACK")
    return revision


# quick_check reads every page: 0.7-2 s on a 77 MB store, minutes on a store of years (20M
# entries), before every command and every start of the window. Up to this size the whole file
# is checked; above it, the schema (read to prepare any statement) and the small tables a till
# needs to start (settings, staff, counters, shifts) with their indexes. Damage elsewhere is
# still found: SQLite refuses a damaged page when it is read (SQLITE_CORRUPT, said as
# StoreCorrupt), and verify runs the full integrity_check.
WHOLE_CHECK_BYTES = 64 * 1024 * 1024
_STARTUP_TABLES = ("alembic_version", "settings", "staff", "counter", "shift")


def _pages_sound(raw: sqlite3.Connection) -> bool:
    page_size = raw.execute("PRAGMA page_size").fetchone()[0]
    pages = raw.execute("PRAGMA page_count").fetchone()[0]
    if page_size * pages <= WHOLE_CHECK_BYTES:
        checks = ["PRAGMA quick_check(1)"]
    else:
        checks = [f"PRAGMA quick_check('{table}')" for table in _STARTUP_TABLES]
    for check in checks:
        verdict = raw.execute(check).fetchone()
        if verdict is None or verdict[0] != "ok":
            return False
    return True


def known_revisions() -> frozenset[str]:
    """Every revision this program's migrations know; anything else comes from a newer one."""
    pattern = re.compile(r"^revision\s*(?::\s*str)?\s*=\s*[\"']([^\"']+)[\"']", re.MULTILINE)
    found = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        found.update(pattern.findall(script.read_text(encoding="utf-8")))
    return frozenset(found)


def _tighten_modes(file: Path) -> None:
    # Member phones and PIN hashes: the database and its -wal/-shm are the owner's alone (0600),
    # also for a store made before this rule. A file we may not chmod is left as it is.
    if os.name != "posix":
        return
    for each in (file, file.with_name(file.name + "-wal"), file.with_name(file.name + "-shm")):
        try:
            mode = stat.S_IMODE(each.stat().st_mode)
            if mode & 0o077:
                each.chmod(mode & 0o700)
        except OSError:
            pass
