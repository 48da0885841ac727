"""`frontdesk shift open|close`: the cashier's float in, the counted cash and 交班报表 out."""

from __future__ import annotations

from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session, fen
from frontdesk.services import shifts


def open_shift(s: Session) -> Outcome:
    opened = shifts.open_shift(s.ctx, cashier=s.actor(), opening_float=fen(s.args.float))
    return Outcome(f"已开班，备用金 {opened.opening_float}", opened)


def close_shift(s: Session) -> Outcome:
    r = shifts.close_shift(s.ctx, cashier=s.actor(), counted_cash=fen(s.args.counted))
    text = (
        f"交班：销售 {r.sales_count} 笔；现金应有 {r.expected_cash}，实点 {r.counted_cash}，"
        f"长短款 {r.over_short}\n"
        f"储值负债：期初 {r.liability_opening} + 充值 {r.liability_topups} − 消费 "
        f"{r.liability_spends} + 退款 {r.liability_refunds} ± 调整 {r.liability_adjustments}"
        f" = 期末 {r.liability_closing}（{'平' if r.liability_reconciles else '不平'}）"
    )
    return Outcome(text, shifts.report_summary(r), result=r)
