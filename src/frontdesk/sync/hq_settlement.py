"""`frontdesk hq settlement`: who owes whom across stores, and prepaid liability per store and day.

Head office's ledger is read once, streamed in time order (never held whole in memory), and
traced by the domain's FIFO rule; the report states how it reconciles with the ledger's own sum.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine, text

from frontdesk.domain.money import Fen
from frontdesk.domain.settlement import UNFUNDED, PrincipalMove, Settlement, settle

_MOVES = text(
    """
    SELECT l.member_id, t.store_no, l.created_at, l.amount
      FROM ledger_entry l JOIN till t ON t.till_id = l.till_id
     WHERE l.bucket = 'principal'
     ORDER BY l.created_at, l.till_id, l.seq
    """
)
_LEDGER_SUM = text("SELECT coalesce(sum(amount), 0) FROM ledger_entry WHERE bucket = 'principal'")


@dataclass(frozen=True)
class SettlementReport:
    settlement: Settlement
    ledger_principal: int  # Σ principal on head office's ledger

    @property
    def reconciles(self) -> bool:
        """Σ outstanding lots − what was spent from no lot = the ledger's principal, to the fen."""
        s = self.settlement
        unfunded = sum(f for (src, _), f in s.flows.items() if src == UNFUNDED)
        return sum(s.outstanding.values()) - unfunded == self.ledger_principal

    def text(self, since: date | None = None, until: date | None = None) -> str:
        s = self.settlement
        period = "" if since is None and until is None else f"，{since or '…'} 至 {until or '…'}"
        out = [f"跨店清分（本金，先进先出{period}）："]
        owed = s.owed(since, until)
        out += [f"  门店 {a} 应付 门店 {b}：{Fen(n)}" for a, b, n in owed if a != UNFUNDED]
        out += [f"  门店 {b} 超额消费（无对应充值）：{Fen(n)}" for a, b, n in owed if a == UNFUNDED]
        if not owed:
            out.append("  无跨店往来")
        out.append("预付负债（各门店售出、尚未消费的本金，按日）：")
        for (store, day), fen in sorted(s.liability.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            if store == UNFUNDED or (since and day < since) or (until and day > until):
                continue
            out.append(f"  {day}  门店 {store}：{Fen(fen)}")
        verdict = "平" if self.reconciles else "不平，请核查"
        out.append(f"与总部账本本金合计 {Fen(self.ledger_principal)} 核对：{verdict}")
        return "\n".join(out)


def principal_moves(admin: Engine) -> Iterator[PrincipalMove]:
    with admin.connect() as conn:
        rows = conn.execution_options(stream_results=True, yield_per=5000).execute(_MOVES)
        for member_id, store_no, created_at, amount in rows:
            yield PrincipalMove(
                member_id, store_no, datetime.fromisoformat(created_at).date(), int(amount)
            )


def build_settlement(admin: Engine) -> SettlementReport:
    settlement = settle(principal_moves(admin))
    with admin.connect() as conn:
        total = int(conn.execute(_LEDGER_SUM).scalar_one())
    return SettlementReport(settlement, total)
