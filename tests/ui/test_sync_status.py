"""Head-office sync in the till window: the indicator's words, the worker thread, 挂失 pushed."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from frontdesk.services.sync_control import SyncState, SyncStatus
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.ui.manager import ManagerDialog
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.sync_status import SyncRunner
from frontdesk.ui.till_window import TillWindow
from tests.ui.drivers import log_in, open_shift
from tests.ui.real_store import RealStore

SYNCED_AT = datetime(2026, 3, 10, 6, 5, tzinfo=UTC)
LOCAL = SYNCED_AT.astimezone().strftime("%H:%M")  # the indicator shows the till's own time
OFFLINE = SyncStatus(SyncState.OFFLINE, SYNCED_AT, "无法连接总部")
FAILED = SyncStatus(SyncState.FAILED, SYNCED_AT, "总部拒收账本")


class FakeSyncControl:
    """Head office as the window sees it; records which thread each call ran on."""

    def __init__(self, configured: bool = True) -> None:
        self.configured = configured
        self.after = SyncStatus(SyncState.SYNCED, SYNCED_AT)
        self.ticks: list[int] = []
        self.pushes: list[int] = []
        self.release = threading.Event()
        self.release.set()

    def status(self) -> SyncStatus:
        if not self.configured:
            return SyncStatus(SyncState.STANDALONE)
        return SyncStatus(SyncState.NOT_YET)

    def due(self) -> bool:
        return True

    def tick(self) -> SyncStatus:
        self.ticks.append(threading.get_ident())
        self.release.wait(10)
        return self.after

    def push_card_event(self) -> SyncStatus:
        self.pushes.append(threading.get_ident())
        return self.after

    def abort(self) -> None:
        self.release.set()


@pytest.fixture
def window(qtbot: QtBot, backend: ServicesTillBackend, hub: ScanHub) -> TillWindow:
    session = log_in(qtbot, backend)
    shift = open_shift(qtbot, backend, session)
    win = TillWindow(backend, hub, session, shift, sync=None)
    qtbot.addWidget(win)
    return win


@pytest.mark.parametrize(
    ("status", "text"),
    [
        (SyncStatus(SyncState.STANDALONE), "单店模式"),
        (SyncStatus(SyncState.NOT_YET), "总部：尚未同步"),
        (SyncStatus(SyncState.SYNCING, SYNCED_AT), "总部：同步中…"),
        (SyncStatus(SyncState.SYNCED, SYNCED_AT), f"总部：已同步 {LOCAL}"),
        (OFFLINE, f"总部：离线（上次同步 {LOCAL}）"),
        (SyncStatus(SyncState.OFFLINE), "总部：离线（从未同步）"),
        (FAILED, "总部：同步失败：总部拒收账本"),
    ],
)
def test_the_sync_indicator_names_each_state(
    zh: None, window: TillWindow, status: SyncStatus, text: str
) -> None:
    window.set_sync_status(status)

    assert window.sync_label.text() == text
    assert window.sync_label.isVisibleTo(window)


def test_a_standalone_till_says_so_and_never_syncs(
    qtbot: QtBot, zh: None, backend: ServicesTillBackend, hub: ScanHub
) -> None:
    control = FakeSyncControl(configured=False)
    runner = SyncRunner(control)
    session = log_in(qtbot, backend)
    win = TillWindow(backend, hub, session, open_shift(qtbot, backend, session), sync=runner)
    qtbot.addWidget(win)

    runner.start()
    runner.tick()
    runner.push_card_event()

    assert win.sync_label.text() == "单店模式"
    assert not runner.timer.isActive()
    assert control.ticks == control.pushes == []


def test_the_timer_runs_the_sync_off_the_gui_thread_and_the_window_shows_the_result(
    qtbot: QtBot, zh: None, backend: ServicesTillBackend, hub: ScanHub
) -> None:
    control = FakeSyncControl()
    control.release.clear()  # the sync hangs, as on a slow line, until the test lets it go
    runner = SyncRunner(control)
    runner.timer.setInterval(1)
    session = log_in(qtbot, backend)
    win = TillWindow(backend, hub, session, open_shift(qtbot, backend, session), sync=runner)
    qtbot.addWidget(win)

    runner.timer.start()
    qtbot.waitUntil(lambda: len(control.ticks) == 1)
    syncing = win.sync_label.text()
    control.release.set()
    qtbot.waitUntil(lambda: not runner.busy)
    runner.stop()

    assert control.ticks[0] != threading.get_ident()
    assert syncing == "总部：同步中…"
    assert win.sync_label.text() == f"总部：已同步 {LOCAL}"


def test_reporting_a_card_lost_pushes_it_to_head_office_at_once(
    qtbot: QtBot,
    real_store: RealStore,
    backend: ServicesTillBackend,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_shift(qtbot, backend, log_in(qtbot, backend))
    control = FakeSyncControl()
    runner = SyncRunner(control)
    dialog = ManagerDialog(backend, sync=runner)
    qtbot.addWidget(dialog)
    dialog.show_page("cards")
    dialog.card_page.card.edit.setText(real_store.gold)

    with qtbot.waitSignal(dialog.card_page.card_reported_lost):
        dialog.card_page.report_lost_button.click()
    qtbot.waitUntil(lambda: len(control.pushes) == 1)
    qtbot.waitUntil(lambda: not runner.busy)
    runner.stop()

    assert control.pushes[0] != threading.get_ident()
    assert control.ticks == []
