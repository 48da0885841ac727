"""`frontdesk verify`: recompute the projections and check the ledger's hash chain."""

from __future__ import annotations

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.persistence.verify import verify as check


def verify(s: Session) -> Outcome:
    problems = check(s.engine)
    if problems:
        text = "核对发现问题：\n" + "\n".join(problems)
        return Outcome(text, {"ok": False, "problems": problems}, code=2)
    text = "核对通过：账本哈希链完整，余额与积分投影与账本一致"
    return Outcome(text, {"ok": True, "problems": []})
