"""`--lang en`: every line a command prints is English, except the store's own data.

Member names, tier names and product names are the store's data (Chinese in the demo store), so
they are taken out before looking for Chinese; everything left is the CLI's own words.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from frontdesk.cli import main
from frontdesk.demo import ean13
from tests.unit.test_messages import CJK

STAFF = ["--staff", "1001", "--pin", "1001"]
MANAGER = ["--manager", "8001", "--manager-pin", "8001"]
NOODLES = ean13("690000000002")


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out + err


def test_every_result_of_a_cashiers_day_is_english_with_lang_en(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "store.db"
    code, out = run(db, "--json", "demo", capsys=capsys)
    assert code == 0
    demo = json.loads(out)
    data = {m["name"] for m in demo["members"]} | {v["tier_name"] for v in demo["views"]}
    card = {m["name"]: m["card_no"] for m in demo["members"]}["刘洋"]
    en = ["--lang", "en"]

    said = [
        run(db, *en, *STAFF, "member", "show", "--card", card, capsys=capsys),
        run(db, *en, *STAFF, "topup", "--card", card, "150.00", capsys=capsys),
        run(db, *en, *STAFF, "sale", "--card", card, "--item", f"{NOODLES}x3", capsys=capsys),
        run(
            db,
            *en,
            *STAFF,
            "sale",
            "--card",
            card,
            "--item",
            f"{NOODLES}x3",
            "--pay",
            "cash:20.00",
            capsys=capsys,
        ),
        run(db, *en, *STAFF, "card", "lost", card, capsys=capsys),
        run(db, *en, *STAFF, *MANAGER, "card", "unlost", card, capsys=capsys),
        run(db, *en, *STAFF, "shift", "close", "--counted", "0.00", capsys=capsys),
        run(db, *en, "verify", capsys=capsys),
    ]

    for _, text in said:
        for word in data:
            text = text.replace(word, "")
        assert not CJK.search(text), text
        assert text.strip()
    assert [code for code, _ in said] == [0] * len(said)
    assert re.search(r"Receipt R\d+: total", said[3][1])


def test_a_members_rights_and_a_cooling_off_refund_are_english_with_lang_en(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "store.db"
    assert run(db, "demo", capsys=capsys)[0] == 0
    en = ["--lang", "en", "--no-print", "--staff", "8001", "--pin", "8001"]
    phone = ["--phone", "13300006666"]
    code, out = run(db, *en, "--json", "topup", *phone, "300.00", capsys=capsys)
    assert code == 0
    topup = json.loads(out)["ticket"]["receipt_no"]

    said = [
        run(db, *en, "member", "export", *phone, "--out", str(tmp_path / "m.json"), capsys=capsys),
        run(db, *en, "member", "consent", *phone, "--withdraw-marketing", capsys=capsys),
        run(db, *en, "member", "consent", *phone, "--give-marketing", capsys=capsys),
        run(db, *en, *MANAGER, "topup-return", topup, capsys=capsys),
    ]

    assert [code for code, _ in said] == [0] * len(said)
    for _, text in said:
        assert not CJK.search(text), text
    assert said[1][1].startswith("Marketing consent withdrawn")
    assert said[3][1].startswith(f"Cooling-off refund done: top-up {topup} returned")


@pytest.mark.parametrize(
    ("lang", "listed"),
    [("en", "9001  Administrator  an administrator"), ("zh_CN", "9001  管理员  管理员")],
)
def test_a_till_names_its_administrator_in_the_language_it_was_set_up_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, listed: str
) -> None:
    db = tmp_path / "till.db"
    setup = ["init", "--store", "3", "--till", "1", "--admin", "9001", "--admin-pin", "9001"]
    assert run(db, "--lang", lang, *setup, capsys=capsys)[0] == 0

    code, out = run(db, "--lang", lang, "--staff", "9001", "--pin", "9001", "staff", "list",
                    capsys=capsys)  # fmt: skip

    assert code == 0
    assert out.strip() == listed


def test_the_demo_store_is_listed_in_english_with_lang_en(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What each demo member is there to show is the CLI's words, not the store's data."""
    db = tmp_path / "store.db"
    code, out = run(db, "--lang", "en", "demo", capsys=capsys)
    assert code == 0
    names = ["张伟", "李娜", "王芳", "刘洋", "陈静", "赵敏", "普通会员", "银卡会员", "金卡会员"]
    names += ["钻石会员"]  # the program's tier names are the store's data
    for line in out.splitlines():
        text = line
        for word in names:
            text = text.replace(word, "")
        assert not CJK.search(text), line
    assert "card reported lost" in out
    assert "birthday this month (double points)" in out
