"""ESC/POS jobs sent to a loopback TCP printer: Chinese text, widths, cut, drawer, barcode, goldens.

Regenerate the goldens after an intended layout change with
``FRONTDESK_UPDATE_GOLDENS=1 pytest tests/integration/devices/test_escpos_printer.py`` and review
the ``.txt`` diff before committing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from frontdesk.domain.money import Fen
from frontdesk.domain.receipt import Receipt, Tender, TenderKind
from frontdesk.hardware import sample_receipts
from frontdesk.hardware.cells import cells
from frontdesk.hardware.escpos_printer import Backend, EscposReceiptPrinter, PrinterConnection
from frontdesk.hardware.escpos_receipt import (
    DRAWER_KICK,
    PAPER_58MM,
    PAPER_80MM,
    PaperProfile,
    render_escpos,
)
from tests.integration.devices.conftest import LoopbackPrinter, wait_until
from tests.integration.devices.escpos_stream import parse

GOLDEN = Path(__file__).resolve().parents[2] / "golden"
PAPERS = [PAPER_58MM, PAPER_80MM]
KINDS = list(sample_receipts.ALL)


def print_over_tcp(printer: LoopbackPrinter, receipt: Receipt, paper: PaperProfile) -> bytes:
    connection = PrinterConnection(Backend.NETWORK, host="127.0.0.1", port=printer.port)
    EscposReceiptPrinter(connection, paper).print(receipt)
    assert wait_until(lambda: len(printer.jobs) == 1)
    return printer.jobs[0]


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: p.name)
def test_a_sale_sent_over_tcp_decodes_back_to_its_chinese_text(
    loopback_printer: LoopbackPrinter, paper: PaperProfile
) -> None:
    loopback_printer.listen()

    job = parse(print_over_tcp(loopback_printer, sample_receipts.sale(), paper))

    text = "\n".join(job.lines)
    for expected in ["鲜丰超市·人民路店", "销售小票", "五常大米 5kg", "应付合计", "￥89.44"]:
        assert expected in text
    assert "找零" in text
    assert "￥10.56" in text
    assert "恭喜升级为金卡会员" in text
    assert "¥" not in text  # only the full-width sign reaches the printer


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: p.name)
@pytest.mark.parametrize("kind", KINDS)
def test_no_printed_line_is_wider_than_the_paper(paper: PaperProfile, kind: str) -> None:
    receipt = sample_receipts.ALL[kind]()

    job = parse(render_escpos(receipt, paper))

    widest = max(job.lines, key=cells)
    assert cells(widest) <= paper.columns, widest


@pytest.mark.parametrize("kind", KINDS)
def test_every_job_ends_with_one_cut_and_kicks_the_drawer_only_for_cash(kind: str) -> None:
    receipt = sample_receipts.ALL[kind]()

    job = parse(render_escpos(receipt, PAPER_58MM))

    assert job.count(b"\x1dV\x00") == 1
    assert job.count(DRAWER_KICK) == (1 if receipt.opens_drawer else 0)
    assert receipt.opens_drawer == any(t.kind is TenderKind.CASH for t in receipt.tenders)


def test_a_sale_paid_by_wechat_only_does_not_open_the_drawer() -> None:
    receipt = replace(
        sample_receipts.sale(), tenders=(Tender(TenderKind.WECHAT, Fen(8944), "42000"),)
    )

    job = parse(render_escpos(receipt, PAPER_80MM))

    assert job.count(DRAWER_KICK) == 0


@pytest.mark.parametrize("kind", KINDS)
def test_the_receipt_number_is_printed_as_a_code128_barcode(kind: str) -> None:
    receipt = sample_receipts.ALL[kind]()

    job = parse(render_escpos(receipt, PAPER_58MM))

    assert job.barcodes == [b"{B" + receipt.barcode_value.encode()]


def test_a_printer_without_hardware_barcodes_gets_the_barcode_as_an_image() -> None:
    paper = replace(PAPER_58MM, hardware_barcode=False)

    job = parse(render_escpos(sample_receipts.sale(), paper))

    assert job.barcodes == []
    assert job.count(b"\x1dv0\x00") == 1


def test_a_gbk_printer_gets_gbk_bytes_and_the_half_width_yen_is_mapped() -> None:
    paper = replace(PAPER_58MM, encoding="gbk")
    receipt = replace(sample_receipts.sale(), text_lines=("价格¥以小票为准",))

    data = render_escpos(receipt, paper)

    assert "价格￥以小票为准".encode("gbk") in data
    assert "¥".encode("gb18030") not in data


def test_a_reprint_says_so_in_the_title() -> None:
    receipt = sample_receipts.sale().as_reprint()

    lines = parse(render_escpos(receipt, PAPER_58MM)).lines

    assert any("销售小票（重印）" in line for line in lines)


def _golden_check(name: str, data: bytes, update: bool) -> None:
    binary, text = GOLDEN / f"{name}.escpos", GOLDEN / f"{name}.txt"
    readable = "\n".join(parse(data).lines) + "\n"
    if update:
        binary.write_bytes(data)
        text.write_text(readable, encoding="utf-8")
    assert text.read_text(encoding="utf-8") == readable
    assert binary.read_bytes() == data


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: p.name)
@pytest.mark.parametrize("kind", KINDS)
def test_each_receipt_kind_matches_its_golden_bytes(kind: str, paper: PaperProfile) -> None:
    update = os.environ.get("FRONTDESK_UPDATE_GOLDENS") == "1"
    build: Callable[[], Receipt] = sample_receipts.ALL[kind]

    data = render_escpos(build(), paper)

    _golden_check(f"{kind}-{paper.name}", data, update)
