"""verify-full end to end: a till enrols and syncs over TLS checked against head office's CA.

scripts/hq-postgres starts the test PostgreSQL with ssl=on and a certificate for 127.0.0.1 signed
by a CA it makes with openssl (FRONTDESK_HQ_TEST_CA). With that CA file the till enrols and
syncs, and its connection is TLS; with another CA, with none, or under another name it is
refused, in Chinese words that name what to fix, and nothing is saved.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL

from frontdesk.sync import credentials
from frontdesk.sync.hq_engine import make_hq_engine
from tests.integration.sync.test_enrolment import ADMIN, issue, run


@pytest.fixture(scope="module")
def ca() -> Path:
    raw = os.environ.get("FRONTDESK_HQ_TEST_CA")
    if not raw:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("FRONTDESK_HQ_TEST_CA is not set: CI's PostgreSQL must speak TLS")
        pytest.skip("the test PostgreSQL runs without TLS (restart it with scripts/hq-postgres)")
    return Path(raw)


def _other_ca(folder: Path) -> Path:
    """A CA that signed nothing head office has: the wrong file a till may be given."""
    key, cert = folder / "other-ca.key", folder / "other-ca.crt"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "1", "-subj", "/CN=not head office", "-keyout", str(key),
         "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert


def _where(url: URL, ca: Path, host: str = "127.0.0.1") -> str:
    return f"postgresql://{host}:{url.port}/{url.database}?sslmode=verify-full&sslrootcert={ca}"


def test_enrolment_and_sync_with_verify_full_and_the_cas_file_go_over_tls(
    hq_admin_url: URL, ca: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = issue(hq_admin_url, "8", "1", capsys)
    db = tmp_path / "till.db"
    done, out, err = run("--db", str(db), "init", "--enrol", code, "--hq",
                         _where(hq_admin_url, ca), *ADMIN, capsys=capsys)  # fmt: skip
    assert done == 0, err
    assert "TLS" in out
    saved = credentials.load(credentials.credentials_path(db))
    assert (saved.sslmode, saved.sslrootcert) == ("verify-full", str(ca))

    done, _, err = run("--db", str(db), "sync", capsys=capsys)
    assert done == 0, err
    # The till's own login, as saved, reaches head office over TLS: the server says so.
    engine = make_hq_engine(saved.url())
    try:
        with engine.connect() as conn:
            ssl = conn.execute(
                text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            ).scalar_one()
            who = conn.execute(text("SELECT current_user")).scalar_one()
    finally:
        engine.dispose()
    assert ssl is True
    assert who == saved.role


def test_a_wrong_ca_is_refused_in_words_and_nothing_is_saved(
    hq_admin_url: URL, ca: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = _other_ca(tmp_path)
    code = issue(hq_admin_url, "8", "2", capsys)
    db = tmp_path / "wrong.db"
    done, _, err = run("--db", str(db), "init", "--enrol", code, "--hq",
                       _where(hq_admin_url, wrong), *ADMIN, capsys=capsys)  # fmt: skip
    assert done != 0
    assert "总部的证书未通过验证" in err, err
    assert "请检查 CA 文件" in err
    assert "Traceback" not in err
    assert "certificate verify failed" not in err  # libpq's English goes to the log only
    assert not credentials.credentials_path(db).exists()

    # The code was not spent on the refused attempt: with the right CA it enrols.
    done, _, err = run("--db", str(tmp_path / "right.db"), "init", "--enrol", code, "--hq",
                       _where(hq_admin_url, ca), *ADMIN, capsys=capsys)  # fmt: skip
    assert done == 0, err


def test_an_enrolled_till_given_a_wrong_ca_or_none_or_another_name_stops_syncing_in_words(
    hq_admin_url: URL, ca: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = issue(hq_admin_url, "8", "3", capsys)
    db = tmp_path / "till.db"
    assert run("--db", str(db), "init", "--enrol", code, "--hq", _where(hq_admin_url, ca),
               *ADMIN, capsys=capsys)[0] == 0  # fmt: skip
    path = credentials.credentials_path(db)
    saved = credentials.load(path)
    wrong = _other_ca(tmp_path)
    for changed, said in (
        ({"sslrootcert": str(wrong)}, "总部的证书未通过验证"),
        ({"sslrootcert": str(tmp_path / "gone.crt")}, "找不到总部的 CA 文件"),
        # The certificate names 127.0.0.1 only: localhost reaches the same server by another name.
        ({"host": "localhost"}, "总部证书上的名称与所填的总部地址不符"),
    ):
        credentials.save(path, credentials.HqCredentials(**{**vars(saved), **changed}))
        done, _, err = run("--db", str(db), "sync", capsys=capsys)
        assert done == 1, err
        assert said in err, (changed, err)
        assert "Traceback" not in err
    credentials.save(path, saved)
    done, _, err = run("--db", str(db), "sync", capsys=capsys)
    assert done == 0, err
