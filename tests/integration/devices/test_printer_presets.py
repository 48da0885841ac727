"""Each printer preset over a loopback TCP printer: every receipt decodes within the paper."""

from __future__ import annotations

import tomllib
from dataclasses import replace

import pytest

from frontdesk.hardware import sample_receipts
from frontdesk.hardware.cells import cells
from frontdesk.hardware.config import config_from_mapping, config_to_toml
from frontdesk.hardware.escpos_printer import Backend, EscposReceiptPrinter, PrinterConnection
from frontdesk.hardware.escpos_receipt import CUTS, DRAWERS, PaperProfile, render_escpos
from frontdesk.hardware.printer_presets import PRESETS
from tests.integration.devices.conftest import LoopbackPrinter, wait_until
from tests.integration.devices.escpos_stream import parse


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.name)
def test_every_receipt_printed_on_the_preset_fits_its_paper(
    loopback_printer: LoopbackPrinter, preset: PaperProfile
) -> None:
    loopback_printer.listen()
    connection = PrinterConnection(Backend.NETWORK, host="127.0.0.1", port=loopback_printer.port)
    printer = EscposReceiptPrinter(connection, preset)

    for n, (kind, make) in enumerate(sample_receipts.ALL.items(), start=1):
        receipt = make()
        printer.print(receipt)
        assert wait_until(lambda: len(loopback_printer.jobs) == n), kind  # noqa: B023
        data = loopback_printer.jobs[-1]
        job = parse(data)

        widest = max(job.lines, key=cells)
        assert cells(widest) <= preset.columns, (kind, widest)
        assert receipt.header.receipt_no in "\n".join(job.lines) or job.barcodes, kind
        assert data.count(CUTS[preset.cut]) == 1, kind
        assert data.count(DRAWERS[preset.drawer]) == (1 if receipt.opens_drawer else 0), kind
        assert (b"\x1c&" in data) is preset.chinese_mode, kind


def test_a_gbk_preset_sends_gbk_and_the_text_reads_back() -> None:
    xprinter = next(p for p in PRESETS if p.name.startswith("芯烨") and p.columns == 48)
    job = parse(render_escpos(sample_receipts.sale(), xprinter))

    assert "销售小票" in "\n".join(job.lines)
    assert xprinter.encoding == "gbk"


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.name)
def test_a_preset_chosen_on_the_device_page_is_saved_and_read_back(preset: PaperProfile) -> None:
    config = replace(config_from_mapping({}), paper=preset)

    assert config_from_mapping(tomllib.loads(config_to_toml(config))).paper == preset
