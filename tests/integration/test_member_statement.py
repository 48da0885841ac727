"""`frontdesk member statement` on a real store, read back from its PDF with pdftotext."""

from __future__ import annotations

import re
import sqlite3
import subprocess
from pathlib import Path

import pytest

from frontdesk.cli import main
from frontdesk.demo import ean13
from tests.integration.sealed_members import member_by_phone

CASHIER = ["--staff", "1001", "--pin", "1001"]
LI_NA = "13900002222"  # the demo's silver member: ￥1,000.00 principal + ￥150.00 bonus
RICE = ean13("690000000005")


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _yuan(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    return sign * int(text.lstrip("+-").replace("￥", "").replace(",", "").replace(".", ""))


def test_the_statement_pdf_lists_every_movement_and_its_balances_add_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "store.db"
    assert run(db, "demo", capsys=capsys)[0] == 0
    code, _, err = run(
        db, *CASHIER, "sale", "--card", "800101000000206", "--item", f"{RICE}x2",
        "--pay", "stored_value:100.00", "--pay", "cash:100.00", "--member-pin", "135790",
        capsys=capsys,
    )  # fmt: skip
    assert code == 0, err
    pdf = tmp_path / "statement.pdf"

    code, _, err = run(
        db, *CASHIER, "member", "statement", "--phone", LI_NA, "--pdf", str(pdf), capsys=capsys
    )

    assert code == 0, err
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "会员对账单" in text
    assert "李娜 13900002222" in text  # the member's own copy: nothing of theirs masked
    lines = [ln.split() for ln in text.splitlines() if re.match(r"\s*2\d{3}-\d\d-\d\d ", ln)]
    li_na = member_by_phone(db, LI_NA).member_id
    with sqlite3.connect(db) as conn:
        txns = conn.execute(
            "SELECT count(DISTINCT txn_uuid) FROM ledger_entry WHERE member_id = ?", (li_na,)
        ).fetchone()[0]
        held = conn.execute(
            "SELECT principal + bonus FROM account WHERE member_id = ?", (li_na,)
        ).fetchone()[0]
    assert len(lines) == txns
    balance = 0
    for cells in lines:
        moved = [c for c in cells if c[0] in "+-" and "￥" in c]
        balance += sum(_yuan(c) for c in moved)
        after = next(c for c in cells if c.startswith("￥"))
        assert _yuan(after) == balance
    assert balance == held
    assert f"合计 ￥{held // 100:,}.{held % 100:02d}" in text.replace("  ", " ")


def test_a_statement_needs_a_login_and_a_sane_period(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "store.db"
    assert run(db, "demo", capsys=capsys)[0] == 0

    code, _, err = run(db, "member", "statement", "--phone", LI_NA, capsys=capsys)
    assert code == 2
    assert "需要登录" in err or "--staff" in err

    code, _, err = run(
        db, *CASHIER, "member", "statement", "--phone", LI_NA, "--from", "2026-12-31",
        "--to", "2026-01-01", capsys=capsys,
    )  # fmt: skip
    assert code == 2
    assert err.strip() == "对账期间不正确：起始日期 2026-12-31 晚于截止日期 2026-01-01"
