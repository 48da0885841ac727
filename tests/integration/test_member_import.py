"""Members from an old system: opening balances on the ledger, reconciled to the fen, or nothing."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from frontdesk.cli import main
from frontdesk.domain.cards import make_card_number
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.repositories import SqlMembers

ADMIN = ["--staff", "9001", "--pin", "9001", "--manager", "8001", "--manager-pin", "8001"]
HEADING = ["手机号", "姓名", "生日", "卡号", "本金", "赠金", "积分", "等级"]


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _file(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows([HEADING, *rows])
    return path


def _phones(store: Path) -> dict[str, str]:
    engine = open_database(store)
    with engine.connect() as conn:
        members = SqlMembers(conn)
        ids = [m for (m,) in conn.execute(text("SELECT member_id FROM member"))]
        found = {m: member.phone for m in ids if (member := members.get(m)) is not None}
    engine.dispose()
    return found


def _count(db: Path, query: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(query).fetchone()[0] or 0)


@pytest.fixture
def store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "store.db"
    assert run(db, "demo", capsys=capsys)[0] == 0
    return db


def _rows(n: int) -> list[list[str]]:
    rows = []
    for i in range(n):
        # Every third member keeps a card this till can scan (an earlier frontdesk store's).
        old = make_card_number(900, 1, i, 0) if i % 3 == 0 else f"OLD{i:06d}"
        rows.append(
            [f"158{i:08d}", f"会员{i}", "1990-05-01" if i % 2 else "", old,
             f"{i % 700}.{i % 100:02d}", f"{i % 50}.00", str(i % 3000),
             "银卡会员" if i % 10 == 0 else ""]
        )  # fmt: skip
    return rows


def test_members_are_imported_with_opening_balances_that_reconcile_and_verify(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _rows(60)
    path = _file(tmp_path / "old.csv", rows)
    members_before = _count(store, "SELECT count(*) FROM member")
    liability_before = _count(store, "SELECT sum(principal + bonus) FROM account")

    code, out, err = run(store, *ADMIN, "--json", "member", "import", str(path), capsys=capsys)

    assert code == 0, err
    principal = sum(round(float(r[4]) * 100) for r in rows)
    bonus = sum(round(float(r[5]) * 100) for r in rows)
    assert _count(store, "SELECT count(*) FROM member") == members_before + 60
    assert _count(store, "SELECT sum(principal + bonus) FROM account") == (
        liability_before + principal + bonus
    )
    assert _count(store, "SELECT count(*) FROM card WHERE card_no LIKE '8900%'") == 20
    assert json.loads(out)["members_created"] == 60
    code, said, _ = run(store, "--staff", "9001", "--pin", "9001", "verify", capsys=capsys)
    assert code == 0
    assert "核对通过" in said
    # A tier brought over is kept by a lock with its reason (no history here to earn it again).
    assert _count(store, "SELECT count(*) FROM member WHERE tier_lock = 'silver'") == 6
    code, shown, err = run(
        store, "--staff", "8001", "--pin", "8001", "--json", "member", "show",
        "--card", make_card_number(900, 1, 3, 0), capsys=capsys,
    )  # fmt: skip
    assert code == 0, err  # the old printed card works at this till
    assert json.loads(shown)["phone"] == "15800000003"


def test_the_bulk_import_writes_what_a_row_at_a_time_wrote(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One executemany per table, and still each member's opening is its own ledger
    transaction, new cards are numbered in file order, and the outbox sends each member
    before their card."""
    rows = _rows(30)
    with sqlite3.connect(store) as conn:
        (seq_before,) = conn.execute("SELECT coalesce(max(seq), 0) FROM ledger_entry").fetchone()
        (outbox_before,) = conn.execute("SELECT coalesce(max(seq), 0) FROM outbox").fetchone()
    code, _, err = run(store, *ADMIN, "member", "import", str(_file(tmp_path / "o.csv", rows)),
                       capsys=capsys)  # fmt: skip
    assert code == 0, err
    with sqlite3.connect(store) as conn:
        cards = conn.execute("SELECT card_no, member_id FROM card").fetchall()
        entries = conn.execute(
            "SELECT seq, txn_uuid, member_id, kind, bucket, amount, approver FROM ledger_entry"
            " WHERE seq > ? ORDER BY seq", (seq_before,),
        ).fetchall()  # fmt: skip
        events = conn.execute(
            "SELECT kind, entity_id, payload FROM outbox WHERE seq > ? ORDER BY seq",
            (outbox_before,),
        ).fetchall()
    phone_of = _phones(store)  # sealed in the file: read as the till reads them
    issued = [
        card for card, member in sorted(cards, key=lambda c: phone_of[c[1]])
        if phone_of[member].startswith("158") and not card.startswith("8900")
    ]  # fmt: skip
    assert [e[0] for e in entries] == list(range(seq_before + 1, seq_before + 1 + len(entries)))
    by_txn: dict[str, set[str]] = {}
    for _, txn, member, kind, _, _, approver in entries:
        by_txn.setdefault(txn, set()).add(member)
        assert (kind, approver) == ("adjust", "8001")
    assert all(len(members) == 1 for members in by_txn.values())  # one member per transaction
    # A member brought over with nothing (the first row) has no opening transaction.
    with_money = [r[0] for r in rows if any(float(v) for v in (r[4], r[5], r[6]))]
    assert sorted(phone_of[next(iter(m))] for m in by_txn.values()) == with_money
    # Member then card, member by member, in file order; each card event names its member.
    assert [kind for kind, _, _ in events] == ["member", "card"] * len(rows)
    for (_, member, _), (_, _, card) in zip(events[::2], events[1::2], strict=True):
        assert json.loads(card)["member_id"] == member
    assert [phone_of[member] for _, member, _ in events[::2]] == [r[0] for r in rows]
    serials = [int(card[-9:-2]) for card in issued]  # …serial (7 digits), generation, check
    assert serials == list(range(serials[0], serials[0] + 20))  # consecutive, in file order


def test_a_file_with_bad_rows_or_known_phones_imports_nothing(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    members_before = _count(store, "SELECT count(*) FROM member")
    path = _file(
        tmp_path / "bad.csv",
        [
            ["15800000001", "好会员", "", "", "10.00", "", "", ""],
            ["12345", "坏手机", "", "", "", "", "", ""],
            ["15800000002", "坏金额", "", "", "1e5", "", "", ""],
            ["15800000001", "重复", "", "", "", "", "", ""],
            ["15800000003", "坏等级", "", "", "", "", "x1", "黑卡"],
        ],
    )

    code, out, _ = run(store, *ADMIN, "member", "import", str(path), capsys=capsys)

    assert code == 2
    assert out.splitlines() == [
        "会员文件有 5 处错误，未导入任何会员",
        "第 3 行「手机号」：手机号格式不正确",
        "第 4 行「本金」：金额须为数字，最多两位小数（如 12.50）",
        "第 5 行「手机号」：手机号在文件中重复",
        "第 6 行「积分」：积分须为整数（ASCII 数字）",
        "第 6 行「等级」：未知的会员等级",
    ]
    known = _file(tmp_path / "known.csv", [["13900002222", "李娜", "", "", "5.00", "", "", ""]])
    code, out, _ = run(store, *ADMIN, "member", "import", str(known), capsys=capsys)
    assert code == 2
    assert "第 2 行「手机号」：此手机号已是本店会员" in out
    assert _count(store, "SELECT count(*) FROM member") == members_before


def test_a_member_import_needs_an_admin_and_a_managers_approval(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path / "m.csv", [["15800000009", "会员", "", "", "10.00", "", "", ""]])

    code, _, err = run(
        store, "--staff", "8001", "--pin", "8001", "--manager", "8001", "--manager-pin", "8001",
        "member", "import", str(path), capsys=capsys,
    )  # fmt: skip
    assert (code, err.strip()) == (2, "导入会员须由管理员操作")
    code, _, err = run(
        store, "--staff", "9001", "--pin", "9001", "member", "import", str(path), capsys=capsys
    )
    assert code == 2
    assert "审批" in err


@pytest.mark.slow
def test_ten_thousand_members_reconcile_to_the_fen(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _rows(10_000)
    path = _file(tmp_path / "big.csv", rows)
    liability_before = _count(store, "SELECT sum(principal + bonus) FROM account")

    code, out, err = run(store, *ADMIN, "member", "import", str(path), capsys=capsys)

    assert code == 0, err
    assert "已导入会员 10000/10000 位" in out
    assert "（平）" in out
    money = sum(round(float(r[4]) * 100) + round(float(r[5]) * 100) for r in rows)
    assert _count(store, "SELECT sum(principal + bonus) FROM account") == liability_before + money
    assert _count(store, "SELECT sum(points) FROM account") >= sum(int(r[6]) for r in rows)
    code, said, _ = run(store, "--staff", "9001", "--pin", "9001", "verify", capsys=capsys)
    assert code == 0
    assert "核对通过" in said
