"""The till's head-office login: its password in the OS keyring where one works, else 0600.

The login is the till's own role (never head office's admin). Its TLS settings (sslmode,
sslrootcert: verify-full against head office's CA) are kept with it and passed to psycopg on
every connection, so a till never falls back to unverified TLS. The file beside the database
(mode 0600 either way) says where head office is and whether the password sits in the keyring;
a till without a usable keyring (a kiosk box, a headless Linux without a secret service) keeps
the password in that file, readable by the till's user alone.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from frontdesk.domain import messages
from frontdesk.os_keyring import usable_keyring as _usable_keyring

# libpq's TLS parameters a till keeps; any other query parameter of a URL is not a login's.
TLS_KEYS = ("sslmode", "sslrootcert")


class CredentialsUnsafe(Exception):
    """The credentials file can be read by others: refuse to use a leaked password.

    Said by key (``usage_<key>`` in the catalogue); its text is the Chinese sentence.
    """

    def __init__(self, key: str, **params: object) -> None:
        self.key, self.params = key, params
        super().__init__(messages.say(f"usage_{key}", messages.ZH, **params))


@dataclass(frozen=True)
class HqCredentials:
    host: str
    port: int
    database: str
    role: str
    password: str
    sslmode: str = ""  # empty: libpq's default (prefer); "verify-full" checks name and CA
    sslrootcert: str = ""  # the CA file that signed head office's certificate

    def tls(self) -> dict[str, str]:
        return {
            k: v for k, v in (("sslmode", self.sslmode), ("sslrootcert", self.sslrootcert)) if v
        }

    def url(self) -> URL:
        return URL.create(
            "postgresql+psycopg",
            username=self.role,
            password=self.password,
            host=self.host,
            port=self.port,
            database=self.database,
            query=self.tls(),
        )


def tls_settings(sslmode: str, sslrootcert: str) -> dict[str, str]:
    """Libpq's TLS parameters, the empty ones left out (libpq's defaults then apply)."""
    return {k: v for k, v in (("sslmode", sslmode), ("sslrootcert", sslrootcert)) if v}


def tls_of(url: URL) -> dict[str, str]:
    """The TLS settings written in a head-office URL (?sslmode=verify-full&sslrootcert=ca.pem)."""
    found: dict[str, str] = {}
    for key in TLS_KEYS:
        value = url.query.get(key)
        if isinstance(value, tuple):
            value = value[-1] if value else None
        if value:
            found[key] = str(value)
    return found


def credentials_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".hq.json")


KEYRING_SERVICE = "frontdesk-hq"
_IN_KEYRING = "keyring"


def _keyring_user(data: dict[str, Any]) -> str:
    # Named by the login, not the file: a backup's copy of the file finds the same password,
    # and two tills on one machine (two roles) keep two.
    return f"{data['role']}@{data['host']}:{data['port']}/{data['database']}"


def save(path: Path, creds: HqCredentials) -> None:
    data = asdict(creds)
    backend = _usable_keyring()
    if backend is not None:
        try:
            backend.set_password(KEYRING_SERVICE, _keyring_user(data), creds.password)
        except Exception:  # a keyring that is locked or refuses: the 0600 file it is
            pass
        else:
            data["password"] = _IN_KEYRING
    # Created 0600 from the start: a chmod after writing would leave a window.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f)
    os.chmod(path, 0o600)


def load(path: Path) -> HqCredentials:
    if os.name == "posix" and stat.S_IMODE(path.stat().st_mode) & 0o077:
        raise CredentialsUnsafe("credentials_open", path=path)
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("password") == _IN_KEYRING:
        backend = _usable_keyring()
        password = None
        if backend is not None:
            password = backend.get_password(KEYRING_SERVICE, _keyring_user(data))
        if password is None:
            raise CredentialsUnsafe("credentials_keyring", path=path)
        data["password"] = password
    known = {f.name for f in fields(HqCredentials)}
    return HqCredentials(**{k: v for k, v in data.items() if k in known})
