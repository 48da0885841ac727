"""A serial barcode scanner read on its own thread: whole classified scans, or a status."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import serial

from frontdesk.domain.scan import Scan, ScanRefused, classify
from frontdesk.hardware.framing import FrameAssembler, Framing

CONNECTED = "扫描枪已连接"
DISCONNECTED = "扫描枪已断开"
PARTIAL_DROPPED = "条码不完整，已丢弃，请重新扫描"
BAD_FRAMING = "条码格式不符（前缀/后缀不对），请检查扫描枪设置"
TOO_LONG = "收到超长数据（超过 {limit} 字节仍无结束符），已丢弃，请检查扫描枪的结束符设置"
HANDLER_FAILED = "处理扫描时出错：{error}"

# One trigger pull that sends its label twice sends the second frame within tens of
# milliseconds; a person presenting a second item takes at least a quarter of a second. A
# window set longer (1 s was the old default, and saved device files still carry it) is held
# to this, so a genuine second scan of the same product is never dropped.
DOUBLE_READ = 0.25


@dataclass(frozen=True)
class ScannerSettings:
    port: str = "/dev/ttyACM0"  # any pyserial URL: by-id path, hwgrep://, spy://, socket://
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"
    stopbits: float = 1
    framing: Framing = field(default_factory=Framing)
    # The same code again within this many seconds is the scanner reading one label twice; a
    # cashier scanning a second bottle of the same water is never that fast (see DOUBLE_READ).
    duplicate_window: float = 0.15
    reconnect_first: float = 0.2
    reconnect_max: float = 5.0
    exclusive: bool = True  # two tills on one port would steal each other's scans


class SerialScanner:
    """Calls on_scan with each accepted Scan and on_status with Chinese status text.

    Both callbacks run on the reader thread; the Qt layer turns them into signals.
    """

    def __init__(
        self,
        settings: ScannerSettings,
        on_scan: Callable[[Scan], None],
        on_status: Callable[[str], None],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self._on_scan = on_scan
        self._on_status = on_status
        self._clock = clock
        self._assembler = FrameAssembler(settings.framing)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_code = ""
        self._last_code_at = float("-inf")
        self.connected = False

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="serial-scanner", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            self._stop.set()
            thread.join(timeout)

    def __enter__(self) -> SerialScanner:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _open(self) -> serial.Serial:
        s = self.settings
        # serial_for_url gives a native Serial for device paths; URL handlers quack the same.
        return serial.serial_for_url(
            s.port,
            baudrate=s.baudrate,
            bytesize=s.bytesize,
            parity=s.parity,
            stopbits=s.stopbits,
            timeout=0.05,  # short, so stop() and stale-partial expiry are prompt
            exclusive=s.exclusive,
        )

    def _run(self) -> None:
        delay = self.settings.reconnect_first
        was_connected = True  # report the very first failure to open, too
        while not self._stop.is_set():
            try:
                port = self._open()
            except (serial.SerialException, OSError, ValueError):
                if was_connected:
                    was_connected = False
                    self._status(DISCONNECTED)
                self._stop.wait(delay)
                delay = min(delay * 2, self.settings.reconnect_max)
                continue
            delay = self.settings.reconnect_first
            was_connected = True
            try:
                self.connected = True
                self._status(CONNECTED)
                self._read_until_unplugged(port)
            except (serial.SerialException, OSError):
                self.connected = False
                was_connected = False  # reported once here; failed reopens stay quiet
                if not self._stop.is_set():
                    self._status(DISCONNECTED)
                self._stop.wait(delay)
            finally:
                self.connected = False
                self._assembler.reset()  # half a frame from before the unplug is never completed
                port.close()

    def _read_until_unplugged(self, port: serial.Serial) -> None:
        while not self._stop.is_set():
            data = port.read(port.in_waiting or 1)
            now = self._clock()
            if not data:
                if self._assembler.expire(now):
                    self._status(PARTIAL_DROPPED)
                continue
            if self._assembler.expire(now):
                self._status(PARTIAL_DROPPED)
            for frame in self._assembler.feed(data, now):
                if frame.too_long:
                    self._status(TOO_LONG.format(limit=self.settings.framing.max_frame))
                    continue
                if not frame.framed:
                    self._status(BAD_FRAMING)
                    continue
                self._deliver(frame.data.decode("ascii", errors="replace"), now)

    def _deliver(self, text: str, now: float) -> None:
        try:
            scan = classify(text)
        except ScanRefused as refused:
            self._status(refused.message)
            return
        # Measured from the last accepted read, so a deliberate second scan a moment later counts.
        window = min(self.settings.duplicate_window, DOUBLE_READ)
        if scan.code == self._last_code and now - self._last_code_at < window:
            return
        self._last_code, self._last_code_at = scan.code, now
        try:
            self._on_scan(scan)
        except Exception as exc:  # a bug in a handler must not kill the reader thread
            self._status(HANDLER_FAILED.format(error=exc))

    def _status(self, text: str) -> None:
        with contextlib.suppress(Exception):  # the status bar is best effort; scanning goes on
            self._on_status(text)
