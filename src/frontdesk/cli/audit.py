"""`frontdesk audit`: the latest audit rows, for a manager."""

from __future__ import annotations

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.services import audit_trail


def audit(s: Session) -> Outcome:
    entries = audit_trail.recent(s.ctx, actor=s.actor(), limit=s.args.limit)
    text = "\n".join(
        f"{e.at:%Y-%m-%d %H:%M:%S}  {e.action:<16} {e.outcome:<8} {e.actor:<6} "
        f"{e.approver or '':<6} {e.subject or ''}"
        for e in entries
    )
    return Outcome(text, entries)
