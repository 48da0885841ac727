"""The till's PIN secrets, never inside its database: the OS keyring, or a 0600 file beside it.

``till.db.pepper`` says which secrets the till holds, one a line: ``own <secret>`` (a store's
own, made at its first PIN) and ``chain <secret>`` (head office's, for every till of a chain,
given at ``hq init`` or enrolment). A secret is written as hex, or as ``keyring:<id>`` when the
OS keyring keeps it; a file from before the chain secret holds the hex of the own one alone.
The file beside the database goes with every backup; a secret in the keyring does not, which
the backup says (a chain's till gets it back from head office by ``hq init``).
"""

from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.engine import Connection

from frontdesk.domain import errors
from frontdesk.domain.stored_value import PinSecrets, pin_secrets
from frontdesk.os_keyring import usable_keyring
from frontdesk.persistence import tables as t

PEPPER_SUFFIX = ".pepper"
KEYRING_SERVICE = "frontdesk-pin-secret"
_IN_KEYRING = "keyring:"
_HQ_LOGIN_SUFFIX = ".hq.json"  # sync/credentials.py's file: a till that has one is a chain's


def pepper_path(engine: Engine) -> Path | None:
    """``till.db`` → ``till.db.pepper``; None for an in-memory database."""
    database = engine.url.database
    if not database or database == ":memory:":
        return None
    return pepper_beside(Path(database))


def pepper_beside(database: Path) -> Path:
    return database.with_name(database.name + PEPPER_SUFFIX)


def secret_id(secret: bytes) -> str:
    """What names a secret in the keyring; says nothing of the secret itself."""
    return hashlib.sha256(b"frontdesk pin secret id" + secret).hexdigest()[:16]


@dataclass(frozen=True)
class HeldSecrets:
    own: bytes | None
    chain: bytes | None
    in_keyring: bool


def _decode(value: str) -> bytes:
    if value.startswith(_IN_KEYRING):
        backend = usable_keyring()
        found = None if backend is None else backend.get_password(KEYRING_SERVICE, value[8:])
        if found is None:
            raise errors.PinSecretMissing()
        value = found
    try:
        secret = bytes.fromhex(value)
    except ValueError:
        raise errors.PinSecretMissing() from None
    if len(secret) < 16:
        raise errors.PinSecretMissing()
    return secret


def read_secrets(path: Path) -> HeldSecrets | None:
    """The secrets the file names; None when there is no file."""
    try:
        lines = path.read_text(encoding="ascii").split()
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        raise errors.PinSecretMissing() from None
    if len(lines) == 1:  # the file from before the chain secret: the own secret, in hex
        return HeldSecrets(_decode(lines[0]), None, False)
    found: dict[str, bytes] = {}
    in_keyring = False
    for kind, value in zip(lines[::2], lines[1::2], strict=False):
        if kind in ("own", "chain"):
            found[kind] = _decode(value)
            in_keyring = in_keyring or value.startswith(_IN_KEYRING)
    if not found:
        raise errors.PinSecretMissing()
    return HeldSecrets(found.get("own"), found.get("chain"), in_keyring)


def _encode(secret: bytes) -> str:
    """The keyring's name for the secret when a real keyring takes it, else its hex."""
    backend = usable_keyring()
    if backend is not None:
        try:
            backend.set_password(KEYRING_SERVICE, secret_id(secret), secret.hex())
        except Exception:  # a keyring that is locked or refuses: the 0600 file it is
            pass
        else:
            return _IN_KEYRING + secret_id(secret)
    return secret.hex()


def _write_private(path: Path, body: str, *, replace: bool) -> None:
    """Written whole under a private name (0600 from the start), then moved or linked in.

    Linking (``replace`` False) lets two processes making the first secret race safely: one
    wins, the other reads the winner's.
    """
    tmp = path.with_name(f"{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(body)
            f.flush()
            os.fsync(f.fileno())
        if replace:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _body(held: HeldSecrets) -> str:
    kinds = (("own", held.own), ("chain", held.chain))
    return "".join(f"{kind} {_encode(s)}\n" for kind, s in kinds if s is not None)


def offered_secret(database: Path) -> bytes | None:
    """The secret this till would bring into a chain it founds: its chain one, else its own."""
    held = read_secrets(pepper_beside(database))
    return None if held is None else held.chain or held.own


def adopt_chain_secret(database: Path, secret: bytes) -> None:
    """Keep head office's secret for the chain beside this till's own.

    The hashes made with the own one still check, and move to the chain's at the next right PIN.
    """
    path = pepper_beside(database)
    held = read_secrets(path) or HeldSecrets(None, None, False)
    own = held.own if held.own != secret else None
    _write_private(path, _body(HeldSecrets(own, secret, False)), replace=True)


class PinPepper:
    """Reads the secrets once per change of the file; makes the own one on first use.

    It is made only when no stored hash depends on one yet: a database whose peppered hashes
    have lost their secret (copied without the file, the keyring entry gone) is refused rather
    than given a fresh one that would turn every PIN wrong.
    """

    def __init__(self, engine: Engine) -> None:
        self.path = pepper_path(engine)
        self._value: PinSecrets | None = None
        self._seen: tuple[int, int, int] | None = None

    def get(self, conn: Connection) -> bytes:
        return self.secrets(conn).staff

    def secrets(self, conn: Connection) -> PinSecrets:
        if self.path is None:
            if self._value is None:  # an in-memory store lives as long as this process
                self._value = pin_secrets(secrets.token_bytes(32), None, in_chain=False)
            return self._value
        seen = self._stat()
        if self._value is None or seen != self._seen:
            self._value = self._load(conn)
            self._seen = self._stat()
        return self._value

    def _stat(self) -> tuple[int, int, int] | None:
        assert self.path is not None
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _in_chain(self) -> bool:
        assert self.path is not None
        database = self.path.with_name(self.path.name.removesuffix(PEPPER_SUFFIX))
        return database.with_name(database.name + _HQ_LOGIN_SUFFIX).exists()

    def _load(self, conn: Connection) -> PinSecrets:
        assert self.path is not None
        held = read_secrets(self.path)
        if held is not None:
            return pin_secrets(held.own, held.chain, in_chain=self._in_chain())
        peppered = (
            conn.execute(
                select(t.staff.c.staff_no).where(t.staff.c.pin_hash.like("%,k=%")).limit(1)
            ).first()
            or conn.execute(
                select(t.member.c.member_id).where(t.member.c.pin_hash.like("%,k=%")).limit(1)
            ).first()
        )
        if peppered is not None:
            raise errors.PinSecretMissing()
        own = secrets.token_bytes(32)
        try:
            _write_private(self.path, _body(HeldSecrets(own, None, False)), replace=False)
        except FileExistsError:
            return self._load(conn)
        return pin_secrets(own, None, in_chain=self._in_chain())


def copy_pepper(source_db: Path, target_db: Path) -> None:
    """A copy of a database (a backup, a restore) takes its secrets' file along, private (0600).

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


def kept_where(database: Path) -> str | None:
    """Where the secret is kept ("keyring" or "file"), for the backup; None: it has none yet."""
    try:
        held = read_secrets(pepper_beside(database))
    except errors.PinSecretMissing:
        return "keyring"
    if held is None:
        return None
    return "keyring" if held.in_keyring else "file"
