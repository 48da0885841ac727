"""`frontdesk verify`: recompute the projections and check the ledger, ticket and audit chains."""

from __future__ import annotations

from collections import Counter

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.domain.messages import Notice, render
from frontdesk.persistence.verify import verify as check

# Which kind of damage a problem line tells of, by the words verify writes (first match wins).
_AREAS = (
    ("no audit row", "verify_audit"),
    (" audit", "verify_audit"),
    ("tenders", "verify_tenders"),
    (" ticket", "verify_tickets"),
)


def area_of(problem: str) -> str:
    return next((key for words, key in _AREAS if words in problem), "verify_ledger")


def verify(s: Session) -> Outcome:
    problems = check(s.engine)
    if not problems:
        return Outcome(render(Notice("verify_passed"), s.lang), {"ok": True, "problems": []})
    areas = Counter(area_of(p) for p in problems)
    lines = [render(Notice("verify_failed"), s.lang)]
    lines += [f"- {render(Notice(key, {'count': n}), s.lang)}" for key, n in areas.items()]
    lines.append(render(Notice("verify_advice"), s.lang))
    lines += problems
    return Outcome(
        "\n".join(lines), {"ok": False, "areas": dict(areas), "problems": problems}, code=2
    )
