"""The member card PDF: CR80 size, Chinese text, and a barcode that scans to the card number."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from frontdesk.domain.errors import InvalidCardNumber
from frontdesk.hardware.member_card import CardFace, write_member_card

FACE = CardFace("鲜丰超市·人民路店", "金卡会员", "张三丰", "800101000045102")


def test_the_card_carries_store_tier_masked_name_and_number(tmp_path: Path) -> None:
    path = write_member_card(FACE, tmp_path / "card.pdf")

    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)

    for expected in ["鲜丰超市·人民路店", "金卡会员", "张*丰", "800101000045102"]:
        assert expected in text.stdout
    assert "张三丰" not in text.stdout


def test_the_card_is_cr80_sized(tmp_path: Path) -> None:
    path = write_member_card(FACE, tmp_path / "card.pdf")

    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)

    size = next(line for line in info.stdout.splitlines() if line.startswith("Page size"))
    assert "242.646 x 153.071 pts" in size  # 85.6 × 54 mm


def test_the_card_barcode_scans_back_to_the_card_number(tmp_path: Path) -> None:
    path = write_member_card(FACE, tmp_path / "card.pdf")
    subprocess.run(
        ["pdftoppm", "-r", "300", "-png", "-singlefile", str(path), str(tmp_path / "c")], check=True
    )

    decoded = subprocess.run(
        ["zbarimg", "-q", "--raw", str(tmp_path / "c.png")], capture_output=True, text=True
    )

    assert decoded.stdout.split() == ["800101000045102"]


def test_a_card_number_with_a_bad_check_digit_is_never_printed() -> None:
    with pytest.raises(InvalidCardNumber):
        CardFace("鲜丰超市", "普通会员", "李四", "800101000045103")
