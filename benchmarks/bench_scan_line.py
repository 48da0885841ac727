"""Scan → line painted on the real till window, against a floor measured in the same run.

Run from the repository root:
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_scan_line [--scans 600]
Builds a small store (the members do not matter to a product scan) with 40 products, then
delivers product scans through the ScanHub as a scanner does, in baskets of 1 to 20 scans (the
same product again adds to its line). A scan is timed from `ScanHub.deliver` until the window
has painted what the scan changed: the scan handled, then the posted paint requests delivered
(every dirty widget painted and flushed), which is what the cashier sees. The open ticket's
write for a restart (SQLite, an fsync) is timed on its own, from the same scan to on disk.

The floor is the same scans into a bare QTableView over a QStandardItemModel: the backend's
add_product and price for the same ticket, the changed row's seven texts set, the same paint.
Till and floor scans alternate, so both see the same load. Printed: p50, p99, mean and CPU of
each, the ratio to the floor, the 1-minute load average (a loaded machine explains a slow run),
and how long a full garbage collection takes after the scans, with the heap as the till leaves
it (one can start inside any scan). A benchmark, not a test, but it exits 1 when the till's p99
misses issue 13's target (50 ms), so a slower line cannot pass unseen.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView
from tests.builders import FixedClock

from benchmarks.bench_core import NOW, seed
from frontdesk.config import RESOURCES, load_program
from frontdesk.demo import ean13
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import LineInput, Product
from frontdesk.domain.scan import Scan
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.printing_setup import receipt_text
from frontdesk.services.context import TillContext
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.services.till_port import TicketDraft
from frontdesk.ui.main import prepare_application, settle_heap
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.till_window import TillWindow

TARGET_P99_MS = 50.0  # issue 13: scan → line < 50 ms
ITEMS = ["农夫山泉矿泉水 550ml", "康师傅红烧牛肉面", "伊利纯牛奶 250ml", "金龙鱼食用油 5L"]
PRODUCTS = 40
BASKET = 20


@dataclass
class Figures:
    wall: list[float]
    cpu: list[float]

    def line(self) -> str:
        p50, p99 = pct(self.wall)
        mean = statistics.fmean(self.wall) * 1000
        cpu = statistics.fmean(self.cpu) * 1000
        return f"p50 {p50:.2f} ms  p99 {p99:.2f} ms  mean {mean:.2f} ms  CPU {cpu:.2f} ms a scan"


def pct(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p99 * 1000


def build_store(path: Path) -> list[str]:
    """bench_core's store with a handful of members and PRODUCTS products; their barcodes."""
    seed(path, 1000, 1000)
    engine = open_database(path)
    ctx = TillContext(SqlUnitOfWorkFactory(engine), FixedClock(NOW), load_program())
    codes = [ean13(f"691{i:09d}") for i in range(PRODUCTS)]
    with ctx.uow() as uow:
        uow.products.upsert_many(
            [
                Product(c, f"{ITEMS[i % len(ITEMS)]} {i}", Fen(150 + 37 * i))
                for i, c in enumerate(codes)
            ]
        )
        uow.commit()
    engine.dispose()
    return codes


def open_till(path: Path) -> tuple[QApplication, ScanHub, ServicesTillBackend, TillWindow]:
    """The real till window on the store, logged in with a shift open, shown."""
    app, _translations, hub = prepare_application("zh_CN", RESOURCES)
    engine = open_database(path)
    ctx = TillContext(SqlUnitOfWorkFactory(engine), FixedClock(NOW), load_program())
    backend = ServicesTillBackend(ctx, receipt_text=receipt_text)
    session = backend.login("9001", "9001")
    window = TillWindow(backend, hub, session, backend.open_shift(Fen(0)))
    window.show()
    app.processEvents()
    settle_heap()  # as run_till does once the window is up
    return app, hub, backend, window


class FloorTable(QTableView):
    """The least a till can do for a scan: the service calls and a bare table's row."""

    def __init__(self, backend: ServicesTillBackend, hub: ScanHub) -> None:
        super().__init__()
        self._backend = backend
        self.items = QStandardItemModel(0, 7, self)
        self.setModel(self.items)
        self.draft = TicketDraft()
        self.done: list[float] = []
        hub.scanned.connect(self._on_scanned)

    def clear(self) -> None:
        self.draft = TicketDraft()
        self.items.setRowCount(0)

    def _on_scanned(self, scan: Scan) -> None:
        product = self._backend.add_product(scan.code)
        lines = list(self.draft.lines)
        same = [i for i, line in enumerate(lines) if line.product.barcode == product.barcode]
        row = same[-1] if same else len(lines)
        if same:
            lines[row] = replace(lines[row], quantity=lines[row].quantity + 1)
        else:
            lines.append(LineInput(product, 1))
        self.draft = replace(self.draft, lines=tuple(lines))
        line = self._backend.price(self.draft).lines[row]
        texts = (
            line.line_no,
            line.product.name,
            line.quantity,
            line.price,
            line.gross,
            "",
            line.net,
        )
        if row == self.items.rowCount():
            self.items.appendRow([QStandardItem(str(t)) for t in texts])
        else:
            for column, text in enumerate(texts):
                self.items.item(row, column).setText(str(text))
        self.selectRow(row)
        self.done.append(time.perf_counter())


def _painted(app: QApplication, done: list[float]) -> None:
    """Until the scan was handled, then the paints it posted: what the cashier sees."""
    while not done:
        app.processEvents()
    done.clear()
    # Only the posted events (the widgets' update requests), not the timers due after them.
    QCoreApplication.sendPostedEvents()


def time_scan(app: QApplication, hub: ScanHub, code: str, done: list[float]) -> tuple[float, float]:
    start, start_cpu = time.perf_counter(), time.process_time()
    hub.deliver(code)
    _painted(app, done)
    return time.perf_counter() - start, time.process_time() - start_cpu


def kept(app: QApplication, window: TillWindow) -> None:
    """Until the open ticket's copy for a restart is written (at once if it was already)."""
    while window.keep_pending:
        app.processEvents()


def measure(
    app: QApplication,
    hubs: tuple[ScanHub, ScanHub],
    window: TillWindow,
    floor: FloorTable,
    codes: list[str],
) -> tuple[Figures, Figures, list[float]]:
    """(till, floor, scan → kept on disk), till and floor scans alternating."""
    till, bare, on_disk = Figures([], []), Figures([], []), []
    done: list[float] = []
    window.ticket_changed.connect(lambda: done.append(time.perf_counter()))
    hub, floor_hub = hubs
    for i, code in enumerate(codes):
        if i % BASKET == 0:
            window.cancel_sale()
            floor.clear()
            kept(app, window)
            app.processEvents()
            done.clear()
        start = time.perf_counter()
        wall, cpu = time_scan(app, hub, code, done)
        till.wall.append(wall)
        till.cpu.append(cpu)
        kept(app, window)
        on_disk.append(time.perf_counter() - start)
        assert any(line.product.barcode == code for line in window.draft.lines)
        wall, cpu = time_scan(app, floor_hub, code, floor.done)
        bare.wall.append(wall)
        bare.cpu.append(cpu)
        app.processEvents()  # the moment between two scans: whatever is left runs here
    window.cancel_sale()
    return till, bare, on_disk


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scans", type=int, default=600)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="frontdesk-bench-scan-") as tmp:
        path = Path(tmp) / "store.db"
        codes = build_store(path)
        app, hub, backend, window = open_till(path)
        hubs = (hub, ScanHub())
        floor = FloorTable(backend, hubs[1])
        floor.resize(window.ui.lines_view.size())
        floor.show()
        rng = random.Random(13)
        measure(app, hubs, window, floor, [rng.choice(codes) for _ in range(BASKET * 2)])  # warm
        till, bare, on_disk = measure(
            app, hubs, window, floor, [rng.choice(codes) for _ in range(args.scans)]
        )
        started = time.perf_counter()
        gc.collect()  # a full collection can start inside any scan: its length is a worst case
        collection = (time.perf_counter() - started) * 1000
        window.close()
        floor.close()
    p99 = pct(till.wall)[1]
    print(f"scan → line painted, {args.scans} product scans in baskets of 1–{BASKET}:")
    print(f"  till window: {till.line()}")
    print(f"  floor (bare QTableView + QStandardItemModel, same service calls): {bare.line()}")
    ratio50 = pct(till.wall)[0] / pct(bare.wall)[0]
    print(f"  till / floor: p50 {ratio50:.1f}x, p99 {p99 / pct(bare.wall)[1]:.1f}x", end="")
    print(f"; load average {os.getloadavg()[0]:.2f}")
    d50, d99 = pct(on_disk)
    print(
        f"  scan → open ticket on disk (its copy for a restart): p50 {d50:.2f} ms  p99 {d99:.2f} ms"
    )
    print(f"  a full garbage collection after the scans (a scan can meet one): {collection:.1f} ms")
    if p99 >= TARGET_P99_MS:
        print(f"MISSED: p99 {p99:.2f} ms, target < {TARGET_P99_MS:.0f} ms")
        sys.stdout.flush()
        os._exit(1)
    print(f"target met: p99 < {TARGET_P99_MS:.0f} ms")


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    # PySide6 6.x can abort while the interpreter finalises its objects; the figures are out.
    os._exit(0)
