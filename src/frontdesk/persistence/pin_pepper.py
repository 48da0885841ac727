"""The till's PIN pepper: a random secret in a 0600 file beside the database, never inside it."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.engine import Connection

from frontdesk.domain import errors
from frontdesk.persistence import tables as t

PEPPER_SUFFIX = ".pepper"


def pepper_path(engine: Engine) -> Path | None:
    """``till.db`` → ``till.db.pepper``; None for an in-memory database."""
    database = engine.url.database
    if not database or database == ":memory:":
        return None
    return pepper_beside(Path(database))


class PinPepper:
    """Reads the pepper once; makes it on first use when no stored hash depends on one yet.

    A database whose peppered hashes have lost their file (copied without it, or the file
    deleted) is refused rather than given a fresh pepper that would turn every PIN wrong.
    """

    def __init__(self, engine: Engine) -> None:
        self.path = pepper_path(engine)
        self._value: bytes | None = None

    def get(self, conn: Connection) -> bytes:
        if self._value is None:
            self._value = self._load(conn)
        return self._value

    def _load(self, conn: Connection) -> bytes:
        if self.path is None:
            return secrets.token_bytes(32)  # an in-memory store lives as long as this process
        try:
            value = bytes.fromhex(self.path.read_text(encoding="ascii").strip())
        except FileNotFoundError:
            pass
        except ValueError:
            raise errors.PinSecretMissing() from None
        else:
            if len(value) < 16:
                raise errors.PinSecretMissing()
            return value
        peppered = conn.execute(
            select(t.staff.c.staff_no).where(t.staff.c.pin_hash.like("%,k=%")).limit(1)
        ).first()
        if peppered is not None:
            raise errors.PinSecretMissing()
        value = secrets.token_bytes(32)
        # Written whole under a private name, then linked into place: another process of this
        # till either wins the link (and we read its pepper) or never sees a half-written file.
        tmp = self.path.with_name(f"{self.path.name}.{secrets.token_hex(4)}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="ascii") as f:
                f.write(value.hex() + "\n")
                f.flush()
                os.fsync(f.fileno())
            os.link(tmp, self.path)
        except FileExistsError:
            return self._load(conn)
        finally:
            tmp.unlink()
        return value


def pepper_beside(database: Path) -> Path:
    return database.with_name(database.name + PEPPER_SUFFIX)


def copy_pepper(source_db: Path, target_db: Path) -> None:
    """A copy of a database (a backup, a restore) takes its pepper along, private (0600).

    A database from before the pepper has none, and then nothing is copied.
    """
    source = pepper_beside(source_db)
    if not source.exists():
        return
    target = pepper_beside(target_db)
    target.unlink(missing_ok=True)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(source.read_bytes())
        f.flush()
        os.fsync(f.fileno())
