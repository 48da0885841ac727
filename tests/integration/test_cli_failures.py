"""`frontdesk` when the machine, not the person, is the problem: one line, exit 1, no traceback.

A missing, folder or garbage --db, a database from a newer version, a file that cannot be
written, head office unreachable or misaddressed, and a bug: each is said in the chosen
language, nothing is written, and an unexpected error's traceback goes to the log file.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from frontdesk.cli import main
from frontdesk.demo import ean13

CJK = re.compile(r"[\u4e00-\u9fff]")
STAFF = ("--staff", "1001", "--pin", "1001")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "frontdesk.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def said_plainly(done: subprocess.CompletedProcess[str], code: int = 1) -> str:
    """The one line on stderr, after checking the exit code and that no traceback escaped."""
    assert done.returncode == code, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert "Error" not in done.stderr  # no exception class names either
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "store.db"
    assert cli("--db", str(db), "demo").returncode == 0
    return db


def test_a_mistyped_db_is_refused_and_not_created(tmp_path: Path) -> None:
    db = tmp_path / "tyop.db"

    zh = said_plainly(cli("--db", str(db), "verify"))
    en = said_plainly(cli("--db", str(db), "verify", "--lang", "en"))

    assert str(db) in zh
    assert "frontdesk init" in zh
    assert CJK.search(zh)
    assert str(db) in en
    assert not CJK.search(en)
    assert list(tmp_path.iterdir()) == []


def test_init_may_create_the_database(tmp_path: Path) -> None:
    db = tmp_path / "new" / "till.db"
    done = cli("--db", str(db), "init", "--store", "1", "--till", "1",
               "--admin", "9001", "--admin-pin", "9001")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert db.exists()


def test_a_folder_as_db_is_refused(tmp_path: Path) -> None:
    line = said_plainly(cli("--db", str(tmp_path), *STAFF, "member", "find", "张"))
    assert "文件夹" in line


def test_a_garbage_file_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_bytes(b"shopping list: rice, noodles\n" * 100)
    before = db.read_bytes()

    line = said_plainly(cli("--db", str(db), "verify"))

    assert str(db) in line
    assert db.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["notes.db"]


def test_a_database_from_a_newer_frontdesk_is_refused(demo_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "newer.db"
    with sqlite3.connect(demo_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")

    line = said_plainly(cli("--db", str(db), "verify"))

    assert "此数据库由更新版本的 frontdesk 创建" in line


def test_a_file_that_cannot_be_written_is_named(demo_db: Path, tmp_path: Path) -> None:
    rice = ean13("690000000005")
    sold = cli("--db", str(demo_db), *STAFF, "--json", "--no-print",
               "sale", "--item", rice, "--pay", "cash:89.00")  # fmt: skip
    found = re.search(r'"receipt_no": "(R\d+)"', sold.stdout)
    assert found is not None, sold.stderr
    out = tmp_path / "no" / "such" / "folder" / "copy.pdf"

    line = said_plainly(cli("--db", str(demo_db), *STAFF, "receipt", "pdf", found[1], str(out)))

    assert str(out) in line


@pytest.mark.parametrize(
    ("url", "phrase"),
    [
        ("postgresql://nobody@127.0.0.1:1/none", "无法连接总部数据库"),
        ("not a url at all", "总部连接地址格式不正确"),
    ],
)
def test_head_office_unreachable_or_misaddressed(demo_db: Path, url: str, phrase: str) -> None:
    line = said_plainly(cli("--db", str(demo_db), "hq", "report", "--hq-url", url))
    assert phrase in line


def test_a_head_office_database_that_does_not_exist_is_named_as_such(
    demo_db: Path, hq_url: str
) -> None:
    missing = hq_url.rsplit("/", 1)[0] + "/no_such_database"
    for verb in ("init", "report"):
        line = said_plainly(cli("--db", str(demo_db), "hq", verb, "--hq-url", missing))
        assert line.startswith("总部数据库不存在")


@pytest.fixture
def hq_url() -> str:
    url = os.environ.get("FRONTDESK_HQ_TEST_URL")
    if not url:
        pytest.skip("FRONTDESK_HQ_TEST_URL is not set (run scripts/hq-postgres start)")
    return url


def test_a_bug_is_one_line_and_its_traceback_goes_to_the_log(
    demo_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import frontdesk.cli.verify as verify_command

    def broken(_engine: object) -> list[str]:
        raise RuntimeError("a bug nobody has met yet")

    log = tmp_path / "frontdesk.log"
    monkeypatch.setenv("FRONTDESK_LOG", str(log))
    monkeypatch.setattr(verify_command, "check", broken)

    code = main(["--db", str(demo_db), "verify"])

    assert code == 1
    assert capsys.readouterr().err.splitlines() == [f"意外错误，命令未完成（详情已记入 {log}）"]
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged
    assert "a bug nobody has met yet" in logged


def test_ctrl_c_is_exit_130_without_a_traceback(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import frontdesk.cli.verify as verify_command

    def interrupted(_engine: object) -> list[str]:
        raise KeyboardInterrupt

    monkeypatch.setattr(verify_command, "check", interrupted)

    assert main(["--db", str(demo_db), "verify"]) == 130
    assert capsys.readouterr().err == ""
