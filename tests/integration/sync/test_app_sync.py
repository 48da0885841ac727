"""Sync inside the till application: a 挂失 at one store's window is refused at the next store.

Till A runs the real window wiring (the sync control app.py builds, the runner, the manager
screen); till B syncs as `frontdesk sync` does. Both talk to the loopback PostgreSQL.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before pytest-qt makes the QApplication

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from frontdesk.domain import errors
from frontdesk.printing_setup import receipt_text
from frontdesk.services import membership
from frontdesk.services.sync_control import SchedulerSyncControl, SyncState
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.sync_setup import sync_control
from frontdesk.ui.manager import ManagerDialog
from frontdesk.ui.sync_status import SyncRunner
from tests.integration.sync.conftest import ADMIN, Till, hq_rows

DEADLINE_MS = 20_000  # bounds a failing wait only; the push takes well under a second


def test_a_card_reported_lost_in_the_window_is_pushed_at_once_and_refused_at_another_store(
    qtbot: QtBot, make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a, b = make_till(1, 1), make_till(2, 1)
    card_no = membership.register(
        a.ctx, actor=ADMIN[0], phone="13800000077", name="李娜", consent_terms=True, pin="135790"
    ).card_no
    assert a.sync().ok
    assert b.sync().ok
    assert membership.lookup_card(b.ctx, card_no, ADMIN[0]).card_no == card_no
    backend = ServicesTillBackend(a.ctx, receipt_text=receipt_text)
    backend.login(*ADMIN)
    control = sync_control(a.engine, a.ctx)
    assert isinstance(control, SchedulerSyncControl)
    runner = SyncRunner(control)
    dialog = ManagerDialog(backend, sync=runner)
    qtbot.addWidget(dialog)
    dialog.show_page("cards")
    dialog.card_page.card.edit.setText(card_no)

    with qtbot.waitSignal(dialog.card_page.card_reported_lost):
        dialog.card_page.report_lost_button.click()
    qtbot.waitUntil(lambda: control.scheduler.last_report is not None, timeout=DEADLINE_MS)
    qtbot.waitUntil(lambda: not runner.busy, timeout=DEADLINE_MS)
    runner.stop()
    assert hq_rows(hq_admin, "SELECT state FROM card WHERE card_no = :c", c=card_no) == [("lost",)]
    assert b.sync().ok

    assert control.scheduler.last_report is not None
    assert control.scheduler.last_report.ok
    assert control.status().state is not SyncState.FAILED
    with pytest.raises(errors.CardReportedLost):
        membership.lookup_card(b.ctx, card_no, ADMIN[0])


def test_a_till_without_head_office_credentials_is_standalone(
    make_till: Callable[..., Till],
) -> None:
    alone = make_till(3, 1, connect=False)

    control = sync_control(alone.engine, alone.ctx)

    assert not control.configured
    assert control.status().state is SyncState.STANDALONE
