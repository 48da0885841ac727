"""A store's KPI report from its till: `frontdesk kpi --pdf`, read back with pdftotext.

The figures in the PDF are the KPI result object's (services/store_kpis), held here to the
till's own rows: members counted, liability summed from the ledger.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import text

from frontdesk.persistence.engine import open_database
from tests.integration.test_data_in_out import CASHIER, MANAGER, run, store

__all__ = ["store"]


def _yuan(fen: int) -> str:
    return f"￥{fen // 100:,}.{fen % 100:02d}"


def test_the_store_kpi_pdf_holds_the_ledgers_figures_and_the_charts(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "reports" / "kpi.pdf"
    code, said, err = run(
        store, *MANAGER, "kpi", "--as-of", "2030-01-01", "--pdf", str(pdf), capsys=capsys
    )
    assert code == 0, err
    assert f"PDF 已写入 {pdf}" in said
    shown = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    with open_database(store).connect() as conn:
        members = int(conn.execute(text("SELECT count(*) FROM member")).scalar_one())
        ledger = {
            bucket: int(total)
            for bucket, total in conn.execute(
                text("SELECT bucket, sum(amount) FROM ledger_entry GROUP BY bucket")
            )
        }
        name = conn.execute(text("SELECT value FROM settings WHERE key = 'store_name'")).scalar()
    assert f"会员经营指标 · {name or '示范便利店'}" in shown
    assert "截至 2030-01-01" in shown
    lines = {line.split()[0]: line.split()[-1] for line in shown.splitlines() if line.split()}
    assert lines["会员总数"] == str(members)
    assert lines["储值负债：本金"] == _yuan(int(ledger["principal"]))
    assert lines["储值负债：赠金"] == _yuan(int(ledger["bonus"]))
    for label in ("会员活跃度", "价值分层", "活跃", "沉默", "流失预警", "休眠"):
        assert label in shown, label
    # The screen's figures are the same result's.
    assert f"会员总数 {members}" in said


def test_a_cashier_gets_no_kpi_report(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "kpi.pdf"
    code, _, err = run(store, *CASHIER, "kpi", "--pdf", str(pdf), capsys=capsys)
    assert (code, err.strip(), pdf.exists()) == (2, "导出数据须由店长或管理员操作", False)
