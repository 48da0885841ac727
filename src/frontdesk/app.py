"""The composition root: builds the concrete adapters and hands them to the till window.

Hardware modules (pyserial, python-escpos, reportlab) are imported inside the functions that
use them: the window is shown before any of them loads, which keeps the cold start short.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from frontdesk.config import RESOURCES
from frontdesk.domain.messages import render
from frontdesk.export_setup import export_files
from frontdesk.printing_setup import PdfCardOutput, QueuedReceiptOutput, receipt_text
from frontdesk.provisioning import TillProvisioner
from frontdesk.services.context import TillContext
from frontdesk.services.device_settings import (
    CheckOutcome,
    DeviceSettingsForm,
    DeviceSettingsInvalid,
)
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.services.till_port import CustomerDisplay
from frontdesk.sync_setup import (
    books_recovery,
    database_path,
    head_office_program,
    sync_control,
    with_online_holds,
)
from frontdesk.ui.crash import CrashHandler
from frontdesk.ui.main import ensure_application, run_selftest, run_setup, run_till
from frontdesk.ui.scanning import ScanHub

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from frontdesk.hardware.config import DeviceConfig
    from frontdesk.hardware.escpos_receipt import PaperProfile
    from frontdesk.hardware.serial_scanner import ScannerSettings, SerialScanner


def devices_path(engine: Engine) -> Path | None:
    """The device file lives next to the database: ``<db>.devices.toml``."""
    db = database_path(engine)
    return None if db is None else db.with_name(db.name + ".devices.toml")


def configured_scanner(path: Path | None) -> ScannerSettings | None:
    """The serial scanner's settings when the device file names a port; None for wedge only."""
    if path is None or not path.exists():
        return None
    with path.open("rb") as f:
        raw = tomllib.load(f)
    scanner = raw.get("scanner")
    if not isinstance(scanner, dict) or not str(scanner.get("port", "")).strip():
        return None
    from frontdesk.hardware.config import load_config

    return load_config(path).scanner


def serial_ports() -> list[str]:
    """The machine's serial ports by their names (COM3 on Windows), for the 设备 page."""
    from serial.tools import list_ports

    return sorted(port.device for port in list_ports.comports())


def _papers() -> dict[str, PaperProfile]:
    from frontdesk.hardware.escpos_receipt import PAPER_58MM, PAPER_80MM
    from frontdesk.hardware.printer_presets import PRESETS

    return {p.name: p for p in (PAPER_58MM, PAPER_80MM, *PRESETS)}


_SCAN_TEST_SECONDS = 8.0


class TomlDeviceSettings:
    """The `DeviceSettings` port over the device file and the hardware set-up checks."""

    def __init__(self, path: Path, appliers: Sequence[Callable[[], None]] = ()) -> None:
        self.path = path
        self._appliers = list(appliers)  # what takes the saved settings into use at once

    def apply_with(self, applier: Callable[[], None]) -> None:
        self._appliers.append(applier)

    def choices(self) -> dict[str, Sequence[str]]:
        from frontdesk.hardware.escpos_printer import Backend
        from frontdesk.hardware.framing import Terminator

        return {
            "baudrate": ["9600", "19200", "38400", "57600", "115200"],
            "framing": [t.value for t in Terminator],
            "backend": [b.value for b in Backend],
            "paper": list(_papers()),
            "display_baudrate": ["2400", "4800", "9600", "19200"],
            "pole": ["led", "vfd"],
            "ports": serial_ports(),
        }

    def _config(self) -> DeviceConfig:
        from frontdesk.hardware.config import DeviceConfig, DeviceConfigInvalid, load_config

        try:
            return load_config(self.path)
        except (DeviceConfigInvalid, tomllib.TOMLDecodeError):
            return DeviceConfig()  # a broken file is shown as the defaults and fixed by saving

    def load(self) -> DeviceSettingsForm:
        c = self._config()
        configured = configured_scanner(self.path) is not None
        return DeviceSettingsForm(
            scanner_port=c.scanner.port if configured else "",
            scanner_baudrate=c.scanner.baudrate,
            scanner_framing=c.scanner.framing.terminator.value,
            printer_backend=c.printer.backend.value,
            printer_host=c.printer.host,
            printer_port=c.printer.port,
            paper=c.paper.name,
            display_port=c.display.port,
            display_baudrate=c.display.baudrate,
            display_pole=c.display.pole,
        )

    def _apply(self, form: DeviceSettingsForm) -> DeviceConfig:
        from frontdesk.hardware.escpos_printer import Backend
        from frontdesk.hardware.framing import Terminator

        c = self._config()
        try:
            framing = replace(c.scanner.framing, terminator=Terminator(form.scanner_framing))
            backend = Backend(form.printer_backend)
        except ValueError as exc:
            raise DeviceSettingsInvalid(str(exc)) from None
        paper: PaperProfile | None = _papers().get(form.paper)
        if paper is None:
            raise DeviceSettingsInvalid(f"未知纸张：{form.paper}")
        try:
            display = replace(
                c.display,
                port=form.display_port,
                baudrate=form.display_baudrate,
                pole=form.display_pole,
            )
        except ValueError:
            raise DeviceSettingsInvalid(f"未知客显类型：{form.display_pole}") from None
        return replace(
            c,
            scanner=replace(
                c.scanner, port=form.scanner_port, baudrate=form.scanner_baudrate, framing=framing
            ),
            printer=replace(
                c.printer, backend=backend, host=form.printer_host, port=form.printer_port
            ),
            paper=paper,
            display=display,
        )

    def save(self, form: DeviceSettingsForm) -> None:
        from frontdesk.hardware.config import save_config

        save_config(self._apply(form), self.path)
        for applier in self._appliers:
            applier()

    def test_scan(self, form: DeviceSettingsForm) -> CheckOutcome:
        if not form.scanner_port:
            return CheckOutcome(False, "未设置串口扫描枪（键盘式扫描枪无需设置）")
        from frontdesk.hardware import checks

        result = checks.test_scan(self._apply(form).scanner, _SCAN_TEST_SECONDS)
        return CheckOutcome(result.ok, result.message, result.detail)

    def test_print(self, form: DeviceSettingsForm) -> CheckOutcome:
        from frontdesk.hardware import checks

        config = self._apply(form)
        result = checks.test_print(config.printer, config.paper)
        return CheckOutcome(result.ok, result.message, result.detail)


def configured_display(engine: Engine) -> CustomerDisplay | None:
    """The customer display named in the device file ([display] port), if the till has one."""
    from frontdesk.hardware.config import DeviceConfigInvalid, load_config
    from frontdesk.hardware.customer_display import SerialCustomerDisplay

    path = devices_path(engine)
    try:
        settings = None if path is None else load_config(path).display
    except DeviceConfigInvalid:
        return None  # the device page says what is wrong; the sale goes on without a display
    return None if settings is None or not settings.port else SerialCustomerDisplay(settings)


def store_name(ctx: TillContext) -> str:
    """The name printed on cards: the till's own setting, else the program's."""
    with ctx.uow(write=False) as uow:
        return uow.settings.get("store_name") or ctx.program.store_name


def start_serial_scanner(settings: ScannerSettings, hub: ScanHub) -> SerialScanner:
    """A reader thread feeding the hub; the hub hops each scan and status onto the GUI thread."""
    from frontdesk.domain.scan import Scan
    from frontdesk.hardware.serial_scanner import SerialScanner

    def on_scan(scan: Scan) -> None:
        hub.deliver(scan)  # classified once, by the reader; the hub passes it on as it is

    scanner = SerialScanner(settings, on_scan=on_scan, on_status=hub.report_status)
    scanner.start()
    return scanner


def run_till_app(
    engine: Engine,
    ctx: TillContext,
    language: str,
    *,
    selftest: Path | None = None,
    staff_no: str = "1001",
    pin: str = "1001",
) -> int:
    """Open the till window on this database; returns the process exit code.

    With ``selftest`` the window opens offscreen for ``staff_no``, is saved as a PNG there, and
    the process exits: a check for installers and CI that the real window starts on this store.
    Head office's program prices the sales when the till holds a valid one; when it holds one
    that was refused, the window says so.
    """
    db = database_path(engine)
    if selftest is None and db is not None:
        # A new machine: the setup screen, not a login nobody could pass.
        provisioner = TillProvisioner(ctx, db)
        if not provisioner.is_set_up() and not run_setup(provisioner, language, RESOURCES):
            return 0
    ctx, program_problem = head_office_program(ctx)
    ctx = with_online_holds(ctx, engine)
    backend = ServicesTillBackend(
        ctx,
        receipt_text=receipt_text,
        display=configured_display(engine),
        exports=export_files(engine),
        recovery=books_recovery(engine),
    )
    if selftest is not None:
        return run_selftest(backend, selftest, staff_no, pin, language, RESOURCES)
    ensure_application()  # the hub is a QObject: the application comes first
    hub = ScanHub()
    path = devices_path(engine)
    devices = None if path is None else TomlDeviceSettings(path)
    # With no printer configured the queue still keeps every job: 重印 and PDF copies work.
    output = QueuedReceiptOutput(engine, path, backend.past_receipt, refunded=backend.was_refunded)
    cards = PdfCardOutput(path, database_path(engine), lambda: store_name(ctx))
    scanners: list[SerialScanner] = []

    def start_scanner() -> None:
        settings = configured_scanner(path)
        if settings is not None:
            scanners.append(start_serial_scanner(settings, hub))

    def restart_scanner() -> None:
        while scanners:
            scanners.pop().stop()
        start_scanner()

    if devices is not None:  # saved settings are used at once: no restart of the till
        devices.apply_with(output.rebuild)
        devices.apply_with(restart_scanner)
        devices.apply_with(lambda: backend.use_display(configured_display(engine)))

    try:
        return run_till(
            backend,
            language,
            RESOURCES,
            hub,
            devices,
            output,
            [start_scanner],
            sync=sync_control(engine, ctx),
            cards=cards,
            # Said once in the language the till opens in (it shows above the first sale).
            program_problem=None if program_problem is None else render(program_problem, language),
            crashes=None if path is None else CrashHandler(path.parent / "crash", ctx.now),
        )
    finally:
        output.stop()
        for scanner in scanners:
            scanner.stop()
