"""Enrolling a till with head office, end to end on the real PostgreSQL, through the CLI.

Head office issues a one-time code for a till; a new machine redeems it and leaves with its own
role's login (never the admin's), its TLS settings kept and used; the code works once; an old
till is told to update by head office's minimum version.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import URL

from frontdesk.cli import main
from frontdesk.logfiles import stop_logging
from frontdesk.persistence.pin_pepper import pepper_beside, read_secrets
from frontdesk.sync import credentials
from frontdesk.sync.hq_engine import make_hq_engine

ADMIN = ("--admin", "9001", "--admin-pin", "9001")


def run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    finally:
        stop_logging()
    out, err = capsys.readouterr()
    return code, out, err


def address(url: URL, **query: str) -> str:
    """Head office as a till is told it: no login in it, only where and how."""
    tail = "&".join(f"{k}={v}" for k, v in query.items())
    return f"postgresql://{url.host}:{url.port}/{url.database}" + (f"?{tail}" if tail else "")


def issue(url: URL, store: str, till: str, capsys: pytest.CaptureFixture[str]) -> str:
    code, out, err = run("--json", "hq", "enrol", "--store", store, "--till", till,
                         "--store-name", "七号店", "--hq-url", url.render_as_string(False),
                         capsys=capsys)  # fmt: skip
    assert code == 0, err
    return str(json.loads(out)["code"])


def test_a_till_enrols_with_a_one_time_code_and_syncs_with_its_own_login(
    hq_admin_url: URL, hq_admin: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    enrolment = issue(hq_admin_url, "7", "2", capsys)
    assert enrolment.startswith("007-02.")
    db = tmp_path / "till.db"
    where = address(hq_admin_url, sslmode="disable")

    code, out, err = run("--db", str(db), "init", "--enrol", enrolment, "--hq", where, *ADMIN,
                         capsys=capsys)  # fmt: skip
    assert code == 0, err
    assert "收银台 007-02 已向总部" in out

    saved = credentials.load(credentials.credentials_path(db))
    assert saved.role.endswith("_till_007_02")  # the till's own role …
    assert saved.role != hq_admin_url.username  # … never head office's admin
    assert saved.password != enrolment.split(".", 1)[1]  # a password only this till knows
    assert saved.sslmode == "disable"
    with hq_admin.connect() as conn:
        valid = conn.execute(
            text("SELECT rolvaliduntil = 'infinity' FROM pg_roles WHERE rolname = :r"),
            {"r": saved.role},
        ).scalar_one()
        redeemed = conn.execute(
            text("SELECT redeemed_at IS NOT NULL FROM enrolment WHERE till_id = '007-02'")
        ).scalar_one()
    assert valid
    assert redeemed
    # The chain's PIN secret came with the code, so a member's PIN set anywhere checks here.
    with hq_admin.connect() as conn:
        chain = conn.execute(text("SELECT value FROM hq_setting WHERE key = 'pin_secret'"))
        chain_secret = bytes.fromhex(str(chain.scalar_one()))
    held = read_secrets(pepper_beside(db))
    assert held is not None
    assert held.chain == chain_secret

    code, out, err = run("--db", str(db), "sync", capsys=capsys)
    assert code == 0, err
    code, out, err = run("--db", str(db), "--staff", "9001", "--pin", "9001", "shift", "open",
                         "--float", "100", capsys=capsys)  # fmt: skip
    assert code == 0, err

    # The same code again, on another machine: refused, and nothing made there.
    other = tmp_path / "other.db"
    code, _, err = run("--db", str(other), "init", "--enrol", enrolment, "--hq", where, *ADMIN,
                       capsys=capsys)  # fmt: skip
    assert code == 2
    assert "注册码无效、已过期或已使用过" in err
    assert not credentials.credentials_path(other).exists()


def test_the_tls_settings_are_kept_and_reach_psycopg(
    hq_admin_url: URL, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    enrolment = issue(hq_admin_url, "7", "3", capsys)
    db = tmp_path / "till.db"
    where = address(hq_admin_url, sslmode="disable", sslrootcert="/etc/ssl/hq-ca.pem")
    code, _, err = run("--db", str(db), "init", "--enrol", enrolment, "--hq", where, *ADMIN,
                       capsys=capsys)  # fmt: skip
    assert code == 0, err
    path = credentials.credentials_path(db)
    saved = credentials.load(path)
    assert (saved.sslmode, saved.sslrootcert) == ("disable", "/etc/ssl/hq-ca.pem")
    assert saved.url().query == {"sslmode": "disable", "sslrootcert": "/etc/ssl/hq-ca.pem"}

    # verify-full kept in the file is what psycopg is asked for: with no CA file at that path
    # (or, on a server without TLS, no TLS) the connection is refused rather than made
    # unverified. test_tls.py makes verify-full succeed with the right CA.
    credentials.save(path, credentials.HqCredentials(**{**vars(saved), "sslmode": "verify-full"}))
    engine = make_hq_engine(credentials.load(path).url())
    try:
        with pytest.raises(Exception, match=r"SSL|root certificate file"), engine.connect():
            pass
    finally:
        engine.dispose()
    code, _, err = run("--db", str(db), "sync", capsys=capsys)
    assert code == 1
    assert "Traceback" not in err


def test_a_till_older_than_head_office_requires_is_told_to_update(
    hq_admin_url: URL, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    enrolment = issue(hq_admin_url, "7", "4", capsys)
    db = tmp_path / "till.db"
    where = address(hq_admin_url, sslmode="disable")
    assert run("--db", str(db), "init", "--enrol", enrolment, "--hq", where, *ADMIN,
               capsys=capsys)[0] == 0  # fmt: skip
    admin = hq_admin_url.render_as_string(False)

    assert run("hq", "min-version", "99.0", "--hq-url", admin, capsys=capsys)[0] == 0
    code, _, err = run("--db", str(db), "sync", capsys=capsys)
    assert code == 2
    assert "低于总部要求的最低版本 99.0：请先更新收银程序" in err

    assert run("hq", "min-version", "0.1.0", "--hq-url", admin, capsys=capsys)[0] == 0
    assert run("--db", str(db), "sync", capsys=capsys)[0] == 0


def test_a_mistyped_code_is_refused_before_head_office_is_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "till.db"
    code, _, err = run("--db", str(db), "init", "--enrol", "7-2.short", "--hq", "127.0.0.1:1",
                       *ADMIN, capsys=capsys)  # fmt: skip
    assert code == 2
    assert "注册码格式不对" in err
