"""Head office's program at start: a valid one prices till and CLI; a broken one is named."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from frontdesk import app
from frontdesk.cli import main
from frontdesk.config import DEFAULT_PROGRAM
from frontdesk.domain.pricing import LineInput
from frontdesk.services.sync_port import HQ_PROGRAM_SETTING
from frontdesk.services.till_port import TicketDraft, TillBackend
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.till_window import TillWindow
from tests.ui.drivers import log_in, open_shift
from tests.ui.real_store import CASHIER_NO, CASHIER_PIN, RICE, RealStore

HQ_PROGRAM = DEFAULT_PROGRAM.read_text(encoding="utf-8").replace(
    'pay_rate = "0.98"', 'pay_rate = "0.96"', 1
)


def store_hq_program(store: RealStore, text: str) -> None:
    with store.till.ctx.uow() as uow:
        uow.settings.set(HQ_PROGRAM_SETTING, text)
        uow.commit()


def cli_due(store: RealStore, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    code = main(
        [
            "--db",
            str(store.engine_path),
            "--staff",
            CASHIER_NO,
            "--pin",
            CASHIER_PIN,
            "--json",
            "sale",
            "--card",
            store.card,
            "--item",
            RICE,
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    return str(json.loads(out)["due"]), err


def app_till(store: RealStore, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What app.py hands the window: run_till is replaced so no login dialog opens."""
    seen: dict[str, Any] = {}

    def fake_run_till(backend: TillBackend, *args: object, **kwargs: object) -> int:
        seen.update(kwargs, backend=backend)
        return 0

    monkeypatch.setattr(app, "run_till", fake_run_till)
    assert app.run_till_app(store.till.engine, store.till.ctx, "zh_CN") == 0
    return seen


def due_in(backend: TillBackend, store: RealStore) -> str:
    backend.login(CASHIER_NO, CASHIER_PIN)
    member = backend.lookup_card(store.card)
    lines = (LineInput(backend.add_product(RICE), 1),)
    return str(backend.price(TicketDraft(lines, member.member_id, member.card_no)).due.value)


def test_a_program_pulled_from_head_office_prices_the_window_and_the_cli(
    real_store: RealStore, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    local_due, _ = cli_due(real_store, capsys)
    store_hq_program(real_store, HQ_PROGRAM)

    hq_due, err = cli_due(real_store, capsys)
    seen = app_till(real_store, monkeypatch)

    assert hq_due != local_due
    assert err == ""
    assert due_in(seen["backend"], real_store) == hq_due
    assert seen["program_problem"] is None


def test_an_invalid_program_from_head_office_is_ignored_and_the_manager_told(
    qtbot: QtBot,
    hub: ScanHub,
    real_store: RealStore,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    local_due, _ = cli_due(real_store, capsys)
    store_hq_program(real_store, HQ_PROGRAM.replace('pay_rate = "0.96"', 'pay_rate = "abc"'))

    due, err = cli_due(real_store, capsys)
    seen = app_till(real_store, monkeypatch)
    backend = seen["backend"]
    session = log_in(qtbot, backend, CASHIER_NO, CASHIER_PIN)
    window = TillWindow(
        backend,
        hub,
        session,
        open_shift(qtbot, backend, session),
        program_problem=seen["program_problem"],
    )
    qtbot.addWidget(window)

    assert due == local_due
    assert "警告：总部下发的会员方案无效，未采用，继续使用本机方案" in err
    assert due_in(backend, real_store) == local_due
    assert window.program_banner.isVisibleTo(window)
    assert window.program_banner.text().startswith("总部下发的会员方案无效")
