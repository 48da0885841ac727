"""Device settings saved and read back as TOML, and the two set-up checks run for real."""

from __future__ import annotations

import threading
from pathlib import Path

from frontdesk.hardware import checks
from frontdesk.hardware.config import DeviceConfig, load_config, save_config
from frontdesk.hardware.escpos_printer import Backend, PrinterConnection
from frontdesk.hardware.escpos_receipt import DRAWER_KICK, PAPER_80MM
from frontdesk.hardware.framing import Framing, Terminator
from frontdesk.hardware.serial_scanner import ScannerSettings
from tests.integration.devices.conftest import LoopbackPrinter, SocatPair, wait_until
from tests.integration.devices.escpos_stream import parse


def test_settings_survive_a_save_and_load(tmp_path: Path) -> None:
    config = DeviceConfig(
        scanner=ScannerSettings(
            port="/dev/serial/by-id/usb-扫描枪",
            baudrate=115200,
            framing=Framing(Terminator.CRLF, prefix=b"\x02", suffix=b"\x03"),
        ),
        printer=PrinterConnection(Backend.SERIAL, device="/dev/ttyS0", baudrate=19200),
        paper=PAPER_80MM,
        pdf_folder="小票存档",
    )
    path = tmp_path / "devices.toml"

    save_config(config, path)

    assert load_config(path) == config


def test_a_missing_settings_file_means_the_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path / "absent.toml") == DeviceConfig()


def test_the_scan_check_reports_the_code_it_received(socat_pair: SocatPair) -> None:
    settings = ScannerSettings(port=str(socat_pair.till))
    result: list[checks.CheckResult] = []
    worker = threading.Thread(target=lambda: result.append(checks.test_scan(settings, 10.0)))
    worker.start()

    def scan_until_checked() -> bool:
        # The check opens the port itself; a frame sent before that is lost, so scan again.
        socat_pair.write(b"6901234567892\r")
        worker.join(0.05)
        return bool(result)

    assert wait_until(scan_until_checked)

    assert result[0].ok
    assert result[0].message == "扫描正常：商品条码 6901234567892"


def test_the_scan_check_says_when_the_port_cannot_be_opened(tmp_path: Path) -> None:
    result = checks.test_scan(ScannerSettings(port=str(tmp_path / "nothing")), 1.0)

    assert not result.ok
    assert result.message.startswith("无法打开扫描枪端口")


def test_the_print_check_prints_a_marked_test_receipt_without_opening_the_drawer(
    loopback_printer: LoopbackPrinter,
) -> None:
    loopback_printer.listen()
    connection = PrinterConnection(Backend.NETWORK, "127.0.0.1", loopback_printer.port)

    result = checks.test_print(connection, PAPER_80MM)

    assert result.ok
    assert wait_until(lambda: len(loopback_printer.jobs) == 1)
    job = parse(loopback_printer.jobs[0])
    assert any("打印测试" in line for line in job.lines)
    assert job.count(DRAWER_KICK) == 0


def test_the_print_check_reports_an_offline_printer(loopback_printer: LoopbackPrinter) -> None:
    connection = PrinterConnection(Backend.NETWORK, "127.0.0.1", loopback_printer.port)

    result = checks.test_print(connection, PAPER_80MM)

    assert not result.ok
    assert "打印机未连接" in result.message
