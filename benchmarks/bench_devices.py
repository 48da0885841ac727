"""Device figures: receipt rendering (ESC/POS, PDF) and scan latency through a socat pty pair.

Run: .venv/bin/python benchmarks/bench_devices.py  (needs socat). Prints figures; asserts nothing.
"""

from __future__ import annotations

import os
import queue
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from frontdesk.domain.scan import Scan, gtin_check_digit
from frontdesk.hardware import sample_receipts
from frontdesk.hardware.escpos_receipt import PAPER_58MM, PAPER_80MM, render_escpos
from frontdesk.hardware.framing import Framing, Terminator
from frontdesk.hardware.pdf_receipt import render_pdf
from frontdesk.hardware.serial_scanner import ScannerSettings, SerialScanner


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return f"p50 {p50 * 1000:7.2f} ms   p99 {p99 * 1000:7.2f} ms   (n={len(ordered)})"


def timed(action: Callable[[], object], runs: int) -> list[float]:
    action()  # warm-up: font registration, imports
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        out.append(time.perf_counter() - start)
    return out


def bench_rendering() -> None:
    sale = sample_receipts.sale()
    print("receipt rendering (sample sale):")
    print("  ESC/POS 58 mm ", percentiles(timed(lambda: render_escpos(sale, PAPER_58MM), 300)))
    print("  ESC/POS 80 mm ", percentiles(timed(lambda: render_escpos(sale, PAPER_80MM), 300)))
    print("  PDF 80 mm     ", percentiles(timed(lambda: render_pdf(sale), 100)))


def bench_scan_latency(scans: int = 250) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        till, scan_end = Path(tmp) / "ttyTILL", Path(tmp) / "ttySCAN"
        socat = subprocess.Popen(
            ["socat", f"pty,raw,echo=0,link={till}", f"pty,raw,echo=0,link={scan_end}"],
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 10
            while not (till.exists() and scan_end.exists()) and time.monotonic() < deadline:
                time.sleep(0.01)
            arrived: queue.Queue[tuple[float, Scan]] = queue.Queue()
            settings = ScannerSettings(port=str(till), framing=Framing(Terminator.CR))
            reader = SerialScanner(
                settings, lambda s: arrived.put((time.perf_counter(), s)), lambda _: None
            )
            with reader:
                while not reader.connected and time.monotonic() < deadline:
                    time.sleep(0.01)
                fd = os.open(scan_end, os.O_WRONLY | os.O_NOCTTY)
                latencies = []
                try:
                    for i in range(scans):
                        payload = f"690{i:09d}"  # a new code each time: no double-read filter
                        frame = (payload + gtin_check_digit(payload) + "\r").encode()
                        sent = time.perf_counter()
                        os.write(fd, frame)
                        got, _ = arrived.get(timeout=10)
                        latencies.append(got - sent)
                finally:
                    os.close(fd)
        finally:
            socat.terminate()
            socat.wait()
    print("scan latency, frame written into the pty → on_scan callback (9600 8N1 nominal):")
    print("  EAN-13 + CR   ", percentiles(latencies))


if __name__ == "__main__":
    print(f"cores: {os.cpu_count()}  load: {os.getloadavg()[0]:.2f}")
    bench_rendering()
    bench_scan_latency()
