"""The member statement on the receipt printer (58 and 80 mm), and the cooling-off receipt.

DOMAIN §11 (the Shanghai 单用途预付卡 rules, 第十二条 as quoted in the field notes): a member may
ask for the balance and every movement; the member's own copy masks nothing of theirs and shows
no staff data.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontdesk.cli.paths import devices_path
from frontdesk.demo import ean13
from frontdesk.hardware.config import DeviceConfig, save_config
from frontdesk.hardware.escpos_printer import Backend, PrinterConnection
from frontdesk.hardware.escpos_receipt import PAPER_58MM, PAPER_80MM, PaperProfile
from tests.integration.devices.conftest import LoopbackPrinter, wait_until
from tests.integration.devices.escpos_stream import parse
from tests.integration.devices.test_cli_printing import STAFF, run

RICE = ean13("690000000005")
LI_NA = "800101000000206"  # ￥1,000.00 principal + ￥150.00 bonus in the demo store


def _store(
    tmp_path: Path, port: int, paper: PaperProfile, capsys: pytest.CaptureFixture[str]
) -> Path:
    db = tmp_path / "store.db"
    assert run(db, "demo", capsys=capsys)[0] == 0
    printer = PrinterConnection(Backend.NETWORK, "127.0.0.1", port, timeout=1)
    save_config(DeviceConfig(printer=printer, paper=paper), devices_path(db))
    return db


@pytest.mark.parametrize("paper", [PAPER_58MM, PAPER_80MM], ids=lambda p: p.name)
def test_the_statement_prints_every_movement_with_the_members_own_details_and_no_staff(
    tmp_path: Path,
    loopback_printer: LoopbackPrinter,
    capsys: pytest.CaptureFixture[str],
    paper: PaperProfile,
) -> None:
    db = _store(tmp_path, loopback_printer.port, paper, capsys)
    loopback_printer.listen()
    code, _, err = run(
        db, *STAFF, "sale", "--card", LI_NA, "--item", f"{RICE}x2",
        "--pay", "stored_value:100.00", "--pay", "cash:100.00", "--member-pin", "135790",
        capsys=capsys,
    )  # fmt: skip
    assert code == 0, err

    code, _, err = run(db, *STAFF, "member", "statement", "--card", LI_NA, capsys=capsys)

    assert code == 0, err
    assert wait_until(lambda: len(loopback_printer.jobs) == 2)  # the sale's receipt, then this
    lines = parse(loopback_printer.jobs[1]).lines
    text = "\n".join(lines)
    assert "会员对账单" in text
    assert "会员：李娜  13900002222" in text  # theirs, in full
    assert "李收银" not in text  # no cashier's name
    assert "1001" not in text  # nor number
    assert all(len(ln.encode("gb18030")) <= paper.columns for ln in lines)
    balances = [ln.split()[-1] for ln in lines if ln.strip().startswith("储值余额")]
    assert balances[-1] == "￥1,050.00"


def test_a_cooling_off_refund_prints_its_receipt(
    tmp_path: Path, loopback_printer: LoopbackPrinter, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _store(tmp_path, loopback_printer.port, PAPER_58MM, capsys)
    loopback_printer.listen()
    code, out, _ = run(db, *STAFF, "--json", "topup", "--card", LI_NA, "100.00", capsys=capsys)
    receipt_no = json.loads(out)["ticket"]["receipt_no"]

    code, _, err = run(db, *STAFF, "topup-return", receipt_no, capsys=capsys)

    assert code == 0, err
    assert wait_until(lambda: len(loopback_printer.jobs) == 2)
    text = "\n".join(parse(loopback_printer.jobs[1]).lines)
    assert "冷静期退款小票" in text
    assert receipt_no in text
    assert "收回赠金" in text
