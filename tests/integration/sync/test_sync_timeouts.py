"""A sync cannot hang: head office silent mid-sync (via a proxy), a hung sync killed, timeouts."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace

import pytest
from sqlalchemy import Engine, text

from frontdesk.domain.money import Fen
from frontdesk.services import accounts, membership
from frontdesk.sync import credentials
from frontdesk.sync.hq_engine import DEADLINE_SETTING, HqLimits, make_hq_engine
from frontdesk.sync.sync_lock import SyncBusy, SyncLock, lock_path
from tests.integration.sync.conftest import ADMIN, Till, hq_rows
from tests.integration.sync.silent_proxy import SilentProxy, proxy

__all__ = ["proxy"]


def _till_behind(
    make_till: Callable[..., Till], till_no: int, proxy: SilentProxy, deadline_seconds: int
) -> Till:
    """A till with 60 top-ups waiting, whose login goes through the proxy, deadline shortened."""
    till = make_till(4, till_no)
    _backlog(till, 60)
    assert till.creds is not None
    credentials.save(
        credentials.credentials_path(till.path),
        replace(till.creds, host="127.0.0.1", port=proxy.port),
    )
    with till.ctx.uow() as uow:
        uow.settings.set(DEADLINE_SETTING, str(deadline_seconds))
        uow.commit()
    return till


def _backlog(till: Till, n: int) -> None:
    digits = "".join(c for c in till.till_id if c.isdigit())[-6:].rjust(6, "0")
    member = ""
    for i in range(n):
        if i % 40 == 0:  # a fresh member before one card reaches the ￥5,000 balance cap
            member = membership.register(
                till.ctx,
                actor=ADMIN[0],
                phone=f"139{digits}{i // 40:02d}",
                name="王芳",
                consent_terms=True,
            ).member.member_id
        accounts.topup(till.ctx, actor=ADMIN[0], member_id=member, amount=Fen.of("100.00"))


def _sync_command(till: Till) -> list[str]:
    return [sys.executable, "-m", "frontdesk.cli", "--db", str(till.path), "sync"]


def _all_at_head_office(till: Till, hq_admin: Engine) -> bool:
    with till.engine.connect() as conn:
        local = int(conn.execute(text("SELECT count(*) FROM ledger_entry")).scalar_one())
    query = "SELECT count(*) FROM ledger_entry WHERE till_id = :t"
    return hq_rows(hq_admin, query, t=till.till_id) == [(local,)]


def test_a_silent_head_office_ends_the_sync_at_its_deadline_and_the_next_one_goes_through(
    make_till: Callable[..., Till], hq_admin: Engine, proxy: SilentProxy
) -> None:
    till = _till_behind(make_till, 1, proxy, deadline_seconds=3)

    started = time.monotonic()
    cut = subprocess.run(_sync_command(till), capture_output=True, text=True, timeout=60)
    took = time.monotonic() - started
    proxy.heal()
    again = subprocess.run(_sync_command(till), capture_output=True, text=True, timeout=60)

    assert proxy.silenced.is_set()
    assert cut.returncode == 1, cut.stderr
    assert took < 3 + 10  # the deadline, and the interpreter starting on a busy machine
    assert "本次同步超过 3 秒未完成，已中断" in cut.stderr
    assert "数据已保留在本机" in cut.stderr
    assert "Traceback" not in cut.stderr + cut.stdout
    assert again.returncode == 0, again.stderr
    assert _all_at_head_office(till, hq_admin)


def test_a_sync_killed_while_it_hangs_does_not_block_the_next_one(
    make_till: Callable[..., Till], hq_admin: Engine, proxy: SilentProxy
) -> None:
    till = _till_behind(make_till, 2, proxy, deadline_seconds=600)
    quiet = subprocess.DEVNULL
    hung = subprocess.Popen(_sync_command(till), stdout=quiet, stderr=quiet)
    try:
        assert proxy.silenced.wait(timeout=30), "the sync never reached head office"
        with pytest.raises(SyncBusy), SyncLock(lock_path(till.path)):
            pass  # the hung sync holds the lock
    finally:
        os.kill(hung.pid, signal.SIGKILL)
        hung.wait(timeout=10)

    proxy.heal()
    after = subprocess.run(_sync_command(till), capture_output=True, text=True, timeout=60)

    assert hung.returncode == -signal.SIGKILL
    assert after.returncode == 0, after.stderr
    assert "另一个同步正在进行" not in after.stderr
    assert _all_at_head_office(till, hq_admin)


def test_a_till_connection_carries_its_timeouts_and_keepalives(hq_admin: Engine) -> None:
    engine = make_hq_engine(hq_admin.url, HqLimits(connect_seconds=4, statement_seconds=7))
    try:
        with engine.connect() as conn:
            statement = conn.exec_driver_sql("SHOW statement_timeout").scalar()
            idle = conn.exec_driver_sql("SHOW idle_in_transaction_session_timeout").scalar()
            raw = conn.connection.driver_connection
            params = raw.info.get_parameters() if raw is not None else {}
    finally:
        engine.dispose()

    assert (statement, idle) == ("7s", "7s")
    assert params["connect_timeout"] == "4"
    assert params["keepalives_idle"] == "10"
    assert params["tcp_user_timeout"] == "20000"
