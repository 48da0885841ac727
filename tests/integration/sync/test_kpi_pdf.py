"""Head office's KPI report as a PDF with charts, read back with pdftotext."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.engine import URL

from frontdesk.cli import main
from frontdesk.sync.hq_kpi import chain_kpis
from tests.integration.sync.conftest import Till
from tests.integration.sync.test_hq_kpi import _member, _sell


def test_the_kpi_pdf_holds_the_figures_and_the_band_charts(
    make_till: Callable[..., Till],
    hq_admin_url: URL,
    hq_admin: Engine,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    a = make_till(1, 23)
    _, card = _member(a, "13800000024")
    _sell(a, card, 1)
    assert a.sync().ok
    pdf = tmp_path / "kpi.pdf"
    url = hq_admin_url.render_as_string(hide_password=False)

    code = main(
        [
            "--db",
            str(a.path),
            "hq",
            "kpi",
            "--hq-url",
            url,
            "--as-of",
            "2026-03-10",
            "--pdf",
            str(pdf),
        ]
    )
    _, err = capsys.readouterr()

    assert code == 0, err
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "会员经营指标 · 全连锁" in text
    assert "截至 2026-03-10" in text
    for label in ("会员总数", "月活跃率", "复购率", "储值负债：本金", "会员活跃度", "价值分层"):
        assert label in text, label
    for band in ("活跃", "沉默", "流失预警", "休眠"):
        assert band in text, band
    # The figures are head office's KPI result as it is (sync/hq_kpi), not worked out again.
    k = chain_kpis(hq_admin, date(2026, 3, 10))
    lines = {line.split()[0]: line.split()[-1] for line in text.splitlines() if line.split()}
    assert lines["会员总数"] == f"{k.members:,}"
    assert k.members >= 1
    assert lines["储值负债：本金"] == str(k.stored_value_principal)
    assert lines["积分负债"] == "分"  # "N 分": the figure stands before its unit
    assert f"{k.points_liability:,} 分" in text
