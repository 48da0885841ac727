"""`frontdesk hq kpi` against a real head office (a database of its own for this module)."""

from __future__ import annotations

import json
import re
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


def test_head_office_kpis_are_said_in_the_language_asked_for(
    make_till: Callable[..., Till], hq_admin_url: URL, capsys: pytest.CaptureFixture[str]
) -> None:
    a = make_till(1, 23)
    _, card = _member(a, "13800000024")
    _sell(a, card, 1)
    assert a.sync().ok
    url = hq_admin_url.render_as_string(hide_password=False)
    args = ["--db", str(a.path), "hq", "kpi", "--hq-url", url, "--as-of", "2026-03-10"]

    assert main(args) == 0
    chinese, _ = capsys.readouterr()
    assert main([*args, "--lang", "en"]) == 0
    english, _ = capsys.readouterr()

    assert chinese.splitlines()[0] == "会员经营指标（截至 2026-03-10，近 30 天）"
    # The module's head office is shared: the counts are the other test's members too.
    assert re.search(r"^会员总数 \d+，新增 \d+，增长率 ", chinese, re.M)
    assert re.search(r"^活跃度：活跃 \d+，沉默 \d+，流失预警 \d+，休眠 \d+$", chinese, re.M)
    assert english.splitlines()[0] == "Member KPIs (as of 2026-03-10, the last 30 days)"
    assert re.search(r"^Members \d+, new \d+, growth ", english, re.M)
    assert re.search(
        r"^Activity: active \d+, cooling \d+, at risk \d+, dormant \d+$", english, re.M
    )
    assert len(english.splitlines()) == len(chinese.splitlines()) == 7
    # Not a Chinese character, CJK punctuation or full-width form in the English report.
    assert re.search(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffe4]", english) is None
