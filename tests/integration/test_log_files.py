"""The till's log file: what happened is there, a PIN or a member's full phone never is."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from frontdesk.logfiles import FILE_BYTES, FILES_KEPT, log_path, start_logging, stop_logging

PHONE = "13912345678"
MEMBER_PIN = "246813"


def cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "frontdesk.cli", "--db", str(db), *args],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip


def test_the_log_says_what_happened_and_never_a_pin_or_a_phone(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    assert cli(db, "demo").returncode == 0
    staff = ("--staff", "1001", "--pin", "1001")
    added = cli(db, *staff, "--json", "member", "add", "--phone", PHONE, "--name", "孙悟空",
                "--consent-terms", "--member-pin", MEMBER_PIN)  # fmt: skip
    assert added.returncode == 0, added.stderr
    sale = cli(db, *staff, "sale", "--card", "800101000000107", "--item", "6900000000038",
               "--pay", "stored_value:56.84", "--member-pin", "135790")  # fmt: skip
    assert sale.returncode == 0, sale.stderr
    refused = cli(db, "--staff", "1001", "--pin", "999999", "sale", "--item", "6900000000038")
    assert refused.returncode == 2

    log = (tmp_path / "logs" / "frontdesk.log").read_text(encoding="utf-8")
    assert "sale:sale started (staff 1001)" in log
    assert "sale:sale ended, exit 0, receipt R" in log
    assert "member:add ended, exit 0" in log
    assert "refused or failed" in log
    for secret in (PHONE, MEMBER_PIN, "135790", "999999"):
        assert secret not in log


def test_a_pin_or_phone_in_any_record_or_traceback_is_masked(tmp_path: Path) -> None:
    db = tmp_path / "till.db"
    try:
        path = start_logging(db)
        assert path == log_path(db) == tmp_path / "logs" / "frontdesk.log"
        log = logging.getLogger("frontdesk.test")
        log.info("login with pin=%s for %s", "8001", PHONE)
        try:
            raise ValueError(f"member_pin {MEMBER_PIN} refused for {PHONE}")
        except ValueError:
            log.exception("a failure")
    finally:
        stop_logging()
    text = path.read_text(encoding="utf-8")
    assert "pin=***" in text
    assert "139****5678" in text
    assert "8001" not in text
    assert MEMBER_PIN not in text
    assert PHONE not in text
    assert "ValueError" in text  # the traceback itself is kept


def test_the_log_rotates_and_keeps_a_few_files(tmp_path: Path) -> None:
    db = tmp_path / "till.db"
    try:
        path = start_logging(db)
        assert path is not None
        log = logging.getLogger("frontdesk.test")
        line = "x" * 1000
        for _ in range(FILE_BYTES * (FILES_KEPT + 2) // 1000):
            log.info(line)
    finally:
        stop_logging()
    kept = sorted(p.name for p in path.parent.iterdir())
    assert kept == ["frontdesk.log", *(f"frontdesk.log.{n}" for n in range(1, FILES_KEPT + 1))]
