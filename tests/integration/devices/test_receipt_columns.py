"""Item lines on 58 and 80 mm paper: figures never touch each other or the name, lines fit."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontdesk.domain.money import Fen
from frontdesk.hardware import cells
from frontdesk.hardware.escpos_receipt import PAPER_58MM, PAPER_80MM, PaperProfile, text_lines
from frontdesk.hardware.receipt_layout import Item, money

PAPERS = [PAPER_58MM, PAPER_80MM]
names = st.text(
    alphabet=st.sampled_from("农夫山泉饮用天然水大米 ColgateABC 180g-"), min_size=1, max_size=40
).filter(lambda s: s.strip() != "")
amounts = st.integers(min_value=-9_999_999_999, max_value=9_999_999_999).map(lambda v: Fen(v))


def _figures_apart(lines: list[str], qty: str, price: str, amount: str) -> bool:
    """The three figures stand as separate words, in order, at the end of the lines."""
    words = " ".join(lines).split()
    return words[-3:] == [qty, price, amount] or words[-4:] == [qty, "×", price, amount]


def test_a_four_figure_price_on_80mm_no_longer_runs_into_the_quantity() -> None:
    item = Item("金条", "1", money(Fen(299900)), money(Fen(299900)))

    [line] = text_lines(item, PAPER_80MM.columns)

    assert line.split() == ["金条", "1", "￥2,999.00", "￥2,999.00"]
    assert cells.cells(line) == PAPER_80MM.columns


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: p.name)
@given(name=names, qty=st.integers(1, 99_999), price=amounts, amount=amounts)
def test_item_lines_fit_the_paper_and_keep_every_figure_apart(
    paper: PaperProfile, name: str, qty: int, price: Fen, amount: Fen
) -> None:
    item = Item(name, str(qty), money(price), money(amount))

    lines = text_lines(item, paper.columns)

    assert all(cells.cells(line) <= paper.columns for line in lines)
    assert _figures_apart(lines, str(qty), money(price), money(amount))


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: p.name)
def test_the_header_row_names_every_column_apart(paper: PaperProfile) -> None:
    header = Item("商品", "数量", "单价", "金额", header=True)

    lines = text_lines(header, paper.columns)

    assert all(cells.cells(line) <= paper.columns for line in lines)
    assert "数量" in " ".join(lines)
