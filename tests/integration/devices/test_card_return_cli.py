"""退卡 by the prepaid-card rules through the command line, printed on a loopback ESC/POS printer.

Source: 《单用途商业预付卡管理办法（试行）》(商务部 2012): a named card's return above ￥100 is paid
to a bank account in the holder's name with the holder's identity recorded; at or below, cash.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from frontdesk.cli.paths import devices_path
from frontdesk.hardware.config import DeviceConfig, save_config
from frontdesk.hardware.escpos_printer import Backend, PrinterConnection
from tests.integration.devices.conftest import LoopbackPrinter, wait_until
from tests.integration.devices.escpos_stream import parse
from tests.integration.devices.test_cli_printing import MANAGER, STAFF, run

ACCOUNT = "6222 0212 3456 7890 123"
ID_NUMBER = "11010519491231002X"  # the GB 11643 example number; its check character is X


@pytest.fixture
def store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], loopback_printer: LoopbackPrinter
) -> Path:
    db = tmp_path / "store.db"
    assert run(db, "demo", capsys=capsys)[0] == 0
    printer = PrinterConnection(Backend.NETWORK, "127.0.0.1", loopback_printer.port, timeout=1)
    save_config(DeviceConfig(printer=printer), devices_path(db))
    loopback_printer.listen()
    return db


def _member_with(db: Path, phone: str, topup: str, capsys: pytest.CaptureFixture[str]) -> str:
    """A new member 孙丽 whose card holds one top-up (its bonus too)."""
    code, out, err = run(
        db, *STAFF, "--json", "member", "add", "--phone", phone, "--name", "孙丽",
        "--consent-terms", capsys=capsys,
    )  # fmt: skip
    assert code == 0, err
    card_no = str(json.loads(out)["card_no"])
    assert run(db, *STAFF, "topup", "--card", card_no, topup, capsys=capsys)[0] == 0
    return card_no


def _printed(loopback: LoopbackPrinter, count: int) -> list[str]:
    assert wait_until(lambda: len(loopback.jobs) == count)
    return ["\n".join(parse(job).lines) for job in loopback.jobs]


def test_a_300_return_goes_to_the_members_bank_account_and_prints_the_return_slip(
    store: Path, loopback_printer: LoopbackPrinter, capsys: pytest.CaptureFixture[str]
) -> None:
    card_no = _member_with(store, "13900002299", "300.00", capsys)

    refused = run(store, *STAFF, *MANAGER, "card", "return", card_no, capsys=capsys)
    wrong_holder = run(
        store, *STAFF, *MANAGER, "card", "return", card_no, "--bank-account", ACCOUNT,
        "--holder", "李娜", "--bank", "工商银行", "--id-number", ID_NUMBER, capsys=capsys,
    )  # fmt: skip
    code, out, err = run(
        store, *STAFF, *MANAGER, "card", "return", card_no, "--bank-account", ACCOUNT,
        "--holder", "孙丽", "--bank", "工商银行", "--id-number", ID_NUMBER, capsys=capsys,
    )  # fmt: skip

    assert refused[0] == 2
    assert "超过 ￥100.00，须转入会员本人银行账户" in refused[2]
    assert wrong_holder[0] == 2
    assert "户名须与会员实名一致" in wrong_holder[2]
    assert code == 0, err
    assert out.strip() == (
        "退卡完成：退还本金 ￥300.00，赠金 ￥10.00 作废；转入 6222 **** 0123（孙丽）"
    )
    with sqlite3.connect(store) as conn:
        row = conn.execute(
            "SELECT payout, account, holder, bank, id_number, identity_checked_by, calculation"
            " FROM card_return WHERE card_no = ?",
            (card_no,),
        ).fetchone()
        tender = conn.execute(
            "SELECT t.kind, t.amount, t.reference FROM tender t JOIN ticket USING"
            " (ticket_id) WHERE ticket.kind = 'cashout' AND ticket.card_no = ?",
            (card_no,),
        ).fetchone()
        entries = conn.execute(
            "SELECT kind, bucket, amount FROM ledger_entry WHERE ticket_id ="
            " (SELECT ticket_id FROM ticket WHERE kind = 'cashout' AND card_no = ?)"
            " ORDER BY seq",
            (card_no,),
        ).fetchall()
    assert (row[0], row[2], row[3], row[5]) == ("bank_transfer", "孙丽", "工商银行", "1001")
    # The full numbers are sealed with the member's own key: not readable from the raw row.
    assert str(row[1]).startswith("fdk1:")
    assert "6222021234567890123" not in str(row[1])
    assert ID_NUMBER not in str(row[4])
    assert json.loads(row[6])["principal_refunded"] == 30_000
    assert tender == ("bank_transfer", -30_000, "6222 **** 0123")
    assert entries == [("cashout", "principal", -30_000), ("forfeit", "bonus", -1_000)]
    slip = _printed(loopback_printer, 2)[1]  # after the top-up's receipt
    assert "退卡单" in slip
    for seen in ("累计充值本金", "￥300.00", "累计赠送赠金", "已消费本金", "作废赠金", "￥10.00"):
        assert seen in slip
    assert "6222 **** 0123" in slip
    assert "1101**********002X" in slip
    assert "审批店长：8001" in slip
    assert "6222021234567890123" not in slip
    assert ID_NUMBER not in slip


def test_a_60_return_pays_cash_and_records_no_account(
    store: Path, loopback_printer: LoopbackPrinter, capsys: pytest.CaptureFixture[str]
) -> None:
    card_no = _member_with(store, "13900002288", "60.00", capsys)

    code, out, err = run(store, *STAFF, *MANAGER, "card", "return", card_no, capsys=capsys)

    assert code == 0, err
    assert out.strip() == "退卡完成：退还本金 ￥60.00，赠金 ￥0.00 作废；现金退还"
    with sqlite3.connect(store) as conn:
        row = conn.execute(
            "SELECT payout, account, id_number FROM card_return WHERE card_no = ?", (card_no,)
        ).fetchone()
    assert row == ("cash", None, None)
    slip = _printed(loopback_printer, 2)[1]
    assert "退款方式：现金" in slip
    assert "收款账户" not in slip
