"""The backend's manager desk: the screens' approval, member search, refund preview, audit log."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from frontdesk.domain import errors
from frontdesk.domain.analytics import Kpis
from frontdesk.services import (
    audit_trail,
    export_files,
    manager_screens,
    member_directory,
    refund_preview,
    sync_recovery,
)
from frontdesk.services.audit_trail import AuditFilter, AuditRow
from frontdesk.services.export_files import ExportDone, ExportFiles
from frontdesk.services.member_directory import MemberHistory, MemberHit
from frontdesk.services.refund_preview import RefundPreview
from frontdesk.services.sync_recovery import Recovered
from frontdesk.services.till_facade.base import FacadeBase


class ScreensSide(FacadeBase):
    def open_manager_screens(self, approval: str) -> str:
        """The screens open under this approval; what is done in them names its manager."""
        manager = manager_screens.open_screens(self._ctx, operator=self.actor, approval_id=approval)
        self._screens, self._screens_manager = approval, manager
        return manager

    def close_manager_screens(self) -> None:
        self._screens = self._screens_manager = None

    def audit_rows(self, wanted: AuditFilter) -> Sequence[AuditRow]:
        # The log is a manager's view (§7): in the screens, the manager who opened them reads it.
        reader = self._screens_manager or self.actor
        return audit_trail.rows(self._ctx, actor=reader, wanted=wanted)

    def _files(self) -> ExportFiles:
        if self._exports is None:
            raise errors.DomainError()  # only a backend built without adapters; never in the till
        return self._exports

    def export_file(
        self, kind: str, path: Path, since: date | None = None, until: date | None = None
    ) -> ExportDone:
        # Exports are a manager's (§7): in the screens, the manager who opened them exports.
        return export_files.export_file(
            self._ctx,
            self._files(),
            actor=self._screens_manager or self.actor,
            kind=kind,
            path=path,
            since=since,
            until=until,
        )

    def kpi_pdf(self, path: Path, as_of: date | None = None) -> Kpis:
        actor = self._screens_manager or self.actor
        return export_files.kpi_pdf(self._ctx, self._files(), actor=actor, path=path, as_of=as_of)

    def staff_names(self) -> dict[str, str]:
        return audit_trail.staff_names(self._ctx)

    def today(self) -> date:
        return self._ctx.now().date()

    def search_members(self, text: str) -> Sequence[MemberHit]:
        return member_directory.search(self._ctx, actor=self.actor, text=text)

    def member_history(self, member_id: str) -> MemberHistory:
        return member_directory.history(self._ctx, actor=self.actor, member_id=member_id)

    def refund_preview(self, receipt_no: str, wanted: Mapping[int, int]) -> RefundPreview:
        return refund_preview.preview(
            self._ctx, actor=self.actor, receipt_no=receipt_no.strip(), wanted=wanted
        )

    def can_recover_books(self) -> bool:
        return self._recovery is not None

    def books_refused(self) -> str | None:
        return sync_recovery.refusal(self._ctx)

    def till_id(self) -> str:
        with self._ctx.uow(write=False) as uow:
            return uow.till_id

    def recover_books(self, approval: str) -> Recovered:
        """The command's recovery; the approval is used by it, with the logged-in operator."""
        if self._recovery is None:
            raise sync_recovery.RecoveryUnavailable()
        return self._recovery(self._ctx, self.actor, approval)

    def was_refunded(self, receipt_no: str) -> bool:
        """Whether a sale has been refunded (in part or whole): its reprint says 已退货."""
        return refund_preview.was_refunded(self._ctx, receipt_no.strip())
