"""Copies of the till database made while it runs (SQLite's online backup), checked and pruned.

A backup is taken with SQLite's backup API, never by copying the file: a copy made during a
sale can catch the database file without what sits in its WAL. Each copy is read back with
`PRAGMA integrity_check` before it counts as a backup.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from frontdesk.persistence.pin_pepper import PEPPER_SUFFIX, copy_pepper, pepper_beside

PREFIX = "till-"
SUFFIX = ".db"
_STAMP = "%Y%m%d-%H%M%S"


class BackupBroken(Exception):
    """The file is no usable frontdesk database (damaged, truncated, or something else)."""


@dataclass(frozen=True)
class BackupFacts:
    """What a backup holds: whose till, how far its ledger goes."""

    path: Path
    till_id: str
    ledger_seq: int
    size: int
    # How far each stream head office receives from this till reaches in this copy (the same
    # cursors sync pushes by).
    positions: dict[str, int]


def _private(path: Path) -> None:
    if os.name == "posix":
        os.chmod(path, 0o600)  # it holds members' phones and PIN hashes


def _copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            # The copy is a standalone file: no WAL left beside it to lose on the way to a USB
            # stick.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def facts(path: Path) -> BackupFacts:
    """Reads a backup (or a till database) without writing to it; BackupBroken if unusable."""
    if not path.is_file():
        raise BackupBroken(f"{path.name}: not a file")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BackupBroken(f"{path.name}: {exc}") from None
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()
        if check is None or check[0] != "ok":
            raise BackupBroken(f"{path.name}: integrity check failed")
        row = conn.execute("SELECT value FROM settings WHERE key = 'till_id'").fetchone()
        if row is None:
            raise BackupBroken(f"{path.name}: no till in this database")
        till_id = str(row[0])
        positions = {
            stream: int(conn.execute(query, (till_id,) * query.count("?")).fetchone()[0])
            for stream, query in _POSITIONS.items()
        }
    except sqlite3.DatabaseError as exc:
        raise BackupBroken(f"{path.name}: {exc}") from None
    finally:
        conn.close()
    return BackupFacts(path, till_id, positions["ledger"], path.stat().st_size, positions)


_POSITIONS = {
    "outbox": "SELECT coalesce(max(seq), 0) FROM outbox",
    "ledger": "SELECT coalesce(max(seq), 0) FROM ledger_entry WHERE till_id = ?",
    "ticket": "SELECT coalesce(max(rowid), 0) FROM ticket",
    "audit": "SELECT coalesce(max(seq), 0) FROM audit_log WHERE till_id = ?",
}


def take(database: Path, folder: Path, now: datetime) -> BackupFacts:
    """A checked copy of `database` in `folder`, named by time; half-made copies never stay."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(folder, 0o700)
    stamp = now.strftime(_STAMP)
    target = folder / f"{PREFIX}{stamp}{SUFFIX}"
    n = 1
    while target.exists():  # two backups in one second: never overwrite the earlier one
        n += 1
        target = folder / f"{PREFIX}{stamp}-{n}{SUFFIX}"
    partial = target.with_suffix(".part")
    partial.unlink(missing_ok=True)
    _copy(database, partial)
    _private(partial)
    try:
        facts(partial)
    except BackupBroken:
        partial.unlink(missing_ok=True)
        raise
    copy_pepper(database, target)  # the staff PINs' secret travels with its database
    os.replace(partial, target)
    return facts(target)


def prune(folder: Path, keep_days: int, now: datetime) -> list[Path]:
    """Deletes backups older than `keep_days`, always keeping the newest one."""
    dated: list[tuple[datetime, Path]] = []
    for path in folder.glob(f"{PREFIX}*{SUFFIX}"):
        try:
            # Named in the till's local time, the zone `now` carries.
            stamp = path.name[len(PREFIX) : len(PREFIX) + len("20260101-000000")]
            taken = datetime.strptime(stamp, _STAMP).replace(tzinfo=now.tzinfo)
        except ValueError:
            continue  # not one of ours
        dated.append((taken, path))
    dated.sort()
    cutoff = now - timedelta(days=keep_days)
    gone = [path for taken, path in dated[:-1] if taken < cutoff]
    for path in gone:
        path.unlink(missing_ok=True)
        pepper_beside(path).unlink(missing_ok=True)
    return gone


def install(backup: Path, target: Path) -> Path | None:
    """Puts a checked backup in place of `target`; the database it replaces is kept aside.

    Returns where the replaced database was moved (None when there was none).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".restoring")
    partial.unlink(missing_ok=True)
    _copy(backup, partial)
    _private(partial)
    facts(partial)
    kept: Path | None = None
    if target.exists():
        stamp = datetime.now().astimezone().strftime(_STAMP)
        kept = target.with_name(f"{target.name}.replaced-{stamp}")
        shutil.move(target, kept)
        for side in ("-wal", "-shm", PEPPER_SUFFIX):
            extra = target.with_name(target.name + side)
            if extra.exists():
                shutil.move(extra, kept.with_name(kept.name + side))
    copy_pepper(backup, target)
    os.replace(partial, target)
    return kept
