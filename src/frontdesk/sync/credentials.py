"""The till's head-office login, kept in a file only the till's user can read (mode 0600)."""

from __future__ import annotations

import json
import os
import stat
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy.engine import URL


class CredentialsUnsafe(Exception):
    """The credentials file can be read by others: refuse to use a leaked password."""


@dataclass(frozen=True)
class HqCredentials:
    host: str
    port: int
    database: str
    role: str
    password: str

    def url(self) -> URL:
        return URL.create(
            "postgresql+psycopg",
            username=self.role,
            password=self.password,
            host=self.host,
            port=self.port,
            database=self.database,
        )


def credentials_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".hq.json")


def save(path: Path, creds: HqCredentials) -> None:
    # Created 0600 from the start: a chmod after writing would leave a window.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(asdict(creds), f)
    os.chmod(path, 0o600)


def load(path: Path) -> HqCredentials:
    if os.name == "posix" and stat.S_IMODE(path.stat().st_mode) & 0o077:
        raise CredentialsUnsafe(f"总部登录文件 {path} 权限过宽，请执行 chmod 600")
    data = json.loads(path.read_text(encoding="utf-8"))
    return HqCredentials(**data)
