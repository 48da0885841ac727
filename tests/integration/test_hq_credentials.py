"""Head office's password: in the OS keyring where one works, else in the till's 0600 file."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from frontdesk.sync import credentials
from frontdesk.sync.credentials import CredentialsUnsafe, HqCredentials

CREDS = HqCredentials("127.0.0.1", 5432, "hq", "till_001_01", "s3cret-Pa55")


class MemoryKeyring(KeyringBackend):
    """A keyring whose store is a dict: the OS's secret service stands in for nothing else."""

    priority = 5

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture
def pinned() -> Iterator[None]:
    before = keyring.get_keyring()
    yield
    keyring.set_keyring(before)


@pytest.mark.usefixtures("pinned")
def test_with_a_keyring_the_password_never_touches_the_disk(tmp_path: Path) -> None:
    store = MemoryKeyring()
    keyring.set_keyring(store)
    path = tmp_path / "till.db.hq.json"

    credentials.save(path, CREDS)

    on_disk = path.read_text(encoding="utf-8")
    assert CREDS.password not in on_disk
    assert json.loads(on_disk)["password"] == "keyring"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert list(store.secrets.values()) == [CREDS.password]
    assert credentials.load(path) == CREDS
    copy = tmp_path / "restored" / "till.db.hq.json"  # a backup's copy finds it too
    copy.parent.mkdir()
    copy.write_bytes(path.read_bytes())
    copy.chmod(0o600)
    assert credentials.load(copy) == CREDS

    store.secrets.clear()  # the keyring lost it (another user, a reset): said, not guessed
    with pytest.raises(CredentialsUnsafe, match="hq init"):
        credentials.load(path)


@pytest.mark.usefixtures("pinned")
def test_without_a_usable_keyring_the_password_is_in_the_0600_file(tmp_path: Path) -> None:
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    path = tmp_path / "till.db.hq.json"

    credentials.save(path, CREDS)

    assert json.loads(path.read_text(encoding="utf-8"))["password"] == CREDS.password
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert credentials.load(path) == CREDS
