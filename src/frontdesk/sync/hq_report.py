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

from frontdesk.domain import messages
from frontdesk.domain.invoicing import split_totals
from frontdesk.domain.messages import ZH
from frontdesk.domain.money import Fen
from frontdesk.services.sync_refusals import problem_text

# Sales and refunds net (a refund's total and tenders are negative); top-ups net of their
# cooling-off returns. The ticket's day is the store's own date, as the till wrote it. Read from
# till_day, which each ticket's and tender's arrival moves (h0014): days × tills, not tickets.
_INVOICE_DAYS = text(
    """
    SELECT t.store_no, d.day, sum(d.sales) AS sales, sum(d.prepaid) AS prepaid,
           sum(d.topups) AS topups
      FROM till_day d JOIN till t ON t.till_id = d.till_id
     GROUP BY t.store_no, d.day
     ORDER BY d.day, t.store_no
    """
)


# Each store's principal held for members at the end of every day with movements, traced
# first in, first out as domain/settlement.settle traces it: from store_liability_day, which
# fd_fold_liability (h0024) moves per member whose principal moved since it last ran.
_FOLD_LIABILITY = text("SELECT fd_fold_liability()")
_LIABILITY = text(
    """
    WITH days AS (
        SELECT day FROM store_liability_day GROUP BY day HAVING sum(moves) > 0
    ), stores AS (
        SELECT store_no, min(day) AS since FROM store_liability_day WHERE topped > 0 GROUP BY 1
    )
    SELECT d.day, s.store_no,
           sum(coalesce(p.delta, 0)) OVER (PARTITION BY s.store_no ORDER BY d.day) AS held
      FROM days d JOIN stores s ON s.since <= d.day
      LEFT JOIN store_liability_day p ON p.store_no = s.store_no AND p.day = d.day
     ORDER BY d.day, s.store_no
    """
)


# A sealed phone is `fdk1:` text; an erased member's is its erased: marker, nobody's data.
_UNSEALED = text(
    "SELECT count(*) FROM member WHERE phone NOT LIKE 'fdk1:%' AND phone NOT LIKE 'erased:%'"
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
    # Members sent in the clear before events were sealed (h0023), not yet sealed by a change.
    unsealed_members: int = 0

    @property
    def text(self) -> str:
        return self.said(ZH)

    def said(self, lang: str) -> str:
        """The report as its reader reads it, in `lang`."""

        def say(key: str, **details: object) -> str:
            return messages.say(f"said_hq_report_{key}", lang, **details)

        out = [say("negative", count=len(self.negative_accounts))]
        out += [
            say(
                "negative_line",
                member_id=r["member_id"],
                principal=r["principal"],
                bonus=r["bonus"],
            )
            for r in self.negative_accounts
        ]
        out.append(say("revoked", count=len(self.spends_after_revocation)))
        out += [
            say("revoked_line", till_id=r["till_id"], seq=r["seq"], card_no=r["card_no"],
                card_state=r["card_state"], amount=r["amount"], at=r["created_at"])
            for r in self.spends_after_revocation
        ]  # fmt: skip
        out.append(say("sync", count=len(self.sync_problems)))
        out += [
            say("sync_line", till_id=r["till_id"], at=f"{r['detected_at']:%Y-%m-%d %H:%M:%S}",
                problem=problem_text(r, lang) if r["code"] else "", detail=r["detail"])
            for r in self.sync_problems
        ]  # fmt: skip
        out.append(say("unsealed", count=self.unsealed_members))
        out.append(say("invoices"))
        out += [
            say("invoice_line", day=d.day, store_no=d.store_no, sales=d.sales, prepaid=d.prepaid,
                invoiceable=d.invoiceable, topups=d.topups)
            for d in self.invoice_days
        ]  # fmt: skip
        out.append(say("liability"))
        out += [
            say("liability_line", day=d.day, store_no=d.store_no, principal=d.principal)
            for d in self.liability
        ]
        return "\n".join(out)


def build_report(admin: Engine) -> HqReport:
    with admin.begin() as conn:  # its own transaction: the fold commits whatever the report says
        conn.execute(_FOLD_LIABILITY)
    with admin.connect() as conn, conn.begin():
        conn.execute(text("SET LOCAL jit = off"))  # the plans are short; compiling them is not

        def rows(query: str) -> list[dict[str, Any]]:
            return [dict(r._mapping) for r in conn.execute(text(query))]

        invoice_days = [
            _invoice_day(str(store), day, int(sales), int(prepaid), int(topups))
            for store, day, sales, prepaid, topups in conn.execute(_INVOICE_DAYS)
        ]
        exceptions = (
            rows("SELECT * FROM negative_account ORDER BY member_id"),
            rows("SELECT * FROM spend_after_revocation ORDER BY till_id, seq"),
            rows("SELECT * FROM sync_problem ORDER BY problem_id"),
        )
        unsealed = conn.execute(_UNSEALED).scalar_one()
        liability = [
            LiabilityDay(day, str(store), Fen(int(held)))
            for day, store, held in conn.execute(_LIABILITY)
        ]
    return HqReport(*exceptions, invoice_days, liability, int(unsealed))


def _invoice_day(store: str, day: date, sales: int, prepaid: int, topups: int) -> InvoiceDay:
    parts = split_totals(Fen(sales), Fen(prepaid))
    return InvoiceDay(store, day, Fen(sales), parts.prepaid, parts.invoiceable, Fen(topups))
