"""A 50,000-product file (CSV and Excel) at head office, with category, unit, member-discount
flag, member price and one store's own prices, reaches two tills by sync and sells on both."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy.engine import URL

from frontdesk.cli import main
from frontdesk.demo import ean13
from frontdesk.domain.money import Fen
from frontdesk.domain.tenders import Payment
from frontdesk.logfiles import stop_logging
from frontdesk.services.context import new_id
from frontdesk.services.sale import SaleItem, checkout
from tests.integration.sync.conftest import ADMIN, Till

HEADING = ["条码", "名称", "售价", "参与会员折扣", "会员价", "类别", "单位"]
ROWS = 50_000


def _row(i: int, start: int) -> list[str]:
    price = 100 + i % 9000
    return [ean13(f"693{start + i:09d}"), f"商品{i}", f"{price / 100:.2f}",
            "否" if i % 10 == 0 else "是", f"{(price - 10) / 100:.2f}", f"类别{i % 40}",
            "瓶" if i % 2 else "袋"]  # fmt: skip


def _import(till: Till, url: URL, path: Path, capsys: pytest.CaptureFixture[str],
            *extra: str) -> str:  # fmt: skip
    try:
        code = main(["--db", str(till.path), "hq", "products", "import", str(path),
                     "--hq-url", url.render_as_string(hide_password=False), *extra])  # fmt: skip
    finally:
        stop_logging()
    out, err = capsys.readouterr()
    assert code == 0, out + err
    return out


def _sell(till: Till, barcode: str, price: Fen) -> None:
    checkout(
        till.ctx, txn_id=new_id(), cashier=ADMIN[0], card_no=None,
        items=[SaleItem(barcode, 1)], payments=[Payment("cash", price)],
    )  # fmt: skip


def _product(till: Till, barcode: str) -> tuple[object, ...]:
    with sqlite3.connect(till.path) as con:
        row = con.execute(
            "SELECT name, unit_price, member_discount, member_price, category, unit "
            "FROM product WHERE barcode = ?",
            (barcode,),
        ).fetchone()
    assert row is not None
    return tuple(row)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_fifty_thousand_products_with_details_reach_two_tills_and_sell(
    make_till: Callable[..., Till],
    hq_admin_url: URL,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
) -> None:
    start = 0 if kind == "csv" else ROWS
    a, b = make_till(51 + start // ROWS * 2, 1), make_till(52 + start // ROWS * 2, 1)
    rows = [_row(i, start) for i in range(ROWS)]
    path = tmp_path / f"catalog.{kind}"
    if kind == "csv":
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f).writerows([HEADING, *rows])
    else:
        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        sheet.append(HEADING)
        for r in rows:
            sheet.append(r)
        book.save(path)

    said = _import(a, hq_admin_url, path, capsys)
    assert said.startswith(f"总部已导入 {ROWS} 个商品：新增 {ROWS}")
    # Store b sells the first product at its own price.
    own = tmp_path / "store-price.csv"
    with own.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows([HEADING, [rows[0][0], rows[0][1], "0.88", "是", "", "", ""]])
    store_b = b.till_id.split("-")[0]
    _import(b, hq_admin_url, own, capsys, "--store", store_b)

    for till in (a, b):
        report = till.sync(batch=5000)  # as `frontdesk sync` does
        assert report.ok, report.text
    first, last = rows[0][0], rows[-1][0]
    assert _product(a, first) == ("商品0", 100, 0, 90, "类别0", "袋")
    assert _product(b, first) == ("商品0", 88, 0, 90, "类别0", "袋")  # its own price
    assert _product(b, last)[1:] == (100 + (ROWS - 1) % 9000, 1, 90 + (ROWS - 1) % 9000,
                                     f"类别{(ROWS - 1) % 40}", "瓶")  # fmt: skip
    _sell(a, first, Fen(100))
    _sell(b, first, Fen(88))
    _sell(b, last, Fen(100 + (ROWS - 1) % 9000))
