"""`frontdesk audit`: the latest audit rows, for a logged-in staff member."""

from __future__ import annotations

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session


def audit(s: Session) -> Outcome:
    s.actor()  # the audit log names members, cards and staff
    with s.ctx.uow(write=False) as uow:
        entries = uow.audit.recent(s.args.limit)
    text = "\n".join(
        f"{e.at:%Y-%m-%d %H:%M:%S}  {e.action:<16} {e.outcome:<8} {e.actor:<6} "
        f"{e.approver or '':<6} {e.subject or ''}"
        for e in entries
    )
    return Outcome(text, entries)
