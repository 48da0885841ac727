"""`frontdesk sync`: push to head office, then pull (for timers and cron).

Exit 0 synced; 1 head office unreachable (nothing lost, try later); 2 refused.
"""

from __future__ import annotations

from pathlib import Path

from frontdesk.cli.errors import UsageError
from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.sync.credentials import CredentialsUnsafe
from frontdesk.sync.sync_lock import SyncBusy
from frontdesk.sync_setup import NotConnected, run_sync


def sync(s: Session) -> Outcome:
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
        raise UsageError(str(exc)) from None
    except SyncBusy as busy:
        return Outcome("", None, code=2, warnings=[str(busy)])
    if report.ok:
        return Outcome(report.text, report)
    # Unreachable is worth a retry (1); head office refusing the till's data is a refusal (2).
    return Outcome(
        report.text,
        report,
        code=1 if report.unreachable else 2,
        warnings=[report.message if s.lang == "zh_CN" else report.message_en or report.message],
    )
