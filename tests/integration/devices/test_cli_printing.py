"""The `frontdesk` command prints through <db>.devices.toml: a loopback TCP printer off, then on;
reprints, PDFs read back with pdftotext and zbarimg, the member card, the device checks."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from frontdesk.cli import main
from frontdesk.cli.paths import devices_path
from frontdesk.demo import ean13
from frontdesk.hardware.config import DeviceConfig, save_config
from frontdesk.hardware.escpos_printer import Backend, PrinterConnection
from frontdesk.hardware.member_card import grouped
from tests.integration.devices.conftest import LoopbackPrinter, wait_until
from tests.integration.devices.escpos_stream import parse

RICE = ean13("690000000005")  # 五常大米 5kg, ￥89.00
STAFF = ["--staff", "1001", "--pin", "1001"]
MANAGER = ["--manager", "8001", "--manager-pin", "8001"]
# 李娜's 退卡 is above ￥100: to her own bank account, her ID card checked.
BANK = ["--bank-account", "6222021234567890123", "--holder", "李娜", "--bank", "工商银行",
        "--id-number", "11010519491231002X"]  # fmt: skip


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], loopback_printer: LoopbackPrinter
) -> tuple[Path, dict[str, str]]:
    """The demo store with its receipt printer on the loopback port (not yet switched on)."""
    db = tmp_path / "store.db"
    code, out, _ = run(db, "--json", "demo", capsys=capsys)
    assert code == 0
    printer = PrinterConnection(Backend.NETWORK, "127.0.0.1", loopback_printer.port, timeout=1)
    save_config(DeviceConfig(printer=printer), devices_path(db))
    return db, {m["name"]: m["card_no"] for m in json.loads(out)["members"]}


def _printed(loopback: LoopbackPrinter, count: int) -> list[str]:
    assert wait_until(lambda: len(loopback.jobs) == count)
    return ["\n".join(parse(job).lines) for job in loopback.jobs]


def _sale(db: Path, card: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    return run(
        db,
        *STAFF,
        "--json",
        "sale",
        "--card",
        card,
        "--item",
        f"{RICE}x2",
        "--pay",
        "stored_value:100.00",
        "--pay",
        "cash:100.00",
        "--member-pin",
        "135790",
        capsys=capsys,
    )


def test_a_sale_with_the_printer_off_succeeds_warns_and_prints_later(
    store: tuple[Path, dict[str, str]],
    loopback_printer: LoopbackPrinter,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, cards = store

    code, out, err = _sale(db, cards["李娜"], capsys)
    receipt_no = json.loads(out)["ticket"]["receipt_no"]
    loopback_printer.listen()
    retry, retried, _ = run(db, "--json", "print", "pending", capsys=capsys)

    assert code == 0
    assert "打印机未连接" in err
    assert "frontdesk print pending" in err
    assert retry == 0
    assert json.loads(retried) == {"printed": 1, "pending": 0}
    text = _printed(loopback_printer, 1)[0]
    assert receipt_no in text
    assert "储值本金" in text
    assert "找零" in text


def test_the_printer_being_off_is_said_in_english_with_lang_en(
    store: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, cards = store

    code, _, err = _sale(db, cards["李娜"], capsys)
    code_en, out_en, err_en = run(db, "--lang", "en", *STAFF, "topup", "--card", cards["李娜"],
                                  "50.00", capsys=capsys)  # fmt: skip

    receipt_no = out_en.split("receipt ")[-1].strip()
    assert (code, code_en) == (0, 0)
    assert "警告：打印机未连接，小票已保存，恢复后自动补打（小票" in err
    assert err_en.strip() == (
        "Warning: The printer is not connected; the receipt is saved and prints when it is back "
        f"(receipt {receipt_no} is queued; frontdesk print pending prints it)"
    )


def test_each_receipt_kind_prints_when_the_printer_is_on(
    store: tuple[Path, dict[str, str]],
    loopback_printer: LoopbackPrinter,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, cards = store
    loopback_printer.listen()

    _, out, _ = _sale(db, cards["李娜"], capsys)
    receipt_no = json.loads(out)["ticket"]["receipt_no"]
    codes = [
        run(db, *STAFF, *MANAGER, "refund", receipt_no, capsys=capsys)[0],
        run(db, *STAFF, "topup", "--card", cards["李娜"], "100.00", capsys=capsys)[0],
        run(db, *STAFF, "card", "lost", cards["张伟"], capsys=capsys)[0],
        run(
            db,
            *STAFF,
            "card",
            "reissue",
            cards["张伟"],
            "--phone",
            "13800001111",
            "--name",
            "张伟",
            capsys=capsys,
        )[0],
        run(db, *STAFF, *MANAGER, "card", "return", cards["李娜"], *BANK, capsys=capsys)[0],
        run(db, *STAFF, "shift", "close", "--counted", "500.00", capsys=capsys)[0],
    ]

    assert codes == [0] * 6
    titles = [text.split("\n")[1].strip() for text in _printed(loopback_printer, 6)]
    assert titles == ["销售小票", "退货小票", "充值小票", "补卡小票", "退卡单", "交班报表"]


def test_a_past_receipt_is_reprinted_marked_and_saved_as_a_pdf_that_scans(
    store: tuple[Path, dict[str, str]],
    loopback_printer: LoopbackPrinter,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    db, cards = store
    loopback_printer.listen()
    _, out, _ = _sale(db, cards["李娜"], capsys)
    receipt_no = json.loads(out)["ticket"]["receipt_no"]
    pdf = tmp_path / "copy.pdf"

    reprinted = run(db, *STAFF, "receipt", "reprint", receipt_no, capsys=capsys)[0]
    saved = run(db, *STAFF, "receipt", "pdf", receipt_no, str(pdf), capsys=capsys)[0]

    assert (reprinted, saved) == (0, 0)
    first, again = _printed(loopback_printer, 2)
    assert "重印" in again
    assert "重印" not in first
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert receipt_no in text
    assert "销售小票" in text
    subprocess.run(
        ["pdftoppm", "-r", "300", "-png", "-singlefile", str(pdf), str(tmp_path / "r")],
        check=True,
    )
    scanned = subprocess.run(
        ["zbarimg", "-q", "--raw", str(tmp_path / "r.png")], capture_output=True, text=True
    )
    assert scanned.stdout.strip() == receipt_no


def test_a_receipt_from_before_printing_was_set_up_is_rebuilt_from_its_ticket(
    store: tuple[Path, dict[str, str]],
    loopback_printer: LoopbackPrinter,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, cards = store
    _, out, _ = run(
        db,
        *STAFF,
        "--json",
        "--no-print",
        "sale",
        "--card",
        cards["李娜"],
        "--item",
        RICE,
        "--pay",
        "cash:100.00",
        capsys=capsys,
    )
    receipt_no = json.loads(out)["ticket"]["receipt_no"]
    loopback_printer.listen()

    code = run(db, *STAFF, "receipt", "reprint", receipt_no, capsys=capsys)[0]

    assert code == 0
    text = _printed(loopback_printer, 1)[0]
    assert "重印" in text
    assert "本次积分" in text
    assert "找零" in text


def test_a_member_card_is_saved_as_a_cr80_pdf(
    store: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db, cards = store
    out = tmp_path / "card.pdf"

    code = run(db, *STAFF, "card", "print", cards["李娜"], str(out), capsys=capsys)[0]

    assert code == 0
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert grouped(cards["李娜"]) in text
    assert "李*" in text


def test_the_print_check_reaches_the_printer_and_says_when_it_does_not(
    store: tuple[Path, dict[str, str]],
    loopback_printer: LoopbackPrinter,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, _ = store

    off, _, _ = run(db, "devices", "test-print", capsys=capsys)
    loopback_printer.listen()
    on, said, _ = run(db, "devices", "test-print", capsys=capsys)

    assert off == 1
    assert on == 0
    assert "测试小票已发送" in said
    assert "打印测试" in _printed(loopback_printer, 1)[0]
