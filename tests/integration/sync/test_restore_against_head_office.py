"""A till restored from a backup against the real head office: a stale backup is refused."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from frontdesk.cli import main
from tests.integration.sync.conftest import ADMIN, PRODUCTS, Till

LOGIN = ["--staff", ADMIN[0], "--pin", ADMIN[1]]


def _cash_sale(till: Till, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "--db",
            str(till.path),
            *LOGIN,
            "sale",
            "--item",
            PRODUCTS[0].barcode,
            "--pay",
            "cash:2.00",
        ]
    )
    assert code == 0, capsys.readouterr().err
    capsys.readouterr()


def _backup(till: Till, capsys: pytest.CaptureFixture[str]) -> Path:
    code = main(["--db", str(till.path), *LOGIN, "--json", "backup"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return Path(json.loads(out)["path"])


def test_a_backup_behind_head_office_is_refused_and_a_current_one_restores_and_syncs(
    make_till: Callable[..., Till], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    till = make_till(7, 1)
    _cash_sale(till, capsys)
    assert till.sync().ok
    old = _backup(till, capsys)
    _cash_sale(till, capsys)
    assert till.sync().ok  # head office now holds an entry the old backup lacks
    current = _backup(till, capsys)
    new = tmp_path / "replacement-pc" / "till.db"

    code = main(["--db", str(new), *LOGIN, "restore", str(old)])
    _, err = capsys.readouterr()
    assert code == 2
    assert "此备份早于总部已收到的数据" in err
    assert "frontdesk sync --recover" in err  # the way back, named
    assert not new.exists()

    code = main(["--db", str(new), *LOGIN, "restore", str(current)])
    _, err = capsys.readouterr()
    assert code == 0, err
    code = main(["--db", str(new), "sync"])
    out, err = capsys.readouterr()
    assert code == 0, err + out
