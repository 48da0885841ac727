"""The till as the app starts it: a serial scanner feeding the window, and `till --selftest`."""

from __future__ import annotations

import gc
import os
import shutil
import signal
import subprocess
import sys
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from frontdesk.app import configured_scanner, start_serial_scanner
from frontdesk.hardware.serial_scanner import ScannerSettings
from frontdesk.ui.main import settle_heap
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.till_window import TillWindow
from tests.ui.drivers import till_window
from tests.ui.real_store import CASHIER_NO, CASHIER_PIN, RealStore

DEADLINE_MS = 10_000  # bounds a failing wait only; a passing one returns at once


class PtyPair:
    """socat's two linked ptys: the till reads `till`, the test is the scanner on `scan`."""

    def __init__(self, directory: Path) -> None:
        self.till = directory / "ttyTILL"
        self.scan = directory / "ttySCAN"
        self.process = subprocess.Popen(
            [
                "socat",
                "-d",
                "-d",
                f"pty,raw,echo=0,link={self.till}",
                f"pty,raw,echo=0,link={self.scan}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def ready(self) -> bool:
        return self.till.exists() and self.scan.exists()

    def write(self, data: bytes) -> None:
        fd = os.open(self.scan, os.O_WRONLY | os.O_NOCTTY)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)

    def close(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(DEADLINE_MS / 1000)


@pytest.fixture
def ptys(tmp_path: Path, qtbot: QtBot) -> Iterator[PtyPair]:
    if shutil.which("socat") is None:
        pytest.fail("socat is not installed (apt-get install socat)")
    pair = PtyPair(tmp_path)
    qtbot.waitUntil(pair.ready, timeout=DEADLINE_MS)
    yield pair
    pair.close()


def test_a_member_card_written_into_the_serial_port_shows_that_member(
    qtbot: QtBot, real_store: RealStore, hub: ScanHub, ptys: PtyPair
) -> None:
    window: TillWindow = till_window(qtbot, real_store.backend, hub, CASHIER_NO, CASHIER_PIN)
    scanner = start_serial_scanner(ScannerSettings(port=str(ptys.till)), hub)
    try:
        qtbot.waitUntil(lambda: scanner.connected, timeout=DEADLINE_MS)

        with qtbot.waitSignal(window.member_changed, timeout=DEADLINE_MS):
            ptys.write(real_store.card.encode("ascii") + b"\r")

        assert window.ui.member_name_label.text() == "张伟"
        assert window.ui.principal_value_label.text() == "￥500.00"
        qtbot.waitUntil(
            lambda: (
                "扫描枪已连接" in window.scanner_label.text()
                or real_store.card in window.scanner_label.text()
            ),
            timeout=DEADLINE_MS,
        )
    finally:
        scanner.stop()


def test_a_device_file_without_a_scanner_port_means_keyboard_wedge_only(tmp_path: Path) -> None:
    devices = tmp_path / "till.db.devices.toml"
    devices.write_text('[printer]\nbackend = "network"\n', encoding="utf-8")

    assert configured_scanner(devices) is None
    assert configured_scanner(tmp_path / "missing.toml") is None
    devices.write_text('[scanner]\nport = "/dev/ttyUSB0"\nbaudrate = 115200\n', encoding="utf-8")
    found = configured_scanner(devices)
    assert found is not None
    assert (found.port, found.baudrate) == ("/dev/ttyUSB0", 115200)


def test_till_selftest_opens_the_real_window_on_the_demo_store_and_saves_it(
    tmp_path: Path,
) -> None:
    db, png = tmp_path / "demo.db", tmp_path / "till.png"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # --selftest must choose offscreen by itself
    cli = [sys.executable, "-m", "frontdesk.cli", "--db", str(db)]
    subprocess.run([*cli, "demo"], env=env, check=True, capture_output=True, timeout=120)

    done = subprocess.run(
        [*cli, "till", "--selftest", str(png)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "ready"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 10_000


def test_opening_the_till_loads_no_device_driver_before_the_window_is_shown() -> None:
    # Printer, scanner and PDF drivers load after the window is up (cold start); see app.py.
    probe = (
        "import sys, frontdesk.app, frontdesk.ui.main;"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules} & {"
        "'escpos', 'serial', 'reportlab', 'barcode', 'PIL', 'alembic', 'psycopg'})))"
    )

    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )

    assert done.stdout.strip() == ""


def test_settling_the_heap_freezes_what_exists_and_thaws_the_last_shifts_first() -> None:
    class Cycle:
        def __init__(self) -> None:
            self.me = self

    gone = weakref.ref(Cycle())  # garbage only a collection frees, like a closed window's wrappers
    gc.freeze()  # frozen by an earlier shift's settle_heap

    settle_heap()

    try:
        assert gone() is None  # thawed and collected, not left frozen for the rest of the day
        assert gc.get_freeze_count() > 0  # what is alive now stays out of later full collections
    finally:
        gc.unfreeze()  # the test process goes on as it was
