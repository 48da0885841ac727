"""Input a person never meant is refused by the command: exit 2, one sentence, nothing booked."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from frontdesk.config import DEFAULT_PROGRAM
from tests.integration.test_bad_store import frontdesk

STAFF = ("--staff", "1001", "--pin", "1001")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    made = frontdesk("--db", str(db), "demo")
    assert made.returncode == 0, made.stderr
    return db


def _copy(demo_db: Path, db: Path) -> None:
    shutil.copy(demo_db, db)
    pepper = demo_db.with_name(demo_db.name + ".pepper")  # the PIN secret lives beside the store
    if pepper.exists():
        shutil.copy(pepper, db.with_name(db.name + ".pepper"))


def _booked(db: Path) -> tuple[int, int]:
    with closing(sqlite3.connect(db)) as raw:
        entries = raw.execute("SELECT count(*) FROM ledger_entry").fetchone()[0]
        tickets = raw.execute("SELECT count(*) FROM ticket").fetchone()[0]
    return int(entries), int(tickets)


def _card(db: Path) -> str:
    with closing(sqlite3.connect(db)) as raw:
        found = raw.execute("SELECT card_no FROM card WHERE state = 'active' LIMIT 1").fetchone()
    return str(found[0])


# 1e5 once became a ￥100,000.00 top-up; the others were read as 1000 and 100 (more in test_money).
@pytest.mark.parametrize("amount", ["1e5", "1_000", "１００"])
def test_a_top_up_of_an_amount_nobody_writes_is_refused_and_nothing_is_booked(
    demo_db: Path, tmp_path: Path, amount: str
) -> None:
    db = tmp_path / "till.db"
    _copy(demo_db, db)
    before = _booked(db)

    done = frontdesk("--db", str(db), *STAFF, "topup", "--card", _card(db), amount)

    assert done.returncode == 2, done.stdout + done.stderr
    assert f"金额格式不正确：{amount}" in done.stderr
    assert "Traceback" not in done.stderr
    assert _booked(db) == before


def test_a_quantity_in_full_width_digits_is_refused(demo_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "till.db"
    _copy(demo_db, db)
    before = _booked(db)

    done = frontdesk(
        "--db", str(db), *STAFF, "sale", "--item", "6900000000052x２", "--pay", "cash:1"
    )

    assert done.returncode == 2, done.stdout + done.stderr
    assert "商品写法应为" in done.stderr
    assert _booked(db) == before


def _program(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "program.toml"
    path.write_bytes(text.encode(encoding))
    return path


SHIPPED = DEFAULT_PROGRAM.read_text(encoding="utf-8")
PROGRAMS = {
    "a misspelt key": (
        SHIPPED.replace("hold_months = 12", "hold_monthz = 6"),
        "utf-8",
        "tier.hold_monthz：未知的设置项",
    ),
    "a bonus above its top-up": (
        SHIPPED.replace('bonus = "10.00"', 'bonus = "1000.00"'),
        "utf-8",
        "stored_value.topup_bonus[0].bonus：赠送金额须低于其充值门槛",
    ),
    "GB18030": (SHIPPED, "gb18030", "文件是 GB18030/GBK 编码"),
    "a BOM": (SHIPPED, "utf-8-sig", "BOM"),
}


@pytest.mark.parametrize("case", list(PROGRAMS))
def test_a_program_file_that_makes_no_sense_is_refused_by_the_command(
    demo_db: Path, tmp_path: Path, case: str
) -> None:
    text, encoding, said = PROGRAMS[case]
    program = _program(tmp_path, text, encoding)

    done = frontdesk("--db", str(demo_db), "--program", str(program), "verify")

    assert done.returncode == 2, done.stdout + done.stderr
    assert f"方案文件有误：{program}" in done.stderr
    assert said in done.stderr
    assert "Traceback" not in done.stderr
    assert "核对通过" not in done.stdout
