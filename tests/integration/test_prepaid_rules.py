"""Prepaid-card rules through the command line, on a real store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from frontdesk.cli import main

CASHIER = ["--staff", "1001", "--pin", "1001"]
LI_NA = "800101000000206"  # ￥1,000.00 principal + ￥150.00 bonus in the demo store


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _balance(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT principal + bonus FROM account JOIN card USING (member_id) WHERE card_no = ?",
            (LI_NA,),
        ).fetchone()
    return int(row[0])


def test_a_top_up_over_the_card_cap_is_refused_with_what_may_still_be_paid_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "store.db"
    assert run(db, "demo", capsys=capsys)[0] == 0

    code, _, err = run(db, *CASHIER, "topup", "--card", LI_NA, "4000.00", capsys=capsys)

    assert code == 2
    assert err.strip() == (
        "充值后记名卡余额将超过单卡限额 ￥5,000.00（含赠金），本次最多可充值 ￥3,700.00"
    )
    assert _balance(db) == 115_000
    code, _, err = run(db, *CASHIER, "topup", "--card", LI_NA, "3700.00", capsys=capsys)
    assert code == 0, err
    assert _balance(db) == 500_000
    code, _, err = run(
        db, *CASHIER, "--lang", "en", "topup", "--card", LI_NA, "0.01", capsys=capsys
    )
    assert code == 2
    assert "at most ￥0.00 may be topped up" in err
