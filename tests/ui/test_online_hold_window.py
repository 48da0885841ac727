"""A stored-value sale waits on head office's hold off the GUI thread: the till stays alive.

The real window on a copy of the real store, enrolled at the loopback PostgreSQL; the till asks
for its holds through a proxy that holds every answer back, as a slow line does.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from frontdesk.printing_setup import receipt_text
from frontdesk.services.context import TillContext
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.sync import credentials
from frontdesk.sync.postgres_authoriser import PostgresAuthoriser
from frontdesk.ui.receipt import ReceiptPreviewDialog
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.tender import TenderDialog
from tests.integration.sync.conftest import hq_admin, hq_admin_url, hq_rows
from tests.integration.sync.silent_proxy import SilentProxy
from tests.ui.drivers import paying, till_window
from tests.ui.real_store import MEMBER_PIN, RICE, RealStore
from tests.ui.test_window_syncs import live

__all__ = ["hq_admin", "hq_admin_url", "live"]

DELAY_S = 0.25  # each answer from PostgreSQL; a hold is several round trips, so seconds
WAIT_MS = 30_000  # bounds a failing wait only
TICK_MS = 10


@pytest.fixture
def slow_line(hq_admin: Engine) -> Iterator[SilentProxy]:
    url = hq_admin.url
    p = SilentProxy((url.host or "127.0.0.1", url.port or 5432), delay=DELAY_S)
    yield p
    p.close()


def test_a_stored_value_sale_waits_for_a_slow_head_office_and_the_dialog_stays_alive(
    qtbot: QtBot,
    real_store: RealStore,
    live: TillContext,
    slow_line: SilentProxy,
    hq_admin: Engine,
    hub: ScanHub,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    login = credentials.load(credentials.credentials_path(real_store.till.path))
    through = login.url().set(host="127.0.0.1", port=slow_line.port)
    authoriser = PostgresAuthoriser(lambda: through, timeout=20.0)  # slow, never too slow
    backend = ServicesTillBackend(replace(live, authoriser=authoriser), receipt_text=receipt_text)
    window = till_window(qtbot, backend, hub)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    seen: dict[str, object] = {}

    def pay(dialog: TenderDialog) -> None:
        qtbot.keyClicks(dialog.ui.amount_edit, "10")
        dialog.ui.stored_value_button.click()
        for digit in MEMBER_PIN:
            getattr(dialog.ui, f"pin_{digit}_button").click()
        dialog.ui.cash_button.click()  # the rest in cash
        timer.start(TICK_MS)
        started = time.monotonic()
        with qtbot.waitSignal(dialog.checked_out, timeout=WAIT_MS):
            dialog.ui.confirm_button.click()
            seen["busy"] = dialog.busy
            seen["said"] = dialog.waiting_label.text()
            seen["shown"] = dialog.waiting_label.isVisible()
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the cashier gives up: not now
            qtbot.keyClick(dialog.ui.amount_edit, Qt.Key.Key_Return)  # nor a second sale
            seen["still_open"] = dialog.isVisible()
            seen["confirm_enabled"] = dialog.ui.confirm_button.isEnabled()
        seen["waited"] = time.monotonic() - started
        timer.stop()

    monkeypatch.setattr(TenderDialog, "ask", paying(qtbot, pay, shown=True))
    monkeypatch.setattr(ReceiptPreviewDialog, "ask", lambda *_: None)
    hub.deliver(real_store.card)
    with qtbot.waitSignal(window.ticket_changed):
        hub.deliver(RICE)
    try:
        with qtbot.waitSignal(window.sale_completed, timeout=WAIT_MS) as sale:
            window.ui.pay_button.click()
    finally:
        authoriser.dispose()

    waited = seen["waited"]
    assert isinstance(waited, float)
    assert waited > 1.0, "the proxy made head office slow"
    assert seen["busy"] is True
    assert seen["said"] == "正在向总部确认…"
    assert seen["shown"] is True
    assert seen["still_open"] is True
    assert seen["confirm_enabled"] is False
    during = [t for t in ticks if t <= ticks[0] + waited]
    gaps = [b - a for a, b in itertools.pairwise(during)]
    assert len(during) > waited / 0.1  # the GUI thread ran its timer all the while
    assert max(gaps) < 0.5, f"the GUI thread stood still for {max(gaps):.2f} s"
    receipt_no = sale.args[0].done.ticket.receipt_no
    with live.uow(write=False) as uow:
        ticket = uow.tickets.by_receipt(receipt_no)
    assert ticket is not None
    assert not ticket.offline  # held at head office, not sold under the floor limit
    assert hq_rows(
        hq_admin,
        "SELECT state, amount FROM balance_hold WHERE txn_uuid = :t",
        t=ticket.ticket_id,
    ) == [("pending", 1000)]
