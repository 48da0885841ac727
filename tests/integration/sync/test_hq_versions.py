"""Head office's schema: `hq migrate` upgrades it alone; a till of another version is refused."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import URL, make_url

from frontdesk.sync.hq_engine import make_hq_engine
from frontdesk.sync.hq_migrations.versions import h0008_enrolment_catalog
from frontdesk.sync.hq_version import expected_schema
from tests.integration.sync.conftest import Till, hq_rows


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        [sys.executable, "-m", "frontdesk.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def empty_hq(hq_admin_url: URL) -> Iterator[URL]:
    """A second, empty head-office database on the same server, dropped afterwards."""
    server = make_hq_engine(hq_admin_url)
    name = f"{hq_admin_url.database}_empty_{uuid.uuid4().hex[:4]}"
    with server.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield make_url(hq_admin_url).set(database=name)
    with server.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    server.dispose()


def _set_version(hq_admin: Engine, version: str) -> None:
    with hq_admin.begin() as conn:
        conn.execute(text("UPDATE hq_alembic_version SET version_num = :v"), {"v": version})


def test_hq_migrate_upgrades_an_empty_head_office_and_says_so_twice_differently(
    empty_hq: URL,
) -> None:
    url = empty_hq.render_as_string(hide_password=False)

    first = cli("hq", "migrate", "--hq-url", url)
    again = cli("hq", "migrate", "--hq-url", url)

    assert first.returncode == 0, first.stderr
    assert f"空库 → {expected_schema()}" in first.stdout
    assert "已是最新版本" in again.stdout
    assert "Traceback" not in first.stderr + again.stderr


def test_a_head_office_behind_the_till_refuses_it_until_hq_migrate_and_no_login_changes(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a = make_till(1, 41)
    password = "SELECT rolpassword FROM pg_authid WHERE rolname = :r"
    assert a.creds is not None
    before = hq_rows(hq_admin, password, r=a.creds.role)
    with hq_admin.begin() as conn:  # head office as an older frontdesk left it
        conn.exec_driver_sql(h0008_enrolment_catalog.DOWN_SQL)  # the later migration undone
        conn.execute(text("DROP FUNCTION fd_greet(text)"))
    _set_version(hq_admin, "h0005")

    refused = cli("--db", str(a.path), "sync")
    url = hq_admin.url.render_as_string(hide_password=False)
    migrated = cli("hq", "migrate", "--hq-url", url)
    synced = cli("--db", str(a.path), "sync")

    assert refused.returncode == 2
    assert "较早版本" in refused.stderr
    assert "frontdesk hq migrate" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert migrated.returncode == 0, migrated.stderr
    assert f"h0005 → {expected_schema()}" in migrated.stdout
    assert synced.returncode == 0, synced.stderr
    assert hq_rows(hq_admin, password, r=a.creds.role) == before


def test_a_head_office_ahead_of_the_till_refuses_it_and_records_why(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a = make_till(1, 42)
    _set_version(hq_admin, "h0099")
    try:
        report = a.sync()
        en = cli("--db", str(a.path), "--lang", "en", "sync")
    finally:
        _set_version(hq_admin, expected_schema())

    assert not report.ok
    assert not report.unreachable
    assert "请先升级此收银台的 frontdesk" in report.message
    assert en.returncode == 2
    assert "upgrade frontdesk on this till" in en.stderr
    assert hq_rows(
        hq_admin,
        "SELECT count(*) FROM sync_problem WHERE till_id = :t AND kind = 'version'",
        t=a.till_id,
    ) == [(1,)]
    assert a.sync().ok


def test_an_unreachable_head_office_is_said_in_the_tills_words_not_the_drivers(
    make_till: Callable[..., Till],
) -> None:
    import re
    import socket
    from dataclasses import replace

    a = make_till(1, 43)
    assert a.creds is not None
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = s.getsockname()[1]
    a.creds = replace(a.creds, port=dead)

    report = a.sync()

    assert report.unreachable
    assert "总部服务器拒绝连接" in report.message
    assert not re.search(r"[A-Za-z]{4,}", report.message)  # no libpq English in Chinese
    assert "refused the connection" in report.message_en
