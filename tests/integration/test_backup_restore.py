"""Backups taken while the till runs, restored onto a new machine, and refused when stale."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from frontdesk.cli import main
from frontdesk.demo import ean13
from frontdesk.persistence.backup import facts, take
from frontdesk.services.backups import BackupBehindHeadOffice, check_against_head_office

CASHIER = ["--staff", "1001", "--pin", "1001"]
MANAGER = ["--staff", "8001", "--pin", "8001"]
ADMIN = ["--staff", "9001", "--pin", "9001"]
RICE = ean13("690000000005")


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _sell(db: Path, capsys: pytest.CaptureFixture[str]) -> str:
    code, out, err = run(
        db, *CASHIER, "--json", "sale", "--item", RICE, "--pay", "cash:89.00", capsys=capsys
    )
    assert code == 0, err
    return str(json.loads(out)["ticket"]["receipt_no"])


def _tickets(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM ticket").fetchone()[0])


def test_a_backup_restored_on_a_new_machine_sells_and_verifies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old" / "till.db"
    assert run(old, "demo", capsys=capsys)[0] == 0
    _sell(old, capsys)

    code, out, err = run(old, *MANAGER, "--json", "backup", capsys=capsys)
    assert code == 0, err
    copy = Path(json.loads(out)["path"])
    assert copy.parent == old.parent / "backups"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert facts(copy).till_id == facts(old).till_id

    new = tmp_path / "new-machine" / "till.db"
    code, out, err = run(new, *ADMIN, "restore", str(copy), capsys=capsys)
    assert code == 0, err
    assert out.startswith("已从 till-")
    assert _tickets(new) == _tickets(old)

    _sell(new, capsys)
    code, out, _ = run(new, "verify", capsys=capsys)
    assert code == 0
    assert "核对通过" in out


def test_only_an_admin_restores_and_a_refused_restore_leaves_the_till_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "till.db"
    assert run(db, "demo", capsys=capsys)[0] == 0
    code, out, _ = run(db, *MANAGER, "--json", "backup", capsys=capsys)
    copy = Path(json.loads(out)["path"])
    _sell(db, capsys)
    before = _tickets(db)

    code, _, err = run(db, *MANAGER, "restore", str(copy), capsys=capsys)

    assert code == 2
    assert "须由管理员操作" in err
    assert _tickets(db) == before
    assert not list(tmp_path.glob("*.checking*"))


def test_a_cashier_cannot_take_a_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "till.db"
    assert run(db, "demo", capsys=capsys)[0] == 0

    code, _, err = run(db, *CASHIER, "backup", capsys=capsys)

    assert code == 2  # refused by a rule (DOMAIN §7's table)
    assert err.strip() == "备份须由店长或管理员操作"


def test_a_damaged_backup_is_refused_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "till-20260101-000000.db"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))

    code, _, err = run(tmp_path / "new.db", *ADMIN, "restore", str(bad), capsys=capsys)

    assert code == 1
    assert err.startswith("备份文件不可用：")
    assert "Traceback" not in err
    assert not (tmp_path / "new.db").exists()


def test_a_backup_behind_head_office_is_refused_with_the_recovery_path() -> None:
    held = {"outbox": 7, "ledger": 120, "ticket": 40, "audit": 300}
    check_against_head_office(held, held)  # exactly what head office holds: fine
    check_against_head_office(held | {"audit": 301}, held)  # ahead: not yet synced, fine
    with pytest.raises(BackupBehindHeadOffice) as refused:
        check_against_head_office(held | {"ticket": 39}, held)
    assert refused.value.message.startswith("此备份早于总部已收到的数据（小票：备份到第 39 条")
    assert "frontdesk sync --recover 从总部取回本收银台的账本" in refused.value.message
    assert "run frontdesk sync --recover" in refused.value.message_en


def test_old_backups_are_pruned_but_the_newest_is_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "till.db"
    assert run(db, "demo", capsys=capsys)[0] == 0
    folder = tmp_path / "backups"
    folder.mkdir()
    stale = folder / "till-20200101-000000.db"
    stale.write_bytes(b"")

    code, _, err = run(db, *MANAGER, "backup", "--keep-days", "7", capsys=capsys)

    assert code == 0, err
    assert not stale.exists()
    assert len(list(folder.glob("till-*.db"))) == 1


def test_the_nightly_backup_needs_no_sign_in_keeps_n_days_and_is_audited_as_system(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "till.db"
    assert run(db, "demo", capsys=capsys)[0] == 0
    folder = tmp_path / "backups"
    folder.mkdir()
    stale = folder / "till-20200101-000000.db"
    stale.write_bytes(b"")

    code, _, err = run(db, "backup", "--nightly", "--keep", "3", capsys=capsys)

    assert code == 0, err
    assert not stale.exists()
    [taken] = folder.glob("till-*.db")
    with sqlite3.connect(db) as con:
        [(actor,)] = con.execute(
            "SELECT actor FROM audit_log WHERE action = 'backup' ORDER BY rowid DESC LIMIT 1"
        )
    assert actor == "system"
    assert run(db, "backup", capsys=capsys)[0] == 2  # a person's backup still needs a sign-in
    with sqlite3.connect(taken) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_two_backups_in_the_same_second_never_overwrite_each_other(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "till.db"
    assert run(db, "demo", capsys=capsys)[0] == 0
    taken = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)

    first = take(db, tmp_path / "b", taken)
    _sell(db, capsys)
    second = take(db, tmp_path / "b", taken)

    assert first.path != second.path
    assert facts(first.path).positions["ticket"] < facts(second.path).positions["ticket"]
