"""`frontdesk sync`: push to head office, then pull (for timers and cron); `--recover` restores.

Exit 0 synced; 1 head office unreachable (nothing lost, try later); 2 refused.
"""

from __future__ import annotations

from pathlib import Path

from frontdesk.cli.errors import UsageError
from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.domain.approvals import ApprovalAction, ApprovalBinding
from frontdesk.domain.messages import Notice, render
from frontdesk.services import staff
from frontdesk.services.sync_port import HeadOfficeUnreachable
from frontdesk.sync.credentials import CredentialsUnsafe
from frontdesk.sync.sync_lock import SyncBusy
from frontdesk.sync_setup import NotConnected, recover_books, run_sync


def sync(s: Session) -> Outcome:
    if s.args.recover:
        return recover(s)
    try:
        report = run_sync(
            Path(s.args.db),
            s.engine,
            s.ctx.program,
            s.ctx.clock,
            batch=s.args.batch,
            pull_too=not s.args.push_only,
        )
    except (NotConnected, CredentialsUnsafe) as exc:
        raise UsageError(exc.key, **exc.params) from None
    except SyncBusy as busy:
        return Outcome("", None, code=2, warnings=[str(busy)])
    if report.ok:
        return Outcome(report.said(s.lang), report)
    # Unreachable is worth a retry (1); head office refusing the till's data is a refusal (2).
    return Outcome(
        report.said(s.lang),
        report,
        code=1 if report.unreachable else 2,
        warnings=[report.message if s.lang == "zh_CN" else report.message_en or report.message],
    )


def recover(s: Session) -> Outcome:
    """This till's books re-fetched from head office, after a manager's approval."""
    actor = s.actor()
    if not s.args.manager:
        return Outcome(
            "", None, code=2, warnings=[render(Notice("sync_recover_needs_approval"), s.lang)]
        )
    with s.ctx.uow(write=False) as uow:
        till_id = uow.till_id
    binding = ApprovalBinding(ApprovalAction.SYNC_RECOVER, till_id, 0)
    approval = staff.approve(
        s.ctx,
        binding,
        manager_no=s.args.manager,
        pin=s.args.manager_pin or "",
        operator=actor,
    )
    try:
        done = recover_books(Path(s.args.db), s.engine, s.ctx, actor=actor, approval_id=approval)
    except NotConnected:
        raise UsageError(NotConnected.key) from None
    except HeadOfficeUnreachable as exc:
        return Outcome(
            "", None, code=1, warnings=[str(exc) if s.lang == "zh_CN" else exc.message_en]
        )
    return Outcome(render(done.notice, s.lang), done)
