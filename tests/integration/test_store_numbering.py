"""Store 12345 from the command line: its cards and receipts work, and so do older cards."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from frontdesk.cli import main
from frontdesk.domain.catalog import TEMPLATE_EXAMPLE

ADMIN = ["--staff", "9001", "--pin", "9001"]
MANAGER = ["--manager", "8001", "--manager-pin", "8001"]
CASHIER = ["--staff", "1001", "--pin", "1001"]
WATER = TEMPLATE_EXAMPLE[0]  # ￥2.00
# A card printed by store 7 before store numbers could pass 999 (store 7, till 2, serial 123).
OLD_CARD = "800702000012305"


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out + err


def ok(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    code, out = run(db, "--json", *args, capsys=capsys)
    assert code == 0, out
    result: dict[str, Any] = json.loads(out)
    return result


@pytest.fixture
def store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "store.db"
    init = ["init", "--store", "12345", "--till", "3", "--admin", "9001", "--admin-pin", "9001"]
    assert run(db, *init, capsys=capsys)[0] == 0
    for no, role in (("8001", "manager"), ("1001", "cashier")):
        added = run(db, *ADMIN, "staff", "add", no, role, role, "--new-pin", no, capsys=capsys)
        assert added[0] == 0, added[1]
    template = tmp_path / "products.csv"
    assert run(db, *MANAGER, *ADMIN, "product", "template", str(template), capsys=capsys)[0] == 0
    assert run(db, *MANAGER, *ADMIN, "product", "import", str(template), capsys=capsys)[0] == 0
    assert run(db, *CASHIER, "shift", "open", "--float", "100.00", capsys=capsys)[0] == 0
    return db


def _sell_on(db: Path, card: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    ok(db, *CASHIER, "topup", "--card", card, "50.00", capsys=capsys)
    sold = ok(db, *CASHIER, "sale", "--card", card, "--item", WATER, "--pay", "cash:10.00",
              capsys=capsys)  # fmt: skip
    ticket: dict[str, Any] = sold["ticket"]
    assert ticket["member_id"] is not None
    return ticket


def test_store_12345_issues_cards_that_sell_and_receipts_that_refund(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    added = ok(store, *CASHIER, "member", "add", "--phone", "13800001111", "--name", "林晓",
               "--consent-terms", capsys=capsys)  # fmt: skip
    card = str(added["card_no"])

    sold = _sell_on(store, card, capsys)
    refunded = ok(store, *CASHIER, *MANAGER, "refund", sold["receipt_no"], capsys=capsys)

    assert len(card) == 17
    assert card.startswith("81234503")
    assert sold["receipt_no"].startswith("R1234503")
    assert refunded["receipt_no"] != sold["receipt_no"]
    shown = ok(store, *CASHIER, "member", "show", "--card", card, capsys=capsys)
    assert shown["card_no"] == card
    assert shown["balance"] == 5000
    code, out = run(store, "verify", capsys=capsys)
    assert code == 0, out


def test_a_card_printed_by_a_three_digit_store_still_sells_at_store_12345(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "members.csv"
    with book.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows([
            ["手机号", "姓名", "生日", "卡号", "本金", "赠金", "积分", "等级"],
            ["13900002222", "周敏", "", OLD_CARD, "10.00", "0", "0", ""],
        ])  # fmt: skip
    imported = run(store, *ADMIN, *MANAGER, "member", "import", str(book), capsys=capsys)
    assert imported[0] == 0, imported[1]

    sold = _sell_on(store, OLD_CARD, capsys)

    assert sold["receipt_no"].startswith("R1234503")
    shown = ok(store, *CASHIER, "member", "show", "--card", OLD_CARD, capsys=capsys)
    assert shown["name"] == "周敏"
    assert shown["card_no"] == OLD_CARD
    assert shown["balance"] == 6000  # the imported ￥10.00 and the ￥50.00 top-up
