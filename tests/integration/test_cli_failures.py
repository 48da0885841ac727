"""`frontdesk` when the machine, not the person, is the problem: one line, exit 1, no traceback.

A file that cannot be written and a bug: each is said in the chosen language, and an
unexpected error's traceback goes to the log file. A bad --db, a database from a newer version
and head office unreachable, misaddressed or missing are in test_failure_battery.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from frontdesk.cli import main
from frontdesk.demo import ean13

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


def test_init_may_create_the_database(tmp_path: Path) -> None:
    db = tmp_path / "new" / "till.db"
    done = cli("--db", str(db), "init", "--store", "1", "--till", "1",
               "--admin", "9001", "--admin-pin", "9001")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert db.exists()


def test_a_file_that_cannot_be_written_is_named(demo_db: Path, tmp_path: Path) -> None:
    rice = ean13("690000000005")
    sold = cli("--db", str(demo_db), *STAFF, "--json", "--no-print",
               "sale", "--item", rice, "--pay", "cash:89.00")  # fmt: skip
    found = re.search(r'"receipt_no": "(R\d+)"', sold.stdout)
    assert found is not None, sold.stderr
    out = tmp_path / "no" / "such" / "folder" / "copy.pdf"

    line = said_plainly(cli("--db", str(demo_db), *STAFF, "receipt", "pdf", found[1], str(out)))

    assert str(out) in line


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
