"""`frontdesk hq report`: negative accounts, spends after a card's revocation, refused chains."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, text

from frontdesk.services.sync_refusals import problem_text


@dataclass(frozen=True)
class HqReport:
    negative_accounts: list[dict[str, Any]]
    spends_after_revocation: list[dict[str, Any]]
    sync_problems: list[dict[str, Any]]

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
        return "\n".join(out)


def build_report(admin: Engine) -> HqReport:
    with admin.connect() as conn:

        def rows(query: str) -> list[dict[str, Any]]:
            return [dict(r._mapping) for r in conn.execute(text(query))]

        return HqReport(
            rows("SELECT * FROM negative_account ORDER BY member_id"),
            rows("SELECT * FROM spend_after_revocation ORDER BY till_id, seq"),
            rows("SELECT * FROM sync_problem ORDER BY problem_id"),
        )
