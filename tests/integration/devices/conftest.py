"""Fixtures for device tests: a socat pty pair that can be unplugged, a loopback TCP printer."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Generous: the deadlines only bound a failing test; a passing one returns as soon as it can.
DEADLINE = 10.0


def wait_until(condition: Callable[[], bool], timeout: float = DEADLINE) -> bool:
    """Poll condition until it holds or the deadline passes; never a fixed sleep."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.005)
    return condition()


class SocatPair:
    """Two linked ptys: the till opens `till`, the test plays the scanner on `scan`."""

    def __init__(self, directory: Path) -> None:
        self.till = directory / "ttyTILL"
        self.scan = directory / "ttySCAN"
        self._process: subprocess.Popen[bytes] | None = None

    def plug(self) -> None:
        assert self._process is None, "already plugged in"
        self._process = subprocess.Popen(
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
        assert wait_until(lambda: self.till.exists() and self.scan.exists()), "socat not ready"

    def unplug(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        process.send_signal(signal.SIGTERM)
        process.wait(DEADLINE)
        assert wait_until(lambda: not self.till.exists() and not self.scan.exists())

    def write(self, data: bytes) -> None:
        """What a scanner sends: written to the scanner end in one write() call."""
        fd = os.open(self.scan, os.O_WRONLY | os.O_NOCTTY)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)


@pytest.fixture
def socat_pair(tmp_path: Path) -> Iterator[SocatPair]:
    if shutil.which("socat") is None:
        pytest.fail("socat is not installed (apt-get install socat)")
    pair = SocatPair(tmp_path)
    pair.plug()
    yield pair
    pair.unplug()


class LoopbackPrinter:
    """A network receipt printer on 127.0.0.1 that keeps every job's bytes.

    It is bound from the start but only accepts after listen(), so before that a connection is
    refused exactly as with a printer that is switched off.
    """

    def __init__(self) -> None:
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._server.bind(("127.0.0.1", 0))
        self.port: int = self._server.getsockname()[1]
        self.jobs: list[bytes] = []
        self._thread: threading.Thread | None = None

    def listen(self) -> None:
        self._server.listen(8)
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._server.accept()
            except OSError:
                return  # closed
            with conn:
                chunks = []
                while chunk := conn.recv(65536):
                    chunks.append(chunk)
                self.jobs.append(b"".join(chunks))

    def close(self) -> None:
        # shutdown wakes a thread blocked in accept() before the socket goes away
        with contextlib.suppress(OSError):
            self._server.shutdown(socket.SHUT_RDWR)
        self._server.close()
        if self._thread is not None:
            self._thread.join(DEADLINE)


STATUS_REQUEST = b"\x10\x04"


class StatusPrinter:
    """127.0.0.1: reads everything and answers each DLE EOT with a status byte, or never reads."""

    def __init__(self, *, reads: bool) -> None:
        self.reads = reads
        self.received = bytearray()
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._held: list[socket.socket] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._server.accept()
            except OSError:
                return
            self._held.append(conn)
            if not self.reads:
                continue  # accepts, then never reads nor answers
            with contextlib.suppress(OSError):
                while chunk := conn.recv(65536):
                    self.received += chunk
                    for _ in range(chunk.count(STATUS_REQUEST)):
                        conn.sendall(b"\x12")  # online, paper present, no error

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._server.shutdown(socket.SHUT_RDWR)
        self._server.close()
        for c in self._held:
            c.close()


@pytest.fixture
def loopback_printer() -> Iterator[LoopbackPrinter]:
    printer = LoopbackPrinter()
    yield printer
    printer.close()
