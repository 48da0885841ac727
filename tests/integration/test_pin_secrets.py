"""The PIN secret of a store: outside its database (the OS keyring, else a 0600 file), peppering
staff and member PINs alike, carried by backups or named by them, and old hashes moved to it."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from sqlalchemy import text

from frontdesk.cli import main
from frontdesk.domain import errors
from frontdesk.domain.stored_value import hash_pin
from frontdesk.logfiles import stop_logging
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.pin_pepper import adopt_chain_secret, pepper_beside, read_secrets
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.services import staff
from frontdesk.services.context import TillContext
from frontdesk.services.member_pin import check_member_pin
from tests.builders import PROGRAM, FixedClock, at
from tests.integration.core_fixtures import Till, make_till
from tests.integration.test_hq_credentials import MemoryKeyring


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(before)


def pin_hash(till: Till, table: str, key: str, value: str) -> str:
    with till.engine.connect() as conn:
        found = conn.execute(text(f"SELECT pin_hash FROM {table} WHERE {key} = :v"), {"v": value})
        return str(found.scalar_one())


def reopened(path: Path) -> TillContext:
    return TillContext(
        SqlUnitOfWorkFactory(open_database(path)), FixedClock(at(2026, 3, 10)), PROGRAM
    )


def test_a_standalone_store_peppers_member_pins_too_with_its_own_file(till: Till) -> None:
    member = till.member()
    stored = pin_hash(till, "member", "member_id", member.member.member_id)

    assert stored.startswith("scrypt$n=32768,r=8,p=1,k=")
    check_member_pin(till.ctx, member.member.member_id, "135790")
    pepper = pepper_beside(till.path)
    assert stat.S_IMODE(pepper.stat().st_mode) == 0o600
    held = read_secrets(pepper)
    assert held is not None
    assert held.own is not None
    assert held.chain is None
    assert held.own.hex() not in till.path.read_bytes().hex()


def test_an_unpeppered_member_pin_still_checks_and_is_hashed_again_with_the_secret(
    till: Till,
) -> None:
    member_id = till.member().member.member_id
    old = hash_pin("135790", None)  # what every store wrote before the pepper
    with till.engine.begin() as conn:
        conn.execute(text("UPDATE member SET pin_hash = :h WHERE member_id = :m"),
                     {"h": old, "m": member_id})  # fmt: skip

    check_member_pin(till.ctx, member_id, "135790")

    now = pin_hash(till, "member", "member_id", member_id)
    assert now != old
    assert ",k=" in now
    with till.engine.connect() as conn:
        sent = conn.execute(
            text("SELECT payload FROM outbox WHERE kind = 'member' AND entity_id = :m "
                 "ORDER BY seq DESC LIMIT 1"), {"m": member_id},
        ).scalar_one()  # fmt: skip
    assert json.loads(sent)["pin_hash"] == now  # head office and every till get the new one
    check_member_pin(till.ctx, member_id, "135790")
    with pytest.raises(errors.WrongPin):
        check_member_pin(till.ctx, member_id, "246813")


def test_a_till_that_joins_a_chain_keeps_checking_the_hashes_of_its_own_secret(
    till: Till,
) -> None:
    before = pin_hash(till, "staff", "staff_no", "8001")
    chain = os.urandom(32)

    adopt_chain_secret(till.path, chain)

    held = read_secrets(pepper_beside(till.path))
    assert held is not None
    assert held.chain == chain
    assert held.own is not None
    staff.login(till.ctx, "8001", "8001")  # the same process sees the new file
    after = pin_hash(till, "staff", "staff_no", "8001")
    assert after != before
    assert staff.login(reopened(till.path), "8001", "8001").staff_no == "8001"


def test_with_a_keyring_the_secret_is_not_on_disk_and_a_copy_on_this_machine_finds_it(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    t = make_till(tmp_path / "a" / "till.db")
    t.engine.dispose()
    body = pepper_beside(t.path).read_text(encoding="ascii")

    assert body.startswith("own keyring:")
    (secret,) = memory_keyring.secrets.values()
    assert secret not in body
    assert secret not in t.path.read_bytes().hex()
    copy = tmp_path / "b" / "till.db"
    copy.parent.mkdir()
    copy.write_bytes(t.path.read_bytes())
    pepper_beside(copy).write_text(body, encoding="ascii")
    assert staff.login(reopened(copy), "1001", "1001").staff_no == "1001"

    memory_keyring.secrets.clear()  # another machine, or a reset keyring: said, never guessed
    with pytest.raises(errors.PinSecretMissing):
        staff.login(reopened(copy), "1001", "1001")


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(["--db", str(db), *args])
    finally:
        stop_logging()
    out, err = capsys.readouterr()
    return code, out, err


def test_a_backup_names_its_secret_and_restored_elsewhere_every_pin_still_checks(
    till: Till, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The tests run with keyring's fail backend (no OS keyring): the secret is in the 0600 file.
    member_id = till.member().member.member_id
    till.engine.dispose()

    code, out, err = run(till.path, "--staff", "8001", "--pin", "8001", "backup", capsys=capsys)
    assert code == 0, err
    copy = Path(out.split("已备份到 ")[1].split("（")[0])
    assert f"密码密钥在 {pepper_beside(copy)}，已随备份复制" in out
    assert stat.S_IMODE(pepper_beside(copy).stat().st_mode) == 0o600
    code, out, err = run(till.path, "--lang", "en", "--staff", "8001", "--pin", "8001",
                         "backup", capsys=capsys)  # fmt: skip
    assert code == 0, err
    assert "keep it with the backup: without it no PIN can be checked" in out

    new = tmp_path / "new-machine" / "till.db"
    code, _, err = run(new, "--staff", "9001", "--pin", "9001", "restore", str(copy),
                       capsys=capsys)  # fmt: skip
    assert code == 0, err
    ctx = reopened(new)
    assert staff.login(ctx, "1001", "1001").staff_no == "1001"
    check_member_pin(ctx, member_id, "135790")
