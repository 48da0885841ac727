"""The device settings page: saved to the device file next to the database, checks off-thread."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from frontdesk.app import TomlDeviceSettings, configured_scanner
from frontdesk.hardware.config import DeviceConfig, save_config
from frontdesk.hardware.escpos_printer import Backend, PrinterConnection
from frontdesk.hardware.escpos_receipt import PAPER_80MM
from frontdesk.printing_setup import QueuedReceiptOutput
from frontdesk.services.device_settings import CheckOutcome, DeviceSettingsForm
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.ui.manager import ManagerDialog
from frontdesk.ui.settings import DeviceSettingsPage
from tests.integration.devices.conftest import LoopbackPrinter
from tests.ui.real_store import CASHIER_NO, CASHIER_PIN, RealStore


class SlowScanner:
    """Device settings whose scan test runs where it is called and says which thread that was."""

    def __init__(self, inner: TomlDeviceSettings) -> None:
        self.inner = inner
        self.threads: list[str] = []

    def choices(self) -> dict[str, Sequence[str]]:
        return self.inner.choices()

    def load(self) -> DeviceSettingsForm:
        return self.inner.load()

    def save(self, form: DeviceSettingsForm) -> None:
        self.inner.save(form)

    def test_scan(self, form: DeviceSettingsForm) -> CheckOutcome:
        self.threads.append(threading.current_thread().name)
        return CheckOutcome(True, "扫描正常：会员卡 800101000000107", form.scanner_port)

    def test_print(self, form: DeviceSettingsForm) -> CheckOutcome:
        return self.inner.test_print(form)


def test_settings_are_saved_to_the_device_file_and_start_the_serial_scanner(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "till.db.devices.toml"
    page = DeviceSettingsPage(TomlDeviceSettings(path))
    qtbot.addWidget(page)
    assert page.port_edit.text() == ""  # no file yet: keyboard-wedge scanner only
    page.port_edit.setText("/dev/ttyUSB0")
    page.baud_combo.setCurrentText("115200")
    page.framing_combo.setCurrentText("CRLF")
    page.host_edit.setText("10.0.0.9")
    page.paper_combo.setCurrentText("80mm")

    with qtbot.waitSignal(page.saved):
        page.save_button.click()

    scanner = configured_scanner(path)
    assert scanner is not None
    assert (scanner.port, scanner.baudrate, scanner.framing.terminator.value) == (
        "/dev/ttyUSB0",
        115200,
        "CRLF",
    )
    again = TomlDeviceSettings(path).load()
    assert (again.printer_host, again.paper) == ("10.0.0.9", "80mm")


def test_the_scan_test_runs_off_the_gui_thread_and_shows_its_outcome(
    qtbot: QtBot, tmp_path: Path
) -> None:
    devices = SlowScanner(TomlDeviceSettings(tmp_path / "till.db.devices.toml"))
    page = DeviceSettingsPage(devices)
    qtbot.addWidget(page)
    page.port_edit.setText("/dev/ttyACM0")
    assert page.test_scan_button.text() == "F3 测试扫描"
    assert page.test_print_button.text() == "F4 测试打印"

    with qtbot.waitSignal(page.check_finished) as finished:
        page.test_scan_button.click()

    assert finished.args[0].ok
    assert devices.threads == ["device-check"]
    assert page.result_label.text() == "✔ 扫描正常：会员卡 800101000000107（/dev/ttyACM0）"
    assert page.test_scan_button.isEnabled()


def test_the_manager_screens_offer_the_device_page_only_when_the_app_gives_settings(
    qtbot: QtBot, backend: ServicesTillBackend, tmp_path: Path
) -> None:
    without = ManagerDialog(backend)
    with_devices = ManagerDialog(backend, devices=TomlDeviceSettings(tmp_path / "d.toml"))
    qtbot.addWidget(without)
    qtbot.addWidget(with_devices)

    with_devices.show_page("devices")

    assert without.devices_page is None
    assert with_devices.stack.currentWidget() is with_devices.devices_page
    assert with_devices.nav.item(9).text() == "0  设备"


class PrintRecorder(SlowScanner):
    """Device settings whose print test only says which thread it ran on."""

    def test_print(self, form: DeviceSettingsForm) -> CheckOutcome:
        self.threads.append(threading.current_thread().name)
        return CheckOutcome(True, "打印正常", form.printer_host)


def test_the_print_test_runs_on_its_function_key(qtbot: QtBot, tmp_path: Path) -> None:
    devices = PrintRecorder(TomlDeviceSettings(tmp_path / "till.db.devices.toml"))
    page = DeviceSettingsPage(devices)
    qtbot.addWidget(page)
    page.host_edit.setText("10.0.0.9")
    assert page.test_print_button.text() == "F4 测试打印"

    with qtbot.waitSignal(page.check_finished) as finished:
        qtbot.keyClick(page.host_edit, Qt.Key.Key_F4)

    assert finished.args[0].ok
    assert devices.threads == ["device-check"]
    assert page.result_label.text() == "✔ 打印正常（10.0.0.9）"


def test_a_saved_printer_is_used_at_once_by_the_print_queue_without_a_restart(
    qtbot: QtBot, real_store: RealStore
) -> None:
    first, second = LoopbackPrinter(), LoopbackPrinter()
    first.listen()
    second.listen()
    path = Path(str(real_store.engine_path) + ".devices.toml")
    connection = PrinterConnection(Backend.NETWORK, "127.0.0.1", first.port, timeout=1.0)
    save_config(DeviceConfig(printer=connection, paper=PAPER_80MM), path)
    backend = real_store.backend
    # A reprint rebuilds a past receipt, which reads ticket data: only for a signed-in staff.
    backend.login(CASHIER_NO, CASHIER_PIN)
    output = QueuedReceiptOutput(real_store.till.engine, path, backend.past_receipt)
    output.start()
    devices = TomlDeviceSettings(path, appliers=[output.rebuild])
    page = DeviceSettingsPage(devices)
    qtbot.addWidget(page)
    receipt_no = real_store.receipt_numbers()[-1]
    output.reprint(receipt_no)
    qtbot.waitUntil(lambda: len(first.jobs) == 1, timeout=10_000)

    page.printer_port_spin.clear()
    qtbot.keyClicks(page.printer_port_spin, str(second.port))
    with qtbot.waitSignal(page.saved):
        qtbot.keyClick(page.printer_port_spin, Qt.Key.Key_F2)
    output.reprint(receipt_no)

    qtbot.waitUntil(lambda: len(second.jobs) == 1, timeout=10_000)
    output.stop()
    first.close()
    second.close()
    assert len(first.jobs) == 1
    assert page.result_label.text() == "已保存。打印机、扫描枪和客显立即生效，无需重启。"


def test_a_printer_preset_is_chosen_on_the_device_page_and_reaches_the_file(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from frontdesk.hardware.config import load_config
    from frontdesk.hardware.printer_presets import PRESETS

    path = tmp_path / "till.db.devices.toml"
    page = DeviceSettingsPage(TomlDeviceSettings(path))
    qtbot.addWidget(page)
    offered = [page.paper_combo.itemText(i) for i in range(page.paper_combo.count())]
    assert [p.name for p in PRESETS] == [n for n in offered if n not in ("58mm", "80mm")]

    page.paper_combo.setCurrentText("芯烨 Xprinter 80mm")
    with qtbot.waitSignal(page.saved):
        page.save_button.click()

    paper = load_config(path).paper
    assert (paper.name, paper.columns, paper.encoding, paper.cut) == (
        "芯烨 Xprinter 80mm",
        48,
        "gbk",
        "feed_full",
    )
