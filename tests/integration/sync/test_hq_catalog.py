"""A product file imported at head office reaches every till by sync and sells there."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine
from sqlalchemy.engine import URL

from frontdesk.cli import main
from frontdesk.demo import ean13
from frontdesk.domain.money import Fen
from frontdesk.domain.tenders import Payment
from frontdesk.services.context import new_id
from frontdesk.services.sale import SaleItem, checkout
from tests.integration.sync.conftest import ADMIN, Till, hq_rows

HEADING = ["条码", "名称", "售价", "参与会员折扣"]


def _codes(n: int, start: int) -> list[str]:
    return [ean13(f"692{start + i:09d}") for i in range(n)]


def _import(
    till: Till, url: URL, path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    code = main(
        ["--db", str(till.path), "hq", "products", "import", str(path),
         "--hq-url", url.render_as_string(hide_password=False)]
    )  # fmt: skip
    out, err = capsys.readouterr()
    return code, out + err


def _sell(till: Till, barcode: str, price: Fen) -> None:
    checkout(
        till.ctx, txn_id=new_id(), cashier=ADMIN[0], card_no=None,
        items=[SaleItem(barcode, 1)], payments=[Payment("cash", price)],
    )  # fmt: skip


def test_an_excel_file_at_head_office_reaches_two_tills_and_a_bad_file_changes_nothing(
    make_till: Callable[..., Till],
    hq_admin: Engine,
    hq_admin_url: URL,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a, b = make_till(41, 1), make_till(42, 1)
    codes = _codes(300, start=0)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADING)
    for i, barcode in enumerate(codes):
        sheet.append([int(barcode), f"总部商品{i}", 1 + i % 50 + 0.5, "是"])
    book.save(tmp_path / "catalog.xlsx")

    code, said = _import(a, hq_admin_url, tmp_path / "catalog.xlsx", capsys)
    assert code == 0, said
    assert said.startswith("总部已导入 300 个商品：新增 300，更新 0，未变 0")
    for till in (a, b):
        assert till.sync().ok
    _sell(a, codes[0], Fen(150))
    _sell(b, codes[-1], Fen(100 * (1 + 299 % 50) + 50))

    bad = tmp_path / "bad.csv"
    with bad.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(
            [HEADING, [codes[1], "改价", "9.99", "是"], [codes[2], "坏价", "1e5", ""]]
        )
    before = hq_rows(
        hq_admin, "SELECT name, unit_price FROM product WHERE barcode = :b", b=codes[1]
    )
    code, said = _import(a, hq_admin_url, bad, capsys)
    assert code == 2
    assert said.splitlines()[1] == "第 3 行「售价」：金额须为数字，最多两位小数（如 12.50）"
    assert (
        hq_rows(hq_admin, "SELECT name, unit_price FROM product WHERE barcode = :b", b=codes[1])
        == before
    )


@pytest.mark.slow
def test_fifty_thousand_products_at_head_office_reach_a_till_and_sell(
    make_till: Callable[..., Till],
    hq_admin_url: URL,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    till = make_till(43, 1)
    codes = _codes(50_000, start=100_000)
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(
            [HEADING, *([c, f"商品{i}", "3.00", "是"] for i, c in enumerate(codes))]
        )

    code, said = _import(till, hq_admin_url, path, capsys)
    assert code == 0, said
    assert "新增 50000" in said
    assert till.sync().ok
    _sell(till, codes[-1], Fen(300))
