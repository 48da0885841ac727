"""The till window syncs by itself: at start and again after its interval, on the real clock.

A real window on a copy of the real store, enrolled to the loopback PostgreSQL as `frontdesk hq
init` enrols a till; the sync control is the one app.py builds. Nobody presses 立即同步.
"""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from frontdesk.config import SystemClock
from frontdesk.domain.money import Fen
from frontdesk.printing_setup import receipt_text
from frontdesk.services import accounts
from frontdesk.services.context import TillContext
from frontdesk.services.sync_control import SchedulerSyncControl, SyncState, SyncStatus
from frontdesk.services.sync_schedule import EVERY_SETTING
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.sync import credentials
from frontdesk.sync.hq_engine import migrate_hq
from frontdesk.sync_setup import sync_control
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.sync_status import SyncRunner
from frontdesk.ui.till_window import TillWindow
from tests.integration.sync.conftest import (
    MovableClock,
    Till,
    connect_till,
    hq_admin,
    hq_admin_url,
    hq_rows,
)
from tests.integration.sync.silent_proxy import SilentProxy, proxy
from tests.ui.drivers import log_in, open_shift
from tests.ui.real_store import CASHIER_NO, RealStore

__all__ = ["hq_admin", "hq_admin_url", "proxy"]  # head office's fixtures, for the tests here

_TILL_BOOKS = [
    "tender",
    "ticket_line",
    "ticket",
    "ledger_entry",
    "audit_log",
    "change_event",
    "sync_cursor",
    "till_head",
    "till_chain_head",
]
INTERVAL_S = 3.0
WAIT_MS = 30_000  # bounds a failing wait only


@pytest.fixture
def live(real_store: RealStore, hq_admin: Engine) -> TillContext:
    """The real store on the real clock, enrolled at head office, syncing every few seconds."""
    ctx = replace(real_store.till.ctx, clock=SystemClock())
    with ctx.uow() as uow:
        till_id = uow.settings.get("till_id") or ""
        uow.settings.set(EVERY_SETTING, str(INTERVAL_S / 60))
        uow.commit()
    till = real_store.till
    # Each test's store is a fresh copy of the same till: head office forgets the last copy's
    # chain, or it would rightly refuse this one as a till restored from an old backup.
    migrate_hq(hq_admin)
    with hq_admin.begin() as conn:
        for table in _TILL_BOOKS:
            conn.execute(text(f"DELETE FROM {table} WHERE till_id = :t"), {"t": till_id})
    connect_till(Till(till.path, till.engine, ctx, MovableClock(), till_id), hq_admin)
    return ctx


def _everything_at_head_office(ctx: TillContext, engine: Engine, hq_admin: Engine) -> bool:
    with engine.connect() as conn:
        local = int(conn.execute(text("SELECT count(*) FROM ledger_entry")).scalar_one())
    with ctx.uow(write=False) as uow:
        till_id = uow.settings.get("till_id")
    query = "SELECT count(*) FROM ledger_entry WHERE till_id = :t"
    return hq_rows(hq_admin, query, t=till_id) == [(local,)]


def test_the_window_syncs_at_start_and_again_after_its_interval(
    qtbot: QtBot,
    real_store: RealStore,
    live: TillContext,
    hq_admin: Engine,
    hub: ScanHub,
) -> None:
    engine = real_store.till.engine
    topup = accounts.topup
    backend = ServicesTillBackend(live, receipt_text=receipt_text)
    session = log_in(qtbot, backend)
    shift = open_shift(qtbot, backend, session)
    topup(live, actor=CASHIER_NO, member_id=real_store.member_id, amount=Fen(10000))
    control = sync_control(engine, live)
    assert isinstance(control, SchedulerSyncControl)
    runner = SyncRunner(control, tick_ms=200)
    window = TillWindow(backend, hub, session, shift, sync=runner)
    qtbot.addWidget(window)
    seen: list[SyncStatus] = []
    runner.status_changed.connect(seen.append)
    scheduler = control.scheduler

    started = live.now()
    runner.start()
    qtbot.waitUntil(lambda: _everything_at_head_office(live, engine, hq_admin), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: scheduler.last_success is not None, timeout=WAIT_MS)
    first = scheduler.last_success
    topup(live, actor=CASHIER_NO, member_id=real_store.member_id, amount=Fen(20000))
    qtbot.waitUntil(lambda: _everything_at_head_office(live, engine, hq_admin), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not runner.busy, timeout=WAIT_MS)
    runner.stop()

    assert first is not None
    assert first - started < timedelta(seconds=2)  # at start, not after a first interval
    assert scheduler.last_success is not None
    assert scheduler.last_success - first >= timedelta(seconds=INTERVAL_S)
    assert [s.state for s in seen].count(SyncState.SYNCING) >= 2
    assert window.sync_label.text().startswith("总部：已同步")


def test_closing_the_till_cuts_short_a_sync_that_hangs_on_a_silent_head_office(
    qtbot: QtBot,
    real_store: RealStore,
    live: TillContext,
    proxy: SilentProxy,
    hub: ScanHub,
) -> None:
    till = real_store.till
    backend = ServicesTillBackend(live, receipt_text=receipt_text)
    session = log_in(qtbot, backend)
    shift = open_shift(qtbot, backend, session)
    for _ in range(40):  # enough waiting that the proxy falls silent inside the push
        accounts.topup(live, actor=CASHIER_NO, member_id=real_store.member_id, amount=Fen(1000))
    path = credentials.credentials_path(till.path)
    creds = credentials.load(path)
    credentials.save(path, replace(creds, host="127.0.0.1", port=proxy.port))
    control = sync_control(till.engine, live)
    assert isinstance(control, SchedulerSyncControl)
    runner = SyncRunner(control, tick_ms=200)
    window = TillWindow(backend, hub, session, shift, sync=runner)
    qtbot.addWidget(window)
    runner.start()
    qtbot.waitUntil(proxy.silenced.is_set, timeout=WAIT_MS)

    closing = time.monotonic()
    runner.stop()
    took = time.monotonic() - closing

    assert took < 5 + 3  # the grace for a healthy sync, then the cut; not the 120 s deadline
    assert runner.pool.activeThreadCount() == 0
    report = control.scheduler.last_report
    assert report is not None
    assert report.unreachable
    assert report.message.endswith("收银台正在关闭，本次同步已中断")
