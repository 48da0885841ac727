"""Receipts and the shift report keep the stored-value part of a sale apart from the rest.

The stored-value part gets no VAT invoice (国家税务总局公告 2016 年第 53 号); a top-up receipt says
it is a 预付卡充值, invoiced 不征税 only.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontdesk.cli import main
from frontdesk.cli.paths import devices_path
from frontdesk.demo import ean13
from frontdesk.domain.invoicing import split_sale
from frontdesk.domain.money import Fen
from frontdesk.hardware.config import DeviceConfig, save_config
from frontdesk.hardware.escpos_printer import Backend, PrinterConnection
from tests.integration.devices.conftest import LoopbackPrinter, wait_until
from tests.integration.devices.escpos_stream import parse

RICE = ean13("690000000005")  # ￥89.00
STAFF = ["--staff", "1001", "--pin", "1001"]
LI_NA = "800101000000206"


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _lines(printer: LoopbackPrinter, count: int) -> list[list[str]]:
    assert wait_until(lambda: len(printer.jobs) == count)
    return [[" ".join(ln.split()) for ln in parse(job).lines] for job in printer.jobs]


def test_the_stored_value_part_is_never_invoiceable() -> None:
    parts = split_sale(Fen(16_910), Fen(10_000))
    assert (parts.prepaid, parts.invoiceable) == (Fen(10_000), Fen(6_910))
    assert split_sale(Fen(5_000), Fen(8_000)).invoiceable == Fen(0)  # never below zero
    assert split_sale(Fen(5_000), Fen(0)).prepaid == Fen(0)


def test_a_half_stored_value_sale_prints_both_parts_and_the_shift_report_splits_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], loopback_printer: LoopbackPrinter
) -> None:
    db = tmp_path / "store.db"
    assert run(db, "demo", capsys=capsys)[0] == 0
    printer = PrinterConnection(Backend.NETWORK, "127.0.0.1", loopback_printer.port, timeout=1)
    save_config(DeviceConfig(printer=printer), devices_path(db))
    loopback_printer.listen()

    code, out, err = run(
        db, *STAFF, "--json", "sale", "--card", LI_NA, "--item", f"{RICE}x2",
        "--pay", "stored_value:84.55", "--pay", "cash:100.00", "--member-pin", "135790",
        capsys=capsys,
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["ticket"]["total"] == 16_910  # 2 × 89.00 × 95 %
    code, _, err = run(db, *STAFF, "topup", "--card", LI_NA, "500.00", capsys=capsys)
    assert code == 0, err
    code, _, err = run(db, *STAFF, "shift", "close", "--counted", "500.00", capsys=capsys)
    assert code == 0, err

    sale, topup, shift = _lines(loopback_printer, 3)
    assert "储值支付（不开具发票） ￥84.55" in sale
    assert "可开票金额 ￥84.55" in sale
    assert "预付卡充值：仅开不征税普通发票" in topup
    assert not any("可开票" in ln for ln in topup)
    figures = _figures(shift)
    # Net sales of the shift (the demo's own sales are in it too) in exactly two parts.
    assert figures["储值消费（不开具发票）"] == figures["储值销售"]
    assert figures["可开票销售额"] == figures["现金销售"] + figures["银行卡销售"]
    assert figures["预付卡充值（不征税）"] == figures["充值本金"]


def _figures(lines: list[str]) -> dict[str, int]:
    """The shift report's `label ￥amount` lines, in fen."""
    found: dict[str, int] = {}
    for line in lines:
        label, _, amount = line.rpartition(" ￥")
        if label and amount.replace(",", "").replace(".", "").isdigit():
            found[label] = int(amount.replace(",", "").replace(".", ""))
    return found
