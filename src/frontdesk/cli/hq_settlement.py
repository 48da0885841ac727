"""`frontdesk hq settlement`: cross-store settlement and prepaid liability, for head office."""

from __future__ import annotations

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session, day
from frontdesk.sync.hq_engine import make_hq_engine


def settlement(s: Session) -> Outcome:
    from frontdesk.sync.hq_settlement import build_settlement

    since, until = day(s.args.since), day(s.args.until)
    admin = make_hq_engine(s.args.hq_url)
    try:
        built = build_settlement(admin)
    finally:
        admin.dispose()
    st = built.settlement
    data = {
        "owed": [{"from_store": a, "to_store": b, "fen": n} for a, b, n in st.owed(since, until)],
        "liability": [
            {"store": store, "day": day.isoformat(), "fen": fen}
            for (store, day), fen in sorted(st.liability.items(), key=lambda kv: kv[0][1])
            if (since is None or day >= since) and (until is None or day <= until)
        ],
        "outstanding": dict(st.outstanding),
        "ledger_principal": built.ledger_principal,
        "reconciles": built.reconciles,
    }
    return Outcome(built.text(since, until), data, code=0 if built.reconciles else 1)
