"""Bad databases and a bad environment as the store sees them: the StoreProblem each one raises.

What the command says of each, its exit code and that nothing is written: test_failure_battery.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from frontdesk.cli import main
from frontdesk.domain.errors import StoreProblem
from frontdesk.persistence import store_problems as sp
from frontdesk.persistence.engine import HEAD_REVISION, MIGRATIONS, known_revisions, open_database
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory

RESTORE = "恢复方法：关闭所有 frontdesk 窗口和命令"
TOO_NEW = "此数据库由更新版本的 frontdesk 创建，请升级 frontdesk"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    # Its own process: leaving it checkpoints the WAL, so the one file holds the whole store.
    made = frontdesk("--db", str(db), "demo")
    assert made.returncode == 0, made.stderr
    assert not db.with_name("demo.db-wal").exists()
    return db


def frontdesk(*args: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, sys.executable, "-m", "frontdesk.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def _garbage(db: Path) -> None:
    db.write_bytes(os.urandom(8192))


def _truncated(db: Path) -> None:
    with db.open("r+b") as f:
        f.truncate(db.stat().st_size // 2)


def _page_overwritten(db: Path) -> None:
    with db.open("r+b") as f:
        f.seek(5 * 4096)
        f.write(os.urandom(4096))


def _newer_schema(db: Path) -> None:
    with closing(sqlite3.connect(db)) as raw, raw:
        raw.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")


def _folder(db: Path) -> None:
    db.unlink()
    db.mkdir()


def _missing(db: Path) -> None:
    db.unlink()


def _not_ours(db: Path) -> None:
    db.unlink()
    with closing(sqlite3.connect(db)) as raw, raw:
        raw.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")


BAD_FILES: dict[str, tuple[Callable[[Path], None], type[StoreProblem], str]] = {
    "garbage": (_garbage, sp.StoreNotDatabase, "不是 frontdesk 数据库"),
    "truncated": (_truncated, sp.StoreCorrupt, "数据库文件已损坏"),
    "page overwritten": (_page_overwritten, sp.StoreCorrupt, "数据库文件已损坏"),
    "newer schema": (_newer_schema, sp.StoreTooNew, TOO_NEW),
    "a folder": (_folder, sp.StoreIsFolder, "是文件夹，不是数据库文件"),
    "missing": (_missing, sp.StoreMissing, "找不到数据库文件"),
    "another program's SQLite file": (_not_ours, sp.StoreNotDatabase, "不是 frontdesk 数据库"),
}


def spoiled(demo_db: Path, tmp_path: Path, case: str) -> Path:
    db = tmp_path / "till.db"
    shutil.copy(demo_db, db)
    BAD_FILES[case][0](db)
    return db


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_opening_a_bad_database_raises_its_store_problem(
    demo_db: Path, tmp_path: Path, case: str
) -> None:
    bad = spoiled(demo_db, tmp_path, case)
    _, problem, said = BAD_FILES[case]

    with pytest.raises(problem) as refused:
        open_database(bad)

    assert refused.value.exit_code == 1
    assert said in refused.value.message
    assert "{" not in refused.value.message_en


def test_a_damaged_file_is_told_how_to_restore_in_either_language(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "till.db"
    shutil.copy(demo_db, db)
    _page_overwritten(db)

    zh = main(["--db", str(db), "verify"]), capsys.readouterr().err
    en = main(["--db", str(db), "--lang", "en", "verify"]), capsys.readouterr().err

    assert zh[0] == en[0] == 1
    assert RESTORE in zh[1]
    assert "To restore:" in en[1]
    assert "数据库" not in en[1]


def test_a_newer_database_names_its_revision_and_the_known_ones_are_alembics(
    demo_db: Path, tmp_path: Path
) -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    db = tmp_path / "till.db"
    shutil.copy(demo_db, db)
    _newer_schema(db)

    with pytest.raises(sp.StoreTooNew) as refused:
        open_database(db)

    assert {s.revision for s in ScriptDirectory.from_config(cfg).walk_revisions()} == set(
        known_revisions()
    )
    assert "0099_from_the_future" in refused.value.message
    assert HEAD_REVISION in refused.value.message


def test_a_missing_database_is_made_only_when_asked(tmp_path: Path) -> None:
    db = tmp_path / "new" / "till.db"

    with pytest.raises(sp.StoreMissing):
        open_database(db)
    assert not db.parent.exists()
    engine = open_database(db, create=True)
    engine.dispose()

    assert open_database(db).url.database == str(db)


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_the_data_folder_is_0700_and_the_database_files_0600(tmp_path: Path) -> None:
    db = tmp_path / "data" / "till.db"
    engine = open_database(db, create=True)
    with engine.connect().execution_options(write=True) as conn:
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('probe', '1')"))
        conn.commit()
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in db.parent.iterdir()}
    engine.dispose()

    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
    assert modes == {"till.db": 0o600, "till.db-wal": 0o600, "till.db-shm": 0o600}


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_a_store_made_before_the_rule_is_tightened_to_0600_on_open(
    demo_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "till.db"
    shutil.copy(demo_db, db)
    db.chmod(0o644)

    open_database(db).dispose()

    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def _write_a_setting(engine: Engine) -> None:
    with SqlUnitOfWorkFactory(engine)() as uow:
        uow.connection.execute(text("INSERT INTO settings (key, value) VALUES ('x', '1')"))
        uow.commit()


def test_a_write_lock_held_past_the_wait_is_refused_at_open_and_mid_write(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sp, "LOCK_WAIT_SECONDS", 1)  # the real wait is 10 s
    db = tmp_path / "till.db"
    shutil.copy(demo_db, db)
    engine = open_database(db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        with pytest.raises(sp.StoreBusy) as at_open:
            open_database(db)
        waited = time.monotonic() - started
        with pytest.raises(sp.StoreBusy):
            _write_a_setting(engine)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        engine.dispose()

    assert 0.9 < waited < 5
    assert "占用超过 1 秒" in at_open.value.message


def _namespace_or_skip() -> None:
    if os.name != "posix" or shutil.which("unshare") is None:
        pytest.skip("needs Linux mount namespaces")
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt"],
        capture_output=True,
        check=False,
    )
    if probe.returncode != 0:
        pytest.skip("this user may not mount in a private namespace")


FILL_AND_WRITE = """
import subprocess, sys
from sqlalchemy import Engine, text
from frontdesk.cli import main
from frontdesk.domain.errors import StoreProblem
from frontdesk.persistence.engine import open_database
engine = open_database(sys.argv[1])
subprocess.run(["dd", "if=/dev/zero", "of=" + sys.argv[1] + ".fill", "bs=64k"], capture_output=True)
try:
    with engine.connect().execution_options(write=True) as conn:
        big = {"v": "x" * 200_000}
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('big', :v)"), big)
        conn.commit()
except StoreProblem as problem:
    print(type(problem).__name__, problem.message)
"""


def test_a_write_that_fills_the_disk_is_said_as_a_full_disk(demo_db: Path, tmp_path: Path) -> None:
    # The command refusing a full disk at open is in test_failure_battery.
    _namespace_or_skip()
    folder = tmp_path / "small"
    folder.mkdir()
    mount = 'mount -t tmpfs -o size=3m tmpfs "$0" && cp "$1" "$0/till.db" && shift && '
    mid = subprocess.run(
        [
            "unshare",
            "-m",
            "sh",
            "-c",
            mount + 'exec "$@"',
            str(folder),
            str(demo_db),
            sys.executable,
            "-c",
            FILL_AND_WRITE,
            str(folder / "till.db"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )

    assert mid.stdout.startswith("StoreDiskFull 磁盘已满"), mid.stdout + mid.stderr
