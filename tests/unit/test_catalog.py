"""Reading a product file: every cell's rule, every bad row named, nothing half-read."""

from __future__ import annotations

import pytest

from frontdesk.domain.catalog import RowProblem, describe, parse_money_cell, read_catalog
from frontdesk.domain.money import Fen

HEADING = ("条码", "名称", "售价", "参与会员折扣", "会员价", "类别", "单位")


def test_a_clean_file_gives_every_product_with_its_details() -> None:
    read = read_catalog(
        HEADING,
        [
            ("6901234567892", "农夫山泉 550ml", "2.00", "是", "1.80", "饮料", "瓶"),
            ("6900000000014", "大米", "50", "否", "", "粮油", "袋"),
        ],
    )

    assert read.ok
    water, rice = read.products
    assert (water.unit_price, water.member_price, water.category, water.unit) == (
        Fen(200),
        Fen(180),
        "饮料",
        "瓶",
    )
    assert water.member_discount is True
    assert (rice.unit_price, rice.member_price, rice.member_discount) == (Fen(5000), None, False)


def test_english_and_other_tills_headings_are_understood_in_any_order() -> None:
    read = read_catalog(("price", "品名", "EAN"), [("4.50", "方便面", "6900000000021")])

    assert read.ok
    assert read.products[0].barcode == "6900000000021"
    assert read.products[0].member_discount is True  # the default when the column is absent


@pytest.mark.parametrize(
    "text", ["1e5", "1_000", "１００", "١٠٠", "12.345", "-1", "1,000", " ", "."]
)
def test_money_cells_are_ascii_digits_with_at_most_two_decimals(text: str) -> None:
    assert parse_money_cell(text) is None


@pytest.mark.parametrize(("text", "fen"), [("0", 0), ("12", 1200), ("12.5", 1250), ("0.05", 5)])
def test_money_cells_read_as_fen(text: str, fen: int) -> None:
    assert parse_money_cell(text) == Fen(fen)


def test_every_bad_row_is_named_with_line_field_and_reason_and_nothing_is_kept() -> None:
    read = read_catalog(
        HEADING,
        [
            ("6901234567892", "矿泉水", "2.00", "是", "", "", ""),  # line 2: fine
            ("6901234567893", "坏校验位", "2.00", "", "", "", ""),  # line 3
            ("69012340", "短条码", "1e5", "", "", "", ""),  # line 4: two problems
            ("", "无条码", "3.00", "", "", "", ""),  # line 5
            ("6901234567892", "重复", "2.00", "", "", "", ""),  # line 6
            ("6900000000014", "大米", "50.00", "也许", "60.00", "", ""),  # line 7: two problems
            ("6900000000021", "名" * 61, "3.00", "", "", "", ""),  # line 8
        ],
    )

    assert not read.ok
    assert set(read.problems) == {
        RowProblem(3, "barcode", "barcode_check"),
        RowProblem(4, "barcode", "barcode_check"),
        RowProblem(4, "price", "money_format"),
        RowProblem(5, "barcode", "required"),
        RowProblem(6, "barcode", "barcode_repeated"),
        RowProblem(7, "member_price", "member_price_above_price"),
        RowProblem(7, "member_discount", "yes_no"),
        RowProblem(8, "name", "name_too_long"),
    }


def test_a_file_without_a_required_column_or_with_an_unknown_one_is_refused_at_its_heading() -> (
    None
):
    read = read_catalog(("条码", "名称", "进价"), [("6901234567892", "矿泉水", "1.00")])

    assert set(read.problems) == {
        RowProblem(1, "进价", "unknown_column"),
        RowProblem(1, "price", "missing_column"),
    }
    assert read.products == ()


def test_blank_rows_are_skipped_and_an_empty_file_is_refused() -> None:
    assert read_catalog(HEADING, [("", "", "")]).problems == (
        RowProblem(2, "barcode", "empty_file"),
    )


def test_a_problem_reads_as_one_line_in_either_language() -> None:
    problem = RowProblem(12, "price", "money_format")

    assert describe(problem, "zh_CN") == "第 12 行「售价」：金额须为数字，最多两位小数（如 12.50）"
    english = describe(problem, "en")
    assert english == "line 12, price: amount must be digits with at most two decimals (e.g. 12.50)"
    assert all(ord(ch) < 0x2E80 for ch in english)
