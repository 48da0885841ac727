"""The composition root: builds the concrete adapters and hands them to the till window."""

from __future__ import annotations

import tomllib
from pathlib import Path

from sqlalchemy import Engine

from frontdesk.config import RESOURCES
from frontdesk.domain.scan import Scan
from frontdesk.hardware.config import load_config
from frontdesk.hardware.serial_scanner import ScannerSettings, SerialScanner
from frontdesk.services.context import TillContext
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.ui.main import ensure_application, run_selftest, run_till
from frontdesk.ui.scanning import ScanHub


def devices_path(engine: Engine) -> Path | None:
    """The device file lives next to the database: ``<db>.devices.toml``."""
    database = engine.url.database
    if not database or database == ":memory:":
        return None
    db = Path(database)
    return db.with_name(db.name + ".devices.toml")


def configured_scanner(path: Path | None) -> ScannerSettings | None:
    """The serial scanner's settings when the device file names a port; None for wedge only."""
    if path is None or not path.exists():
        return None
    with path.open("rb") as f:
        raw = tomllib.load(f)
    scanner = raw.get("scanner")
    if not isinstance(scanner, dict) or not str(scanner.get("port", "")).strip():
        return None
    return load_config(path).scanner


def start_serial_scanner(settings: ScannerSettings, hub: ScanHub) -> SerialScanner:
    """A reader thread feeding the hub; the hub hops each scan and status onto the GUI thread."""

    def on_scan(scan: Scan) -> None:
        hub.deliver(scan.code)

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
    """
    backend = ServicesTillBackend(ctx)
    if selftest is not None:
        return run_selftest(backend, selftest, staff_no, pin, language, RESOURCES)
    ensure_application()  # the hub is a QObject: the application comes first
    hub = ScanHub()
    path = devices_path(engine)
    scanner_settings = configured_scanner(path)
    scanner = None if scanner_settings is None else start_serial_scanner(scanner_settings, hub)
    try:
        return run_till(backend, language, RESOURCES, hub)
    finally:
        if scanner is not None:
            scanner.stop()
