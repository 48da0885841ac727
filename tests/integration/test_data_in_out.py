"""A standalone till's catalog from CSV and Excel, and exports a manager opens in Excel."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import text

from frontdesk.cli import main
from frontdesk.demo import ean13
from frontdesk.persistence.engine import open_database

CASHIER = ["--staff", "1001", "--pin", "1001"]
MANAGER = ["--staff", "8001", "--pin", "8001"]
HEADING = ["条码", "名称", "售价", "参与会员折扣", "会员价", "类别", "单位"]


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "store.db"
    assert run(db, "demo", capsys=capsys)[0] == 0
    return db


def _codes(n: int, start: int = 0) -> list[str]:
    return [ean13(f"691{start + i:09d}") for i in range(n)]


def _write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows([HEADING, *rows])
    return path


def _write_xlsx(path: Path, rows: list[list[str | int | float]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADING)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _product_count(db: Path) -> int:
    with open_database(db).connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM product")).scalar_one())


def test_an_excel_catalog_is_imported_and_its_products_sell(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    water, tea = _codes(2)
    # Excel keeps what a person typed as numbers: the barcode as an int, prices as floats.
    book = _write_xlsx(
        tmp_path / "catalog.xlsx",
        [[int(water), "矿泉水 550ml", 2, "是", 1.8, "饮料", "瓶"], [int(tea), "绿茶", 3.5, "否"]],
    )

    code, out, err = run(store, *MANAGER, "product", "import", str(book), capsys=capsys)
    assert code == 0, err
    assert out.strip() == "已导入 2 个商品：新增 2，更新 0，未变 0"

    code, out, err = run(
        store, *CASHIER, "--json", "sale", "--item", f"{water}x3", "--item", tea,
        "--pay", "cash:20.00", capsys=capsys,
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["ticket"]["total"] == 3 * 200 + 350

    code, out, _ = run(store, *MANAGER, "product", "import", str(book), capsys=capsys)
    assert out.strip() == "已导入 2 个商品：新增 0，更新 0，未变 2"


def test_a_gb18030_csv_from_chinese_excel_is_read(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (code_,) = _codes(1, start=500)
    path = _write_csv(
        tmp_path / "gbk.csv", [[code_, "五常大米", "89.00", "是", "", "粮油", "袋"]], "gb18030"
    )

    code, out, err = run(
        store, *MANAGER, "--lang", "en", "product", "import", str(path), capsys=capsys
    )

    assert code == 0, err
    assert out.strip() == "Imported 1 products: 1 added, 0 updated, 0 unchanged"


def test_a_file_with_bad_rows_is_refused_whole_with_every_bad_row_named(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _codes(3, start=900)
    before = _product_count(store)
    path = _write_csv(
        tmp_path / "bad.csv",
        [
            [good[0], "好商品", "1.00", "", "", "", ""],
            [good[1], "科学计数", "1e5", "", "", "", ""],
            [good[2], "全角", "１００", "", "", "", ""],
            ["6901234567890", "坏条码", "1.00", "", "", "", ""],
        ],
    )

    code, out, _ = run(store, *MANAGER, "product", "import", str(path), capsys=capsys)

    assert code == 2
    assert out.splitlines() == [
        "商品文件有 3 处错误，未导入任何商品",
        "第 3 行「售价」：金额须为数字，最多两位小数（如 12.50）",
        "第 4 行「售价」：金额须为数字，最多两位小数（如 12.50）",
        "第 5 行「条码」：条码校验位错误",
    ]
    assert _product_count(store) == before


def test_a_cashier_may_not_import_products(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write_csv(tmp_path / "c.csv", [[_codes(1)[0], "水", "1.00", "", "", "", ""]])

    code, _, err = run(store, *CASHIER, "product", "import", str(path), capsys=capsys)

    assert code == 2
    assert err.strip() == "导入商品须由店长或管理员操作"


def test_a_broken_or_foreign_file_gets_a_message_not_a_traceback(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"not a zip file at all")
    pdf = tmp_path / "catalog.pdf"
    pdf.write_bytes(b"%PDF-1.4")

    assert run(store, *MANAGER, "product", "import", str(fake), capsys=capsys)[2].strip() == (
        "无法读取文件 fake.xlsx：不是有效的 Excel 文件"
    )
    code, _, err = run(store, *MANAGER, "product", "import", str(pdf), capsys=capsys)
    assert code == 2
    assert err.strip() == "无法读取文件 catalog.pdf：只支持 .csv 和 .xlsx 文件"


def test_the_template_is_what_the_import_reads(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("template.xlsx", "template.csv"):
        out = tmp_path / name
        assert run(store, *MANAGER, "product", "template", str(out), capsys=capsys)[0] == 0
        code, said, err = run(store, *MANAGER, "product", "import", str(out), capsys=capsys)
        assert code == 0, err
        assert "已导入 1 个商品" in said


def test_exports_open_in_excel_and_hold_the_ledgers_sums(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    members = tmp_path / "members.xlsx"
    liability = tmp_path / "liability.xlsx"
    tickets = tmp_path / "tickets.xlsx"
    for kind, path in (("members", members), ("liability", liability), ("tickets", tickets)):
        code, _, err = run(store, *MANAGER, "export", kind, "--xlsx", str(path), capsys=capsys)
        assert code == 0, err

    with open_database(store).connect() as conn:
        ledger = {
            bucket: int(total)
            for bucket, total in conn.execute(
                text("SELECT bucket, sum(amount) FROM ledger_entry GROUP BY bucket")
            )
        }
        ticket_total = int(conn.execute(text("SELECT sum(total) FROM ticket")).scalar_one())
        member_count = int(conn.execute(text("SELECT count(*) FROM member")).scalar_one())

    def fen(value: object) -> int:
        assert isinstance(value, int | float)
        return round(value * 100)

    rows = _rows(liability)[1:]
    assert sum(fen(r[2]) for r in rows) == ledger["principal"]
    assert sum(fen(r[3]) for r in rows) == ledger["bonus"]
    assert sum(int(str(r[5] or 0)) for r in rows) == ledger["points"]

    member_rows = _rows(members)
    assert member_rows[0][:3] == ("会员号", "姓名", "手机号")
    assert len(member_rows) - 1 == member_count
    assert all(isinstance(r[2], str) and "*" not in r[2] for r in member_rows[1:])  # managers: full

    assert _sheet_names(tickets) == ["小票", "明细", "支付"]
    assert sum(fen(r[10]) for r in _rows(tickets)[1:]) == ticket_total


def _rows(path: Path) -> list[tuple[object, ...]]:
    # Read fully and closed: a read-only workbook keeps its file open until closed.
    book = load_workbook(path, read_only=True)
    try:
        return list(book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()


def _sheet_names(path: Path) -> list[str]:
    book = load_workbook(path, read_only=True)
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def test_a_cashier_may_not_export_and_a_manager_export_is_audited(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "m.xlsx"
    code, _, err = run(store, *CASHIER, "export", "members", "--xlsx", str(out), capsys=capsys)
    assert (code, err.strip(), out.exists()) == (2, "导出数据须由店长或管理员操作", False)

    assert run(store, *MANAGER, "export", "members", "--xlsx", str(out), capsys=capsys)[0] == 0
    with open_database(store).connect() as conn:
        rows = conn.execute(
            text("SELECT actor, subject FROM audit_log WHERE action = 'export'")
        ).all()
    assert [tuple(r) for r in rows] == [("8001", "members")]


@pytest.mark.slow
def test_fifty_thousand_products_import_in_one_transaction(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        [c, f"商品{i}", f"{1 + i % 500}.{i % 100:02d}", "是", "", "杂货", "件"]
        for i, c in enumerate(_codes(50_000, start=10_000))
    ]
    path = _write_csv(tmp_path / "big.csv", rows)
    before = _product_count(store)

    code, out, err = run(store, *MANAGER, "product", "import", str(path), capsys=capsys)

    assert code == 0, err
    assert "新增 50000" in out
    assert _product_count(store) == before + 50_000
