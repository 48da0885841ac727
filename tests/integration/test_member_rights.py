"""A member's PIPL rights through the command line: a copy of their data, marketing consent.

Sources: 个人信息保护法 第四十五条 (a copy of one's personal information) and 第十五条 (consent may
be withdrawn); DOMAIN §11 — marketing consent is separate from the terms and withdrawable on its
own, and honoured by every export of contact lists.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from frontdesk.cli import main

CASHIER = ["--staff", "1001", "--pin", "1001"]
MANAGER = ["--staff", "8001", "--pin", "8001"]
LI_NA = "800101000000206"


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "store.db"
    assert run(path, "demo", capsys=capsys)[0] == 0
    return path


def test_a_manager_gives_the_member_a_full_copy_of_their_data_without_staff_data(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "li-na.json"

    refused = run(
        db, *CASHIER, "member", "export", "--card", LI_NA, "--out", str(out), capsys=capsys
    )
    code, _, err = run(
        db, *MANAGER, "member", "export", "--card", LI_NA, "--out", str(out), capsys=capsys
    )

    assert refused[0] == 2
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["personal"]["name"] == "李娜"
    assert data["personal"]["phone"] == "13900002222"  # theirs, unmasked
    assert data["account"]["principal"] == 100_000
    assert {c["card_no"] for c in data["cards"]} == {LI_NA}
    assert sum(m["amount"] for m in data["movements"] if m["bucket"] == "principal") == 100_000
    text = out.read_text(encoding="utf-8")
    for staff in ('"1001"', '"8001"', '"9001"', "李收银", "王店长"):  # numbers as JSON values
        assert staff not in text
    with sqlite3.connect(db) as conn:
        audited = conn.execute(
            "SELECT actor FROM audit_log WHERE action = 'member_data_export'"
        ).fetchall()
    assert audited == [("8001",)]


def _marketing_list(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> set[str]:
    sheet = tmp_path / "marketing.xlsx"
    code, _, err = run(
        db, *MANAGER, "export", "members", "--xlsx", str(sheet), "--marketing-only", capsys=capsys
    )
    assert code == 0, err
    rows = openpyxl.load_workbook(sheet).worksheets[0].iter_rows(min_row=2, values_only=True)
    return {str(r[1]) for r in rows}


def test_marketing_consent_is_withdrawn_on_its_own_and_the_contact_list_leaves_the_member_out(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "李娜" in _marketing_list(db, tmp_path, capsys)

    code, out, err = run(
        db, *CASHIER, "member", "consent", "--card", LI_NA, "--withdraw-marketing", capsys=capsys
    )

    assert code == 0, err
    assert "已撤回营销同意" in out
    assert "李娜" not in _marketing_list(db, tmp_path, capsys)
    shown = run(db, *CASHIER, "member", "show", "--card", LI_NA, capsys=capsys)
    assert shown[0] == 0  # still a member, served as before
    code, _, _ = run(
        db, *CASHIER, "member", "consent", "--card", LI_NA, "--give-marketing", capsys=capsys
    )
    assert code == 0
    assert "李娜" in _marketing_list(db, tmp_path, capsys)
