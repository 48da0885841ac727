"""The manager screens' 导出 page on the real store: the files `frontdesk export` writes, by keys.

Each workbook is opened with openpyxl and its sums compared with the till's ledger; the file the
window writes is the one the command writes; a read-only folder is said in words, with no file.
"""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from frontdesk.cli import main
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.ui.manager import ManagerDialog
from frontdesk.ui.manager.exports import ExportPage
from tests.ui.drivers import log_in, open_shift
from tests.ui.real_store import MANAGER_NO, MANAGER_PIN, TODAY, RealStore
from tests.ui.test_manager_desk import screens_approval

KEYS = {
    "members": Qt.Key.Key_F1,
    "tickets": Qt.Key.Key_F2,
    "shifts": Qt.Key.Key_F3,
    "liability": Qt.Key.Key_F4,
    "kpis": Qt.Key.Key_F5,
    "kpi_pdf": Qt.Key.Key_F6,
}


@pytest.fixture
def page(qtbot: QtBot, backend: ServicesTillBackend) -> ExportPage:
    open_shift(qtbot, backend, log_in(qtbot, backend))
    dialog = ManagerDialog(backend, approval=screens_approval(backend))
    qtbot.addWidget(dialog)
    dialog.show_page("exports")
    assert dialog.stack.currentWidget() is dialog.export_page
    # Every ticket of the store, the gold bar sale of last June too.
    dialog.export_page.set_days(date(2025, 1, 1), TODAY.date())
    return dialog.export_page


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The save dialog answers with the next path a test puts here (the manager's choice)."""
    chosen: list[Path] = []

    def answer(*_args: object, **_kwargs: object) -> tuple[str, str]:
        return (str(chosen.pop(0)), "") if chosen else ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return chosen


def _press(qtbot: QtBot, page: ExportPage, kind: str) -> str:
    qtbot.keyClick(page, KEYS[kind])
    return page.result_label.text()


def _sheets(path: Path) -> dict[str, list[tuple[object, ...]]]:
    book = load_workbook(path, read_only=True)
    try:
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}
    finally:
        book.close()


def _fen(value: object) -> int:
    assert isinstance(value, int | float)
    return round(value * 100)


def _ledger(store: RealStore) -> dict[str, int]:
    with store.till.engine.connect() as conn:
        sums = {
            bucket: int(total)
            for bucket, total in conn.execute(
                text("SELECT bucket, sum(amount) FROM ledger_entry GROUP BY bucket")
            )
        }
        sums["tickets"] = int(conn.execute(text("SELECT sum(total) FROM ticket")).scalar_one())
        sums["counted"] = int(
            conn.execute(text("SELECT coalesce(sum(counted_cash), 0) FROM shift")).scalar_one()
        )
        sums["members"] = int(conn.execute(text("SELECT count(*) FROM member")).scalar_one())
    return sums


@pytest.mark.usefixtures("zh")
def test_each_button_writes_the_workbook_of_its_kind_holding_the_ledgers_sums(
    qtbot: QtBot, page: ExportPage, save_as: list[Path], real_store: RealStore, tmp_path: Path
) -> None:
    files = {kind: tmp_path / f"{kind}.xlsx" for kind in KEYS if kind != "kpi_pdf"}
    for kind, path in files.items():
        save_as.append(path)
        said = _press(qtbot, page, kind)
        assert said.startswith("已导出 "), said
        assert said.endswith(f"行到 {path}"), said
    ledger = _ledger(real_store)
    assert ledger["principal"] > 0  # the sums compared are not empty
    assert ledger["tickets"] > 0

    members = _sheets(files["members"])["会员"]
    assert members[0][:3] == ("会员号", "姓名", "手机号")
    assert len(members) - 1 == ledger["members"]
    assert sum(_fen(r[5]) for r in members[1:]) == ledger["principal"]
    assert sum(_fen(r[6]) for r in members[1:]) == ledger["bonus"]

    tickets = _sheets(files["tickets"])
    assert list(tickets) == ["小票", "明细", "支付"]
    assert sum(_fen(r[10]) for r in tickets["小票"][1:]) == ledger["tickets"]

    shifts = _sheets(files["shifts"])["班次"]
    assert len(shifts) - 1 >= 2  # the set-up's two closed shifts and the one open now
    # The open shift has no count yet: its row ends before that cell.
    assert (
        sum(_fen(r[5]) for r in shifts[1:] if len(r) > 5 and r[5] is not None) == ledger["counted"]
    )

    liability = _sheets(files["liability"])["储值与积分负债"]
    assert sum(_fen(r[2]) for r in liability[1:]) == ledger["principal"]
    assert sum(_fen(r[3]) for r in liability[1:]) == ledger["bonus"]
    assert sum(int(str(r[5])) for r in liability[1:]) == ledger["points"]

    kpis = _sheets(files["kpis"])
    assert list(kpis) == ["经营指标", "会员活跃度", "价值分层"]
    figures: dict[object, object] = {r[0]: r[1] for r in kpis["经营指标"][1:]}
    assert figures["截至"] == TODAY.date().isoformat()
    assert figures["会员总数"] == ledger["members"]
    assert _fen(figures["储值负债：本金"]) == ledger["principal"]
    assert _fen(figures["储值负债：赠金"]) == ledger["bonus"]
    assert figures["积分负债（分）"] == ledger["points"]
    assert sum(int(str(n)) for _, n in kpis["会员活跃度"][1:]) == ledger["members"]


@pytest.mark.usefixtures("zh")
def test_the_window_writes_the_same_workbook_as_the_command(
    qtbot: QtBot,
    page: ExportPage,
    save_as: list[Path],
    real_store: RealStore,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for kind in ("members", "tickets", "liability"):
        from_window, from_cli = tmp_path / f"w-{kind}.xlsx", tmp_path / f"c-{kind}.xlsx"
        save_as.append(from_window)
        _press(qtbot, page, kind)
        args = ["--db", str(real_store.engine_path), "--staff", MANAGER_NO, "--pin", MANAGER_PIN]
        args += ["export", kind, "--xlsx", str(from_cli), "--since", "2025-01-01"]
        args += ["--until", TODAY.date().isoformat()] if kind == "tickets" else []
        assert main(args) == 0, capsys.readouterr().err
        assert _sheets(from_window) == _sheets(from_cli), kind


@pytest.mark.usefixtures("zh")
def test_the_kpi_report_button_writes_the_pdf_with_its_figures_and_charts(
    qtbot: QtBot, page: ExportPage, save_as: list[Path], real_store: RealStore, tmp_path: Path
) -> None:
    pdf = tmp_path / "kpi"  # no suffix typed: the page adds .pdf
    save_as.append(pdf)
    said = _press(qtbot, page, "kpi_pdf")
    assert said == f"经营指标报告已写入 {pdf}.pdf"
    shown = subprocess.run(
        ["pdftotext", "-layout", f"{pdf}.pdf", "-"], capture_output=True, text=True, check=True
    ).stdout
    assert f"截至 {TODAY.date().isoformat()}" in shown
    principal = _ledger(real_store)["principal"]
    assert f"￥{principal // 100:,}.{principal % 100:02d}" in shown
    for label in ("会员经营指标 · ", "会员总数", "储值负债：本金", "会员活跃度", "价值分层"):
        assert label in shown, label


def _read_only(folder: Path) -> None:
    folder.mkdir()
    folder.chmod(0o555)
    if os.geteuid() == 0:  # root writes through modes: the folder is made immutable instead
        done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
        if done.returncode != 0:
            pytest.skip("no way to make a folder read-only for root here (chattr)")


@pytest.mark.usefixtures("zh")
def test_a_read_only_folder_is_said_in_words_and_leaves_no_file(
    qtbot: QtBot, page: ExportPage, save_as: list[Path], tmp_path: Path
) -> None:
    folder = tmp_path / "readonly"
    _read_only(folder)
    try:
        for kind in ("members", "kpi_pdf"):
            target = folder / ("m.xlsx" if kind == "members" else "k.pdf")
            save_as.append(target)
            said = _press(qtbot, page, kind)
            assert said == f"无法写入文件 {target}：没有写入该文件夹的权限，请换一个文件夹", said
            assert "color: #b00020" in page.result_label.styleSheet()
            assert list(folder.iterdir()) == []
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(folder)], check=False)
        folder.chmod(0o755)


@pytest.mark.usefixtures("zh")
def test_a_cancelled_save_dialog_writes_nothing(
    qtbot: QtBot, page: ExportPage, save_as: list[Path], tmp_path: Path
) -> None:
    assert _press(qtbot, page, "members") == ""
    assert list(tmp_path.iterdir()) == [] or all(p.suffix != ".xlsx" for p in tmp_path.iterdir())
