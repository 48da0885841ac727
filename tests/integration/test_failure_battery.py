"""The battery: each bad input of issue 12 not tested elsewhere, through the command itself.

For each: the exit code, the sentence, no traceback, and nothing written. The bad databases and
environments (garbage, truncated, newer, a folder, read-only, a full disk, a lock held over
10 s) are in test_bad_store and test_cli_failures; a head office of another schema version in
sync/test_hq_versions; 1e5, 1_000 and １００ in test_bad_input.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from tests.integration.test_bad_input import STAFF, _booked, _card, _copy, demo_db
from tests.integration.test_bad_store import frontdesk

__all__ = ["demo_db"]


def _members(db: Path) -> int:
    with closing(sqlite3.connect(db)) as raw:
        return int(raw.execute("SELECT count(*) FROM member").fetchone()[0])


def _register(*extra: str, name: str = "王芳") -> tuple[str, ...]:
    return ("member", "add", "--phone", "13912345678", "--name", name, "--consent-terms", *extra)


CASES: dict[str, tuple[Callable[[str], tuple[str, ...]], str]] = {
    # Arabic-Indic digits read as 100 by int(): refused like the full-width ones.
    "١٠٠ as money": (lambda card: ("topup", "--card", card, "١٠٠"), "金额格式不正确：١٠٠"),
    "full-width PIN": (lambda _card: _register("--member-pin", "２４６８１３"), "密码须为"),
    "a 10 kB name": (lambda _card: _register(name="张" * 10_000), "姓名最多 50 个字符"),
    "a top-up of nothing": (lambda card: ("topup", "--card", card, "0"), "金额"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_bad_input_is_refused_in_one_sentence_and_nothing_is_written(
    demo_db: Path, tmp_path: Path, case: str
) -> None:
    db = tmp_path / "till.db"
    _copy(demo_db, db)
    args, phrase = CASES[case]
    before = (_booked(db), _members(db))

    done = frontdesk("--db", str(db), *STAFF, *args(_card(db)))

    assert done.returncode == 2, done.stdout + done.stderr
    assert phrase in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert (_booked(db), _members(db)) == before


def test_a_stored_value_sale_with_a_full_width_pin_is_refused_before_any_check(
    demo_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "till.db"
    _copy(demo_db, db)
    before = _booked(db)
    with closing(sqlite3.connect(db)) as raw:
        wrong_before = raw.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'member_pin_wrong'"
        ).fetchone()[0]

    with closing(sqlite3.connect(db)) as raw:
        barcode = raw.execute("SELECT barcode FROM product LIMIT 1").fetchone()[0]
    pay = ("--pay", "stored_value:0.01", "--pay", "cash:1000.00")
    done = frontdesk(
        "--db",
        str(db),
        *STAFF,
        "sale",
        "--card",
        _card(db),
        "--item",
        barcode,
        *pay,
        "--member-pin",
        "１３５７９０",
    )

    assert done.returncode == 2, done.stdout + done.stderr
    assert "密码须为" in done.stderr
    assert "Traceback" not in done.stderr
    assert _booked(db) == before
    with closing(sqlite3.connect(db)) as raw:
        wrong_after = raw.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'member_pin_wrong'"
        ).fetchone()[0]
    assert wrong_after == wrong_before  # not counted as a wrong try: it was never a PIN
