"""Head office's KPI report as a PDF with charts, read back with pdftotext."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from frontdesk.cli import main
from tests.integration.sync.conftest import Till
from tests.integration.sync.test_hq_kpi import _member, _sell


def test_the_kpi_pdf_holds_the_figures_and_the_band_charts(
    make_till: Callable[..., Till],
    hq_admin_url: URL,
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
