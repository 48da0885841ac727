"""An export or the KPI report written to a file a manager chose: one path for the CLI and window.

`frontdesk export KIND --xlsx FILE`, `frontdesk kpi --pdf FILE` and the 导出 buttons on the
manager screens all call these, with the same adapters (`ExportFiles`), so the file a manager
gets from the window is the file the command writes.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from frontdesk.domain.analytics import Kpis
from frontdesk.domain.errors import DomainError
from frontdesk.domain.permissions import Operation
from frontdesk.services import exports, store_kpis
from frontdesk.services.context import TillContext
from frontdesk.services.exports import ExportSource, ExportTable
from frontdesk.services.staff import authorize_in


class FileUnwritable(DomainError):
    key = "sheet_unwritable"


# What the system's error means for the person choosing a folder, in both languages; the
# system's own wording (English, and about a call) goes to the log only.
_NO_PERMISSION = (
    "没有写入该文件夹的权限，请换一个文件夹",
    "no permission to write there; choose another folder",
)
_REASONS = {
    errno.EACCES: _NO_PERMISSION,
    errno.EPERM: _NO_PERMISSION,
    errno.EROFS: ("该位置只读，请换一个文件夹", "that place is read-only; choose another folder"),
    errno.ENOSPC: ("磁盘已满", "the disk is full"),
    errno.ENOENT: ("文件夹不存在", "no such folder"),
    errno.EISDIR: ("这是一个文件夹，请输入文件名", "that is a folder; give a file name"),
}


def unwritable(path: Path, exc: OSError) -> FileUnwritable:
    """The refusal for a file that could not be written, said in the catalogue's words."""
    zh, en = _REASONS.get(exc.errno or 0, ("无法写入", exc.strerror or "cannot write"))
    return FileUnwritable(path=str(path), reason=zh, reason_en=en)


@dataclass(frozen=True)
class ExportFiles:
    """The adapters an export writes through: the store's rows, the workbook and the PDF.

    Each writer raises `FileUnwritable` when the file cannot be written, and leaves no part of it.
    """

    source: ExportSource
    write_workbook: Callable[[Path, Sequence[ExportTable]], None]
    write_kpi_pdf: Callable[[Kpis, str, Path], None]


@dataclass(frozen=True)
class ExportDone:
    path: Path
    rows: dict[str, int]  # rows written per sheet

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def export_file(
    ctx: TillContext,
    files: ExportFiles,
    *,
    actor: str,
    kind: str,
    path: Path,
    since: date | None = None,
    until: date | None = None,
    marketing_only: bool = False,
) -> ExportDone:
    """One export as an .xlsx at `path`; refused (nothing written) for a cashier."""
    tables = exports.export(
        ctx,
        files.source,
        actor=actor,
        kind=kind,
        since=since,
        until=until,
        marketing_only=marketing_only,
    )
    files.write_workbook(path, tables)
    return ExportDone(path, {t.title: len(t.rows) for t in tables})


def store_kpis_now(
    ctx: TillContext, source: ExportSource, *, actor: str, as_of: date | None = None
) -> Kpis:
    """The store's KPIs for a manager (DOMAIN §7: reports are a manager's, like exports)."""
    with ctx.uow(write=False) as uow:
        authorize_in(uow, actor, Operation.EXPORT)
    return store_kpis.compute(source, as_of or ctx.now().date())


def kpi_pdf(
    ctx: TillContext,
    files: ExportFiles,
    *,
    actor: str,
    path: Path,
    as_of: date | None = None,
) -> Kpis:
    """The store's KPI report (figures and charts) as a PDF at `path`; audited like an export.

    The report is titled with the store's name, as its member cards are.
    """
    k = store_kpis_now(ctx, files.source, actor=actor, as_of=as_of)
    with ctx.uow(write=False) as uow:
        scope = uow.settings.get("store_name") or ctx.program.store_name
    files.write_kpi_pdf(k, scope, path)
    with ctx.uow() as uow:
        uow.audit.add(
            at=ctx.now(), actor=actor, action="export", subject="kpi_pdf", detail={"pdf": True}
        )
        uow.commit()
    return k
