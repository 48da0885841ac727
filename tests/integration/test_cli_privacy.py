"""Member, ticket, receipt and audit data from the command line: a login first, phones masked
for cashiers (text and JSON), full for managers, and a manager's full view audited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontdesk.cli import main

CASHIER = ["--staff", "1001", "--pin", "1001"]
MANAGER = ["--staff", "8001", "--pin", "8001"]
PHONE = "13800001111"  # 张伟 in the demo store


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    db = tmp_path_factory.mktemp("privacy") / "store.db"
    assert main(["--db", str(db), "--json", "--no-print", "demo"]) == 0
    assert main(["--db", str(db), *CASHIER, "--no-print", "sale", "--item", "6900000000052",
                 "--pay", "cash:89.00"]) == 0  # fmt: skip
    return db, "R001010000001"


@pytest.mark.parametrize(
    "args",
    [
        ["member", "show", "--phone", PHONE],
        ["member", "find", "张"],
        ["audit"],
        ["receipt", "reprint", "R001010000001"],
        ["receipt", "pdf", "R001010000001", "out.pdf"],
        ["card", "print", "800101000000107", "card.pdf"],
    ],
)
def test_reading_personal_data_needs_a_login(
    store: tuple[Path, str],
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    db, _ = store
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FRONTDESK_STAFF", raising=False)
    monkeypatch.delenv("FRONTDESK_PIN", raising=False)

    code, out, err = run(db, *args, capsys=capsys)
    code_en, _, err_en = run(db, "--lang", "en", *args, capsys=capsys)

    assert (code, code_en) == (2, 2)
    assert out == ""
    assert err.strip() == (
        "此命令需要登录：请用 --staff 和 --pin"
        "（或环境变量 FRONTDESK_STAFF / FRONTDESK_PIN）指定操作员"
    )
    assert err_en.strip().startswith("This command needs a login")
    assert list(tmp_path.iterdir()) == []  # no PDF written


def test_a_cashier_sees_the_phone_masked_in_text_and_json(
    store: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = store

    code, out, _ = run(db, *CASHIER, "--json", "member", "show", "--phone", PHONE, capsys=capsys)
    _, text, _ = run(db, *CASHIER, "member", "show", "--phone", PHONE, capsys=capsys)
    _, found, _ = run(db, *CASHIER, "--json", "member", "find", "张伟", capsys=capsys)

    assert code == 0
    view = json.loads(out)
    assert view["phone"] == "138****1111"
    assert view["masked_phone"] == "138****1111"
    assert "138****1111" in text
    assert PHONE not in out + text + found
    assert [m["phone"] for m in json.loads(found)] == ["138****1111"]


def _audit(db: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    code, out, err = run(db, *MANAGER, "--json", "audit", "--limit", "1000", capsys=capsys)
    assert code == 0, err
    return [e for e in json.loads(out) if e["action"] != "login"]


def test_a_manager_sees_the_full_phone_and_the_look_is_audited_once(
    store: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = store
    before = _audit(db, capsys)

    code, out, _ = run(db, *MANAGER, "--json", "member", "show", "--phone", PHONE, capsys=capsys)
    _, text, _ = run(db, *MANAGER, "member", "find", "张伟", capsys=capsys)

    assert code == 0
    view = json.loads(out)
    assert view["phone"] == PHONE
    assert PHONE in text
    new = _audit(db, capsys)[: -len(before)]
    assert [(e["action"], e["actor"]) for e in new] == [("member_full_details", "8001")] * 2
    assert new[1]["subject"] == view["member_id"]


def test_a_cashier_looking_leaves_no_full_details_row(
    store: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = store
    before = _audit(db, capsys)

    assert run(db, *CASHIER, "member", "show", "--phone", PHONE, capsys=capsys)[0] == 0

    assert _audit(db, capsys) == before
