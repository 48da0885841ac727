"""Renders the till's key screens in both languages at three screen sizes, for docs and review.

Every scene is the real window on the real demo store (`frontdesk demo`, built through the use
cases into a temporary database on a fixed clock), so what the pictures show is what a cashier
at the demo store sees.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from frontdesk.app import TomlDeviceSettings
from frontdesk.config import load_program
from frontdesk.demo import DEMO_PRODUCTS, DemoMember, build_demo, ean13
from frontdesk.domain.approvals import ApprovalBinding
from frontdesk.domain.money import Fen
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.printing_setup import receipt_text
from frontdesk.services.context import TillContext
from frontdesk.services.device_settings import DeviceSettingsForm
from frontdesk.services.printing import PrinterFault
from frontdesk.services.sync_control import SyncState, SyncStatus
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.services.till_port import ApprovalAction, TenderKind
from frontdesk.ui.held_tickets import HeldTicketsDialog
from frontdesk.ui.i18n import Translations, default_resources, register_fonts
from frontdesk.ui.manager import ManagerDialog
from frontdesk.ui.manager.member_page import MemberPageDialog
from frontdesk.ui.product_search import ProductSearchDialog
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.tender import TenderDialog
from frontdesk.ui.till_window import TillWindow
from tests.builders import FixedClock, at
from tests.ui.quiet_printer import QuietPrinter

SIZES = ((1024, 768), (1366, 768), (1920, 1080))
# 09:41 on the till's own clock, wherever the screenshots are made.
SCENE_SYNCED_AT = datetime(2026, 3, 10, 9, 41).astimezone()
DEMO_DAY = at(2026, 3, 10, 9)  # the demo store is built on this day, so every picture is alike
CASHIER_NO, CASHIER_PIN = "1001", "1001"  # the demo's cashier


def product_code(name: str) -> str:
    """A demo product's EAN-13, as `build_demo` numbers them."""
    [index] = [i for i, (product, _, _) in enumerate(DEMO_PRODUCTS) if product == name]
    return ean13(f"69{index + 1:010d}")


# A diamond member's basket with a tobacco line the member discount leaves out.
BASKET = [
    product_code(name)
    for name in (
        "伊利纯牛奶 250ml×12",
        "五常大米 5kg",
        "农夫山泉 550ml",
        "农夫山泉 550ml",
        "中华香烟（软）",
    )
]


class DemoStore:
    """The demo store in a temporary database: its backend and its members by name."""

    def __init__(self, folder: Path) -> None:
        self.engine = open_database(folder / "demo.db", create=True)
        ctx = TillContext(SqlUnitOfWorkFactory(self.engine), FixedClock(DEMO_DAY), load_program())
        self.members: dict[str, DemoMember] = {m.name: m for m in build_demo(ctx)}
        self.backend = ServicesTillBackend(ctx, receipt_text=receipt_text)


DEVICES = DeviceSettingsForm(
    scanner_port="/dev/ttyUSB0",
    scanner_baudrate=9600,
    scanner_framing="CR",
    printer_backend="network",
    printer_host="192.168.1.100",
    printer_port=9100,
    paper="80mm",
)


class ScenePrinter(QuietPrinter):
    """A ReceiptOutput that prints nothing; the scenes set the fault the status bar shows."""


LANGUAGES = ("zh_CN", "en")


def _pump(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def _over(background: QWidget, dialog: QWidget, size: tuple[int, int]) -> QPixmap:
    """The screen as the cashier sees it: the till window with the dialog centred on top."""
    width, height = size
    background.resize(width, height)
    screen = background.grab()
    dialog.resize(min(dialog.width(), width - 40), min(dialog.height(), height - 40))
    dialog.show()  # lays the dialog out before it is painted
    app = QApplication.instance()
    if app is not None:
        app.processEvents()
    picture = dialog.grab()
    dialog.hide()
    painter = QPainter(screen)
    painter.fillRect(screen.rect(), QColor(0, 0, 0, 96))  # dim the till behind the dialog
    painter.drawPixmap(
        QPoint((width - picture.width()) // 2, (height - picture.height()) // 2), picture
    )
    painter.end()
    return screen


def _till_mid_sale(store: DemoStore, hub: ScanHub) -> TillWindow:
    backend = store.backend
    session = backend.login(CASHIER_NO, CASHIER_PIN)
    shift = backend.open_shift(Fen(50000))  # the demo's shift is still open: carried on
    window = TillWindow(backend, hub, session, shift, receipts=ScenePrinter())
    window.handle_code(store.members["刘洋"].card_no)
    for code in BASKET:
        window.handle_code(code)
    window.set_scanner_state("scanned", BASKET[-1])
    window.set_sync_status(SyncStatus(SyncState.SYNCED, SCENE_SYNCED_AT))
    return window


def write_screenshots(out: Path, sizes: tuple[tuple[int, int], ...] = SIZES) -> list[Path]:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    resources = default_resources()
    register_fonts(app, resources)
    translations = Translations(resources)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        for language in LANGUAGES:
            translations.install(app, language)
            for size in sizes:
                place = Path(folder) / f"{language}-{size[0]}x{size[1]}"
                place.mkdir()
                store = DemoStore(place)
                written += _scenes(app, store, place, f"{language}-{size[0]}x{size[1]}", size, out)
                store.engine.dispose()
    translations.install(app, "zh_CN")
    return written


def _scenes(
    app: QApplication,
    store: DemoStore,
    place: Path,
    tag: str,
    size: tuple[int, int],
    out: Path,
) -> list[Path]:
    """The ten scenes at one language and screen size, written as PNGs into `out`."""
    backend, hub = store.backend, ScanHub()
    window = _till_mid_sale(store, hub)
    window.resize(*size)
    window.show()
    _pump(app)
    shots: dict[str, QPixmap] = {"till": window.grab()}
    assert window.priced is not None
    tender = TenderDialog(backend, window.draft, window.priced, window.member, window)
    tender.ui.amount_edit.setText("100.00")
    tender.add_tender(TenderKind.STORED_VALUE)
    tender.ui.amount_edit.setText("100.00")
    tender.add_tender(TenderKind.CASH)
    tender.ui.pin_edit.setText("135")
    tender.resize(tender.sizeHint().expandedTo(tender.size()))
    shots["tender"] = _over(window, tender, size)
    manager = ManagerDialog(backend, hub, window)
    manager.show_page("cards")
    manager.card_page.card.edit.setText(store.members["陈静"].card_no)  # her card is lost
    manager.card_page.look_up()
    manager.resize(min(1100, size[0] - 80), min(720, size[1] - 60))
    shots["manager"] = _over(window, manager, size)
    devices = TomlDeviceSettings(place / "till.db.devices.toml")
    devices.save(DEVICES)
    settings = ManagerDialog(backend, hub, window, devices)
    settings.show_page("devices")
    settings.resize(min(1100, size[0] - 80), min(720, size[1] - 60))
    shots["devices"] = _over(window, settings, size)
    shots |= _desk_scenes(app, store, window, hub, size)
    # The printer switched off mid-shift: the sale went through, the receipt waits.
    window.set_printer_fault(PrinterFault.of("notice_printer_offline"))
    _pump(app)
    shots["print-fault"] = window.grab()
    written = []
    for name, pixmap in shots.items():
        path = out / f"{name}-{tag}.png"
        pixmap.save(str(path))
        written.append(path)
    for widget in (tender, manager, settings, window):
        widget.hide()
        widget.deleteLater()
    hub.deleteLater()
    _pump(app)
    return written


def _desk_scenes(
    app: QApplication, store: DemoStore, window: TillWindow, hub: ScanHub, size: tuple[int, int]
) -> dict[str, QPixmap]:
    """Product search, held tickets, the line refund, the member page and the audit log."""
    backend, shots = store.backend, {}
    search = ProductSearchDialog(backend, window)
    search.query_edit.setText("nfsq")  # 农夫山泉 by its pinyin initials
    search.resize(min(900, size[0] - 80), min(560, size[1] - 80))
    shots["search"] = _over(window, search, size)
    held = backend.hold_ticket(window.draft, window.member.name if window.member else "")
    held_list = HeldTicketsDialog(backend.held_tickets(), window)
    held_list.resize(min(760, size[0] - 80), 420)
    shots["held"] = _over(window, held_list, size)
    zhang = store.members["张伟"]
    [hit] = backend.search_members(zhang.phone[-4:])
    history = backend.member_history(hit.member_id)
    sale = next(t.receipt_no for t in history.tickets if t.kind == "sale")
    approval = backend.approve(
        ApprovalBinding(ApprovalAction.MANAGER_SCREENS, CASHIER_NO), "8001", "8001"
    )
    manager = ManagerDialog(backend, hub, window, approval=approval, member=window.member)
    manager.resize(min(1100, size[0] - 80), min(720, size[1] - 60))
    manager.show_page("refund")
    manager.refund_page.receipt_edit.setText(sale)
    manager.refund_page.load()
    manager.refund_page.set_quantity(0, 1)  # one of the two 伊利纯牛奶
    shots["refund"] = _over(window, manager, size)
    manager.show_page("audit")
    shots["audit"] = _over(window, manager, size)
    manager.reject()
    [liu] = backend.search_members(store.members["刘洋"].phone)
    page = MemberPageDialog(backend, liu.member_id, window)
    page.resize(min(1000, size[0] - 80), min(620, size[1] - 80))
    shots["member"] = _over(window, page, size)
    backend.recall_ticket(held.held_no)  # the till's ticket back as it was, for the scenes after
    for widget in (search, held_list, manager, page):
        widget.deleteLater()
    return shots


if __name__ == "__main__":
    for path in write_screenshots(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(path)  # noqa: T201
