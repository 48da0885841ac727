"""`frontdesk shift open|close`: the cashier's float in, the counted cash and 交班报表 out."""

from __future__ import annotations

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session, fen
from frontdesk.services import shifts


def open_shift(s: Session) -> Outcome:
    opened = shifts.open_shift(s.ctx, cashier=s.actor(), opening_float=fen(s.args.float))
    return Outcome(s.say("said_shift_open", float=opened.opening_float), opened)


def close_shift(s: Session) -> Outcome:
    r = shifts.close_shift(s.ctx, cashier=s.actor(), counted_cash=fen(s.args.counted))
    closed = s.say(
        "said_shift_closed",
        sales=r.sales_count,
        expected=r.expected_cash,
        counted=r.counted_cash,
        over_short=r.over_short,
    )
    liability = s.say(
        "said_liability",
        opening=r.liability_opening,
        topups=r.liability_topups,
        spends=r.liability_spends,
        refunds=r.liability_refunds,
        adjustments=r.liability_adjustments,
        closing=r.liability_closing,
        balanced=s.say("said_balanced" if r.liability_reconciles else "said_not_balanced"),
    )
    text = f"{closed}\n{liability}"
    return Outcome(text, shifts.report_summary(r), result=r)
