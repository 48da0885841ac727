"""Scan latency to the member panel and cold start of the real till.

Run from the repository root:
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_ui [--members 1000000] [--db PATH]
Seeds the store with bench_core's `seed()` (or reuses --db), then prints p50/p99 of the time from
a scan (`ScanHub.deliver`, and the Enter closing a keyboard-wedge burst) to the member panel
showing the member, and the time from process start to the window shown with the scan field
focused. A benchmark, not a test: it asserts nothing about time. A product scan to its line
painted is bench_scan_line's, against its floor.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from tests.builders import FixedClock

from benchmarks.bench_core import NOW, seed
from frontdesk.config import RESOURCES, load_program
from frontdesk.domain.cards import make_card_number
from frontdesk.domain.money import Fen
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.printing_setup import receipt_text
from frontdesk.services.context import TillContext
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.ui.main import prepare_application
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.till_window import TillWindow


def pct(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p99 * 1000


def _until(app: QApplication, done: list[float]) -> float:
    while not done:
        app.processEvents()
    return done.pop()


def scan_latency(
    app: QApplication, window: TillWindow, hub: ScanHub, cards: list[str]
) -> tuple[list[float], list[float]]:
    """(hub.deliver → panel, wedge Enter → panel) for each card, alternating the two ways in."""
    shown: list[float] = []
    window.member_changed.connect(lambda: shown.append(time.perf_counter()))
    via_hub: list[float] = []
    via_wedge: list[float] = []
    for i, card in enumerate(cards):
        if i % 2 == 0:
            start = time.perf_counter()
            hub.deliver(card)
            via_hub.append(_until(app, shown) - start)
        else:
            for ch in card:
                QTest.keyClick(window.ui.scan_edit, Qt.Key(ord(ch)))  # digits: key code = ASCII
            start = time.perf_counter()
            QTest.keyClick(window.ui.scan_edit, Qt.Key.Key_Return)
            via_wedge.append(_until(app, shown) - start)
        assert window.member is not None
        assert window.member.card_no == card
    return via_hub, via_wedge


def cold_start(db: Path, runs: int) -> list[float]:
    """Process start → "ready" (window shown, scan field focused), in a fresh interpreter."""
    samples = []
    for i in range(runs):
        out = db.with_name(f"cold-{i}.png")
        start = time.perf_counter()
        proc = subprocess.Popen(
            [
                *(sys.executable, "-m", "frontdesk.cli", "--db", str(db)),
                *("--staff", "9001", "--pin", "9001", "till", "--selftest", str(out)),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        ready = time.perf_counter() - start
        proc.wait(60)
        if line != "ready":
            raise SystemExit(f"selftest failed: {line!r}")
        samples.append(ready)
    return samples


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=1_000_000)
    ap.add_argument("--entries", type=int, help="ledger entries to seed (default: = members)")
    ap.add_argument("--db", type=Path, help="reuse (or build once) this store")
    ap.add_argument("--scans", type=int, default=400)
    ap.add_argument("--cold-runs", type=int, default=5)
    args = ap.parse_args()
    path = args.db or Path(tempfile.mkdtemp(prefix="frontdesk-bench-ui-")) / "store.db"
    t0 = time.perf_counter()
    if not path.exists():
        seed(path, args.members, args.entries if args.entries is not None else args.members)
        print(f"store: {args.members:,} members, built in {time.perf_counter() - t0:.1f} s")
    else:
        print(f"store: reusing {path}")

    app, _translations, hub = prepare_application("zh_CN", RESOURCES)
    engine = open_database(path)
    ctx = TillContext(SqlUnitOfWorkFactory(engine), FixedClock(NOW), load_program())
    backend = ServicesTillBackend(ctx, receipt_text=receipt_text)
    session = backend.login("9001", "9001")
    shift = backend.open_shift(Fen(0))
    window = TillWindow(backend, hub, session, shift)
    window.show()
    app.processEvents()
    rng = random.Random(11)
    cards = [make_card_number(1, 1, rng.randrange(args.members) + 1, 0) for _ in range(args.scans)]
    via_hub, via_wedge = scan_latency(app, window, hub, cards)
    h50, h99 = pct(via_hub)
    w50, w99 = pct(via_wedge)
    print(f"scan → member panel, hub.deliver: p50 {h50:.2f} ms  p99 {h99:.2f} ms  ({len(via_hub)})")
    print(
        f"scan → member panel, wedge burst (from its Enter): p50 {w50:.2f} ms  p99 {w99:.2f} ms"
        f"  ({len(via_wedge)})"
    )
    window.close()
    engine.dispose()
    cold = cold_start(path, args.cold_runs)
    print(
        f"cold start → window shown, scan field focused: median {statistics.median(cold):.2f} s"
        f"  max {max(cold):.2f} s  ({len(cold)} runs)"
    )


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    # PySide6 6.x can abort while the interpreter finalises its objects after QTest key clicks;
    # the figures are printed, so leave without running that teardown.
    os._exit(0)
