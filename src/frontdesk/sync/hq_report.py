"""`frontdesk hq report`: exceptions, the invoice split, and prepaid liability per store and day.

Exceptions: negative accounts, spends after a card's revocation, refused chains. The invoice
split (国家税务总局公告 2016 年第 53 号): per store and day, net sales paid with stored value (no
VAT invoice) apart from the invoiceable rest, and top-ups as 预付卡充值 (不征税). The liability:
principal each store has taken and members have not yet spent, at the end of each day with
movements, traced first in, first out as the cross-store settlement traces it — the figure a
store reports for 备案 and escrow of prepaid funds (《单用途商业预付卡管理办法（试行）》).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, text

from frontdesk.domain.invoicing import SHIFT_INVOICEABLE, SHIFT_PREPAID, SHIFT_TOP_UPS, split_totals
from frontdesk.domain.money import Fen
from frontdesk.domain.settlement import UNFUNDED, settle
from frontdesk.services.sync_refusals import problem_text
from frontdesk.sync.hq_settlement import principal_moves

# Sales and refunds net (a refund's total and tenders are negative); top-ups net of their
# cooling-off returns. The ticket's day is the store's own date, as the till wrote it.
_INVOICE_DAYS = text(
    """
    SELECT t.store_no, left(k.created_at, 10) AS day,
           coalesce(sum(k.total) FILTER (WHERE k.kind IN ('sale', 'refund')), 0) AS sales,
           coalesce(sum(sv.amount) FILTER (WHERE k.kind IN ('sale', 'refund')), 0) AS prepaid,
           coalesce(sum(k.total) FILTER (WHERE k.kind IN ('topup', 'topup_return')), 0)
               AS topups
      FROM ticket k
      JOIN till t ON t.till_id = k.till_id
      LEFT JOIN (SELECT ticket_id, sum(amount) AS amount FROM tender
                  WHERE kind = 'stored_value' GROUP BY ticket_id) sv
             ON sv.ticket_id = k.ticket_id
     WHERE k.kind IN ('sale', 'refund', 'topup', 'topup_return')
     GROUP BY t.store_no, left(k.created_at, 10)
     ORDER BY day, t.store_no
    """
)


@dataclass(frozen=True)
class InvoiceDay:
    store_no: str
    day: date
    sales: Fen  # net of refunds
    prepaid: Fen  # of which paid with stored value: 不开具发票
    invoiceable: Fen
    topups: Fen  # 预付卡充值, 不征税


@dataclass(frozen=True)
class LiabilityDay:
    day: date
    store_no: str
    principal: Fen


@dataclass(frozen=True)
class HqReport:
    negative_accounts: list[dict[str, Any]]
    spends_after_revocation: list[dict[str, Any]]
    sync_problems: list[dict[str, Any]]
    invoice_days: list[InvoiceDay]
    liability: list[LiabilityDay]

    @property
    def text(self) -> str:
        out = [f"负余额账户：{len(self.negative_accounts)}"]
        out += [
            f"  会员 {r['member_id']}：本金 {r['principal']} 分，赠金 {r['bonus']} 分"
            for r in self.negative_accounts
        ]
        out.append(f"挂失/冻结后仍发生的储值消费：{len(self.spends_after_revocation)}")
        out += [
            f"  {r['till_id']}#{r['seq']} 卡 {r['card_no']}（{r['card_state']}）"
            f" {r['amount']} 分 于 {r['created_at']}"
            for r in self.spends_after_revocation
        ]
        out.append(f"同步问题：{len(self.sync_problems)}")
        out += [
            f"  {r['till_id']} {r['detected_at']:%Y-%m-%d %H:%M:%S} "
            f"{problem_text(r) if r['code'] else ''}（{r['detail']}）"
            for r in self.sync_problems
        ]
        out.append("开票拆分（按门店、日期；销售已扣退货）：")
        out += [
            f"  {d.day}  门店 {d.store_no}：销售 {d.sales}，{SHIFT_PREPAID} {d.prepaid}，"
            f"{SHIFT_INVOICEABLE} {d.invoiceable}，{SHIFT_TOP_UPS} {d.topups}"
            for d in self.invoice_days
        ]
        out.append("预付资金余额（各门店已收未消费本金，按日，供备案与存管）：")
        out += [f"  {d.day}  门店 {d.store_no}：{d.principal}" for d in self.liability]
        return "\n".join(out)


def build_report(admin: Engine) -> HqReport:
    with admin.connect() as conn:

        def rows(query: str) -> list[dict[str, Any]]:
            return [dict(r._mapping) for r in conn.execute(text(query))]

        invoice_days = [
            _invoice_day(str(store), str(day), int(sales), int(prepaid), int(topups))
            for store, day, sales, prepaid, topups in conn.execute(_INVOICE_DAYS)
        ]
        exceptions = (
            rows("SELECT * FROM negative_account ORDER BY member_id"),
            rows("SELECT * FROM spend_after_revocation ORDER BY till_id, seq"),
            rows("SELECT * FROM sync_problem ORDER BY problem_id"),
        )
    traced = settle(principal_moves(admin))
    liability = [
        LiabilityDay(day, store, Fen(fen))
        for (store, day), fen in sorted(
            traced.liability.items(), key=lambda kv: (kv[0][1], kv[0][0])
        )
        if store != UNFUNDED
    ]
    return HqReport(*exceptions, invoice_days, liability)


def _invoice_day(store: str, day: str, sales: int, prepaid: int, topups: int) -> InvoiceDay:
    parts = split_totals(Fen(sales), Fen(prepaid))
    return InvoiceDay(
        store, date.fromisoformat(day), Fen(sales), parts.prepaid, parts.invoiceable, Fen(topups)
    )
