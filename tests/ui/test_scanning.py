from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from frontdesk.domain.scan import Scan, ScanKind, Symbology
from frontdesk.ui.scanning import ScanHub, WedgeScanFilter


class SteppedClock:
    """Monotonic seconds that move on by a fixed step each time they are read."""

    def __init__(self, step: float) -> None:
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@pytest.fixture
def field(qtbot: QtBot) -> QLineEdit:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    return edit


def install(qapp: QApplication, hub: ScanHub, clock: SteppedClock) -> WedgeScanFilter:
    scan_filter = WedgeScanFilter(hub, clock=clock)
    qapp.installEventFilter(scan_filter)
    return scan_filter


@pytest.fixture
def fast(qapp: QApplication, hub: ScanHub) -> Iterator[WedgeScanFilter]:
    scan_filter = install(qapp, hub, SteppedClock(0.005))
    yield scan_filter
    qapp.removeEventFilter(scan_filter)


@pytest.fixture
def slow(qapp: QApplication, hub: ScanHub) -> Iterator[WedgeScanFilter]:
    scan_filter = install(qapp, hub, SteppedClock(0.120))
    yield scan_filter
    qapp.removeEventFilter(scan_filter)


def test_a_fast_burst_ending_in_enter_is_a_scan_and_never_reaches_the_field(
    qtbot: QtBot, hub: ScanHub, field: QLineEdit, fast: WedgeScanFilter
) -> None:
    with qtbot.waitSignal(hub.scanned) as scanned:
        qtbot.keyClicks(field, "6901234567892")
        qtbot.keyClick(field, Qt.Key.Key_Return)

    assert scanned.args == [Scan(ScanKind.PRODUCT, "6901234567892", Symbology.EAN13)]
    assert field.text() == ""


def test_typing_at_human_speed_reaches_the_field(
    qtbot: QtBot, hub: ScanHub, field: QLineEdit, slow: WedgeScanFilter
) -> None:
    scans: list[Scan] = []
    hub.scanned.connect(scans.append)

    qtbot.keyClicks(field, "Zhang San 123")

    qtbot.waitUntil(lambda: field.text() == "Zhang San 123")
    assert scans == []


def test_a_short_fast_entry_is_given_back_to_the_field(
    qtbot: QtBot, hub: ScanHub, field: QLineEdit, fast: WedgeScanFilter
) -> None:
    returned: list[bool] = []
    field.returnPressed.connect(lambda: returned.append(True))

    qtbot.keyClicks(field, "42")
    qtbot.keyClick(field, Qt.Key.Key_Return)

    assert field.text() == "42"
    assert returned == [True]


def test_a_reader_thread_delivers_on_the_gui_thread(qtbot: QtBot, hub: ScanHub) -> None:
    seen: list[bool] = []
    hub.scanned.connect(
        lambda _code: seen.append(threading.current_thread() is threading.main_thread())
    )

    with qtbot.waitSignal(hub.scanned) as scanned:
        card = Scan(ScanKind.MEMBER_CARD, "800101000000017")  # classified by the reader
        worker = threading.Thread(target=hub.deliver, args=(card,))
        worker.start()
        worker.join()

    assert scanned.args == [card]
    assert seen == [True]
