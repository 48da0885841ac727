"""`frontdesk hq kpi` against a real head office (a database of its own for this module)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sqlalchemy.engine import URL

from frontdesk.cli import main
from tests.integration.sync.conftest import Till
from tests.integration.sync.test_hq_kpi import _member, _sell


def test_head_office_kpis_from_the_command_line(
    make_till: Callable[..., Till], hq_admin_url: URL, capsys: pytest.CaptureFixture[str]
) -> None:
    a = make_till(1, 22)
    _, card = _member(a, "13800000023")
    _sell(a, card, 1)
    assert a.sync().ok
    url = hq_admin_url.render_as_string(hide_password=False)
    args = ["--db", str(a.path), "--json", "hq", "kpi", "--hq-url", url]

    code = main([*args, "--as-of", "2026-03-10"])
    out, err = capsys.readouterr()
    bad = main([*args, "--as-of", "10/03/2026"])
    _, bad_err = capsys.readouterr()

    assert code == 0, err
    result = json.loads(out)
    assert result["members"] == 1
    assert result["activity"]["active"] == 1
    assert bad == 2
    assert "YYYY-MM-DD" in bad_err
