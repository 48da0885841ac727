"""PDF receipts read back with poppler: embedded CJK font, Chinese text, amounts, barcode."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from frontdesk.hardware import sample_receipts
from frontdesk.hardware.pdf_receipt import PdfReceiptPrinter, render_pdf


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.mark.parametrize("kind", list(sample_receipts.ALL))
def test_each_receipt_kind_reads_back_with_its_title_and_total(kind: str, tmp_path: Path) -> None:
    receipt = sample_receipts.ALL[kind]()
    path = tmp_path / f"{kind}.pdf"

    path.write_bytes(render_pdf(receipt))

    text = pdf_text(path)
    assert receipt.header.store_name in text
    assert receipt.kind.title in text
    assert receipt.header.receipt_no in text
    if receipt.total:
        assert str(receipt.total) in text


def test_the_sale_pdf_carries_member_block_and_amounts(tmp_path: Path) -> None:
    path = tmp_path / "sale.pdf"

    path.write_bytes(render_pdf(sample_receipts.sale(), paper_mm=58))

    text = pdf_text(path)
    for expected in [
        "农夫山泉饮用天然水550ml",
        "￥89.44",
        "-￥12.16",
        "储值本金",
        "恭喜升级为金卡会员",
    ]:
        assert expected in text


def test_the_font_is_embedded_not_a_viewer_dependent_cid_font(tmp_path: Path) -> None:
    path = tmp_path / "sale.pdf"
    path.write_bytes(render_pdf(sample_receipts.sale()))

    fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True)

    rows = fonts.stdout.splitlines()[2:]
    assert rows
    assert all(" yes " in row for row in rows), fonts.stdout
    assert "STSong" not in fonts.stdout


def test_the_receipt_barcode_scans_back_to_the_receipt_number(tmp_path: Path) -> None:
    path = tmp_path / "refund.pdf"
    path.write_bytes(render_pdf(sample_receipts.refund()))
    subprocess.run(
        ["pdftoppm", "-r", "300", "-png", "-singlefile", str(path), str(tmp_path / "r")], check=True
    )

    decoded = subprocess.run(
        ["zbarimg", "-q", "--raw", str(tmp_path / "r.png")], capture_output=True, text=True
    )

    assert decoded.stdout.split() == ["R001010000125"]


def test_a_reprint_is_filed_under_its_own_name(tmp_path: Path) -> None:
    printer = PdfReceiptPrinter(tmp_path / "archive")

    printer.print(sample_receipts.sale())
    printer.print(sample_receipts.sale().as_reprint())

    names = sorted(p.name for p in (tmp_path / "archive").iterdir())
    assert names == ["R001010000123-重印.pdf", "R001010000123.pdf"]
    assert "重印" in pdf_text(tmp_path / "archive" / "R001010000123-重印.pdf")
