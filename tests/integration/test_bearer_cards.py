"""不记名卡 through the command line, on a real store.

Source: 《单用途商业预付卡管理办法（试行）》（商务部令 2012 年第 9 号）第十八条 (a bearer
card records no holder), 第十九条 (单张不记名卡限额不得超过 1000 元), 第二十条 (不记名卡不挂失).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from frontdesk.cli import main
from tests.integration.sealed_members import holder_of

CASHIER = ["--staff", "1001", "--pin", "1001"]
MANAGER = ["--manager", "8001", "--manager-pin", "8001"]


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _account(db: Path, card_no: str) -> tuple[str, str, int]:
    holder = holder_of(db, card_no)
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT a.principal + a.bonus FROM card c JOIN account a USING (member_id)"
            " WHERE card_no = ?",
            (card_no,),
        ).fetchone()
    return holder.name, holder.phone, int(row[0])


def test_a_bearer_card_is_issued_without_a_name_and_holds_at_most_1000(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "store.db"
    assert run(db, "demo", capsys=capsys)[0] == 0

    code, out, err = run(db, *CASHIER, "--json", "card", "issue", "--bearer", capsys=capsys)
    assert code == 0, err
    issued = json.loads(out)
    card_no = str(issued["card_no"])
    assert issued["kind"] == "bearer"
    assert issued["cap_fen"] == 100_000
    name, phone, balance = _account(db, card_no)
    assert name == ""
    assert phone.startswith("bearer:")
    assert balance == 0

    code, _, err = run(db, *CASHIER, "topup", "--card", card_no, "1000.00", capsys=capsys)
    assert code == 2
    assert err.strip() == (
        "充值后不记名卡余额将超过单卡限额 ￥1,000.00（含赠金），本次最多可充值 ￥940.00"
    )
    assert run(db, *CASHIER, "topup", "--card", card_no, "940.00", capsys=capsys)[0] == 0
    assert _account(db, card_no)[2] == 100_000
    code, _, err = run(
        db, *CASHIER, "--lang", "en", "topup", "--card", card_no, "0.01", capsys=capsys
    )
    assert code == 2
    assert err.strip() == (
        "The bearer card would hold more than its cap of ￥1,000.00 (bonus included); "
        "at most ￥0.00 may be topped up now"
    )

    code, _, err = run(db, *CASHIER, "card", "lost", card_no, capsys=capsys)
    assert code == 2
    assert "不记名卡不能挂失" in err


def test_issuing_a_card_names_one_kind_and_a_named_member_keeps_the_5000_cap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "store.db"
    assert run(db, "demo", capsys=capsys)[0] == 0
    code, _, err = run(db, *CASHIER, "card", "issue", capsys=capsys)
    assert code == 2
    assert "--bearer" in err
    code, out, err = run(
        db, *CASHIER, "--json", "member", "add", "--phone", "13900002288", "--name", "周敏",
        "--consent-terms", capsys=capsys,
    )  # fmt: skip
    assert code == 0, err
    card_no = str(json.loads(out)["card_no"])
    assert run(db, *CASHIER, "topup", "--card", card_no, "1000.00", capsys=capsys)[0] == 0
    assert _account(db, card_no)[2] == 115_000


def test_a_bearer_card_return_of_60_pays_cash_and_above_100_goes_to_a_bank_account(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "store.db"
    assert run(db, "demo", capsys=capsys)[0] == 0
    cards = []
    for amount in ("60.00", "300.00"):
        code, out, err = run(db, *CASHIER, "--json", "card", "issue", "--bearer", capsys=capsys)
        assert code == 0, err
        cards.append(str(json.loads(out)["card_no"]))
        assert run(db, *CASHIER, "topup", "--card", cards[-1], amount, capsys=capsys)[0] == 0

    code, out, err = run(db, *CASHIER, *MANAGER, "card", "return", cards[0], capsys=capsys)
    assert code == 0, err
    assert "￥60.00" in out
    refused = run(db, *CASHIER, *MANAGER, "card", "return", cards[1], capsys=capsys)
    assert refused[0] == 2
    assert "须转入" in refused[2]
    # No holder was recorded: whoever presents the card shows an ID, and the account is theirs.
    code, out, err = run(
        db, *CASHIER, *MANAGER, "card", "return", cards[1], "--bank-account",
        "6222 0212 3456 7890 123", "--holder", "吴昊", "--bank", "工商银行", "--id-number",
        "11010519491231002X", capsys=capsys,
    )  # fmt: skip
    assert code == 0, err
    assert "吴昊" in out
