"""A member's PIPL rights through the command line: a copy of their data, consent, erasure.

Sources: 个人信息保护法 第四十五条 (a copy of one's personal information) and 第十五条 (consent may
be withdrawn); DOMAIN §11 — marketing consent is separate from the terms and withdrawable on its
own, and honoured by every export of contact lists; 第四十七条 (deletion) and 第十九条 (kept no
longer than needed) — `member erase`, with a manager's approval, refused while money is on the
card; afterwards the name and phone are in no raw row of the till and `frontdesk verify` passes.
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
APPROVED = [*CASHIER, "--manager", "8001", "--manager-pin", "8001"]
NAME, PHONE = "赵删除", "13700009999"


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


def text_cells(db: Path) -> str:
    """Every text value of every table of the till's file, as sqlite3 reads the raw rows."""
    found: list[str] = []
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                found += [v for v in row if isinstance(v, str)]
    return "\n".join(found)


def new_member(db: Path, capsys: pytest.CaptureFixture[str], *consent: str) -> str:
    code, out, err = run(
        db, *CASHIER, "--json", "member", "add", "--phone", PHONE, "--name", NAME,
        "--birthday", "1990-05-06", "--consent-terms", *consent, capsys=capsys,
    )  # fmt: skip
    assert code == 0, err
    return str(json.loads(out)["member"]["member_id"])


def test_a_zero_balance_member_is_erased_with_a_manager_approval_and_verify_still_passes(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    member = new_member(db, capsys)
    unapproved = run(db, *CASHIER, "member", "erase", "--member", member, capsys=capsys)

    code, out, err = run(db, *APPROVED, "member", "erase", "--member", member, capsys=capsys)

    assert unapproved[0] == 2
    assert code == 0, err
    assert "已删除" in out
    cells = text_cells(db)
    assert NAME not in cells
    assert PHONE not in cells
    assert "1990-05-06" not in cells
    assert run(db, "verify", capsys=capsys)[0] == 0
    with sqlite3.connect(db) as conn:
        audited = conn.execute(
            "SELECT actor, subject, detail FROM audit_log WHERE action = 'member_erase'"
        ).fetchall()
        key = conn.execute("SELECT key FROM member_key WHERE member_id = ?", (member,)).fetchall()
    assert [(a, s) for a, s, _ in audited] == [("1001", member)]
    assert NAME not in audited[0][2]
    assert all(k is None for (k,) in key)
    again = run(db, *APPROVED, "member", "erase", "--member", member, capsys=capsys)
    assert again[0] == 2
    assert "已删除" in again[2]


def test_money_on_the_card_refuses_the_erase_in_chinese_and_in_english(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(db, *APPROVED, "member", "erase", "--card", LI_NA, capsys=capsys)
    en = run(db, "--lang", "en", *APPROVED, "member", "erase", "--card", LI_NA, capsys=capsys)

    assert code == 2
    assert "本金 ￥1,000.00" in err
    assert "Traceback" not in err
    assert en[0] == 2
    assert "principal ￥1,000.00" in en[2]
    shown = run(db, *APPROVED, "member", "show", "--card", LI_NA, capsys=capsys)
    assert "李娜" in shown[1]  # nothing erased: the name still opens...
    assert "李娜" not in text_cells(db)  # ...and no row holds it in the clear, not even the outbox


def test_an_erased_member_who_had_given_marketing_consent_leaves_every_contact_list(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    member = new_member(db, capsys, "--consent-marketing")
    before = _marketing_list(db, tmp_path, capsys)
    assert NAME in before

    code, _, err = run(db, *APPROVED, "member", "erase", "--member", member, capsys=capsys)

    assert code == 0, err
    assert _marketing_list(db, tmp_path, capsys) == before - {NAME}
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT consent_marketing_at FROM member WHERE member_id = ?", (member,)
        ).fetchone()
    assert row == (None,)
