"""A lost card at a cash or WeChat checkout, from the command line: refused at once, audited."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from frontdesk.demo import ean13

NOODLES = ean13("690000000002")
UNKNOWN = ean13("690000009999")


def frontdesk(db: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "frontdesk.cli", "--db", str(db), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    return done, time.perf_counter() - started


def test_a_lost_card_checkout_exits_2_in_under_a_second_and_every_attempt_is_audited(
    tmp_path: Path,
) -> None:
    db = tmp_path / "demo.db"
    made, _ = frontdesk(db, "--json", "demo")
    lost = next(m["card_no"] for m in json.loads(made.stdout)["members"] if "挂失" in m["note"])
    staff = ["--staff", "1001", "--pin", "1001"]
    sale = [*staff, "sale", "--card", lost]
    # The same command refused before it reaches the card: what starting the program costs.
    baseline, startup = frontdesk(db, *sale, "--item", UNKNOWN, "--pay", "cash:10.00")
    attempts = [["cash:10.00"], ["wechat:4.50:WX20261120"], ["cash:5.00"]]

    results = [frontdesk(db, *sale, "--item", NOODLES, "--pay", pay) for [pay] in attempts]

    assert baseline.returncode == 2, baseline.stderr
    for done, took in results:
        assert done.returncode == 2, done.stderr
        assert "挂失" in done.stdout + done.stderr
        assert "Traceback" not in done.stderr
        assert took - startup < 1.0, (took, startup)
    with sqlite3.connect(db) as raw:
        refused = raw.execute(
            "SELECT subject, outcome FROM audit_log WHERE action = 'card_refused'"
        ).fetchall()
    assert refused == [(lost, "refused")] * len(attempts)
