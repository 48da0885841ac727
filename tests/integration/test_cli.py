"""The `frontdesk` command against real SQLite files: results, refusals and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from frontdesk.cli import main
from frontdesk.demo import ean13

RICE = ean13("690000000005")  # 五常大米 5kg, ￥89.00
NOODLES = ean13("690000000002")  # ￥4.50
STAFF = ["--staff", "1001", "--pin", "1001"]
MANAGER = ["--manager", "8001", "--manager-pin", "8001"]
AUDITOR = ["--staff", "8001", "--pin", "8001"]  # the audit log is for managers (DOMAIN §7)


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, dict[str, str]]:
    db = tmp_path / "store.db"
    code, out, _ = run(db, "--json", "demo", capsys=capsys)
    assert code == 0
    members = json.loads(out)["members"]
    return db, {m["name"]: m["card_no"] for m in members}


def test_demo_store_prints_members_of_every_tier_and_verifies(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"

    done = subprocess.run(
        [sys.executable, "-m", "frontdesk.cli", "--db", str(db), "demo"],
        capture_output=True,
        text=True,
        check=False,
    )
    verified = subprocess.run(
        [sys.executable, "-m", "frontdesk.cli", "--db", str(db), "verify"],
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    # Each demo member is the tier the list says they show (their tier column, then the note).
    tiers = {line.split()[0]: line.split()[2] for line in done.stdout.splitlines()[1:]}
    assert tiers == {
        "张伟": "普通会员",
        "李娜": "银卡会员",
        "王芳": "金卡会员",
        "刘洋": "钻石会员",
        "陈静": "普通会员",
        "赵敏": "普通会员",
    }
    assert "卡号" in done.stdout
    assert verified.returncode == 0
    assert "核对通过" in verified.stdout


def test_sale_with_stored_value_and_cash_prints_the_receipt_figures(
    demo: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, cards = demo

    code, out, err = run(
        db,
        *STAFF,
        "--json",
        "sale",
        "--card",
        cards["李娜"],
        "--item",
        f"{RICE}x2",
        "--pay",
        "stored_value:100.00",
        "--pay",
        "cash:100.00",
        "--member-pin",
        "135790",
        capsys=capsys,
    )

    assert code == 0, err
    result = json.loads(out)
    assert result["ticket"]["total"] == 16910  # 2 × 89.00 × 95%
    assert result["change"] == 3090


def test_a_lost_card_is_refused_with_exit_code_2_and_a_chinese_reason(
    demo: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, cards = demo

    code, _, err = run(db, *STAFF, "member", "show", "--card", cards["陈静"], capsys=capsys)

    assert code == 2
    assert "此卡已挂失" in err


def test_english_refusals_on_request(
    demo: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, cards = demo

    code, _, err = run(
        db, "--lang", "en", *STAFF, "member", "show", "--card", cards["陈静"], capsys=capsys
    )

    assert code == 2
    assert "reported lost" in err


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (
            ["member", "add", "--phone", "12345", "--name", "甲", "--consent-terms"],
            "手机号格式不正确",
        ),
        (
            ["member", "add", "--phone", "13800001111", "--name", "甲", "--consent-terms"],
            "该手机号已注册",
        ),
        (["member", "add", "--phone", "13811112222", "--name", "甲"], "同意"),
        (["member", "show", "--card", "800101000000108"], "校验位"),
        (["sale", "--item", "6900000000000", "--pay", "cash:1.00"], "未找到商品"),
        (["sale", "--item", RICE, "--pay", "cash:1.00"], "不符"),
        (["sale", "--item", RICE, "--pay", "cash:abc"], "金额格式"),
        (["sale", "--item", RICE, "--pay", "stored_value:87.22"], "刷会员卡"),
        (["topup", "--phone", "13800001111", "-5"], "金额无效"),
        (["card", "unlost", "800101000000503"], "店长审批"),
        (["refund", "R001010999999"], "未找到小票"),
        (["points", "adjust", "--phone", "13800001111", "100", "--reason", "补录"], "店长审批"),
        (["shift", "open", "--float", "100.00"], "未交班"),
    ],
)
def test_every_refusal_exits_2_with_its_reason_and_writes_nothing(
    demo: tuple[Path, dict[str, str]],
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    reason: str,
) -> None:
    db, _ = demo
    _, audit_before, _ = run(db, *AUDITOR, "--json", "audit", "--limit", "1000", capsys=capsys)

    code, _, err = run(db, *STAFF, *args, capsys=capsys)

    assert code == 2
    assert reason in err
    _, audit_after, _ = run(db, *AUDITOR, "--json", "audit", "--limit", "1000", capsys=capsys)
    before, after = json.loads(audit_before), json.loads(audit_after)
    # Nothing but two logins: the refused command's operator, then this audit read's manager.
    assert after[2:] == before
    assert [(e["action"], e["actor"], e["outcome"]) for e in after[:2]] == [
        ("login", "8001", "ok"),
        ("login", "1001", "ok"),
    ]
    assert run(db, "verify", capsys=capsys)[0] == 0


def test_wrong_staff_pin_is_refused(
    demo: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = demo

    code, _, err = run(
        db, "--staff", "1001", "--pin", "0000", "member", "find", "张", capsys=capsys
    )

    assert code == 2
    assert "工号或密码错误" in err


def test_manager_flow_reports_lost_unreports_and_reissues(
    demo: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, cards = demo
    card = cards["张伟"]

    assert run(db, *STAFF, "card", "lost", card, capsys=capsys)[0] == 0
    assert run(db, *STAFF, *MANAGER, "card", "unlost", card, capsys=capsys)[0] == 0
    assert run(db, *STAFF, "card", "lost", card, capsys=capsys)[0] == 0
    code, out, err = run(
        db,
        *STAFF,
        "--json",
        "card",
        "reissue",
        card,
        "--phone",
        "13800001111",
        "--name",
        "张伟",
        capsys=capsys,
    )

    assert code == 0, err
    new_card = json.loads(out)["new_card"]
    assert run(db, *STAFF, "member", "show", "--card", new_card, capsys=capsys)[0] == 0
    assert run(db, *STAFF, "member", "show", "--card", card, capsys=capsys)[0] == 2


def test_topup_refund_and_shift_close_from_the_command_line(
    demo: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, cards = demo
    code, out, _ = run(
        db, *STAFF, "--json", "topup", "--card", cards["刘洋"], "150.00", capsys=capsys
    )
    assert code == 0
    assert json.loads(out)["bonus"] == 1000
    code, out, _ = run(
        db,
        *STAFF,
        "--json",
        "sale",
        "--card",
        cards["刘洋"],
        "--item",
        f"{NOODLES}x3",
        "--pay",
        "cash:20.00",
        capsys=capsys,
    )
    receipt = json.loads(out)["ticket"]["receipt_no"]

    code, out, err = run(db, *STAFF, *MANAGER, "refund", receipt, "--line", "1:1", capsys=capsys)
    assert code == 0, err
    code, out, _ = run(db, *STAFF, "--json", "shift", "close", "--counted", "0.00", capsys=capsys)

    assert code == 0
    report = json.loads(out)
    assert report["liability"]["reconciles"] is True
    assert report["over_short"] < 0


def test_a_command_logs_its_operator_in_once(
    demo: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, cards = demo
    _, before, _ = run(db, *AUDITOR, "--json", "audit", "--limit", "1000", capsys=capsys)

    code, _, err = run(db, *STAFF, "topup", "--card", cards["刘洋"], "50.00", capsys=capsys)

    assert code == 0, err
    _, after, _ = run(db, *AUDITOR, "--json", "audit", "--limit", "1000", capsys=capsys)
    new = json.loads(after)[: len(json.loads(after)) - len(json.loads(before))]
    # the topup's own login, the topup, and the second audit command's login
    assert sorted(e["action"] for e in new) == ["login", "login", "topup"]


def test_a_sale_by_hand_above_the_limit_needs_the_manager_on_the_command_line(
    demo: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = demo
    sale = ["sale", "--item", f"{RICE}x2@80.00-1.00", "--ticket-discount", "2.00"]
    pay = ["--pay", "cash:157.00"]  # 2 × 80 − 1 − 2; ￥21 taken off, above the ￥10 limit

    refused, _, err = run(db, *STAFF, *sale, *pay, capsys=capsys)
    code, out, err_ok = run(db, *STAFF, *MANAGER, "--json", *sale, *pay, capsys=capsys)

    assert refused == 2
    assert "审批" in err
    assert code == 0, err_ok
    ticket = json.loads(out)["ticket"]
    assert ticket["total"] == 15700
    assert ticket["approver"] == "8001"
    [line] = ticket["lines"]
    assert (line["unit_price"], line["list_price"], line["line_discount"]) == (8000, 8900, 100)
