"""The cooling-off refund (冷静期退款): an unused top-up returned whole within 7 days, no fee.

法释〔2025〕4号 (最高人民法院关于审理预付式消费民事纠纷案件适用法律若干问题的解释, in force
2025-05-01) lets a consumer take back an unused prepaid amount within 7 days without conditions.
The till reads "unused" strictly: nothing of the member's stored value was spent since the top-up
(so the top-up's 本金 is still on the card), and the top-up was not returned already. The whole
本金 goes back, the bonus it brought is reversed, and no fee is taken.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from frontdesk.domain.errors import DomainError
from frontdesk.domain.money import Fen
from frontdesk.domain.program import COOLING_OFF_DAYS


class CoolingOffOver(DomainError):
    key = "cooling_off_over"


class CoolingOffUsed(DomainError):
    key = "cooling_off_used"


class CoolingOffDone(DomainError):
    key = "cooling_off_done"


class NotATopUp(DomainError):
    key = "not_a_top_up"


@dataclass(frozen=True)
class TopUpState:
    """What the rule needs to know about one top-up and what happened after it."""

    receipt_no: str
    day: date  # the top-up's day at the store
    principal: Fen
    bonus: Fen
    spent_since: bool  # any stored-value spend of the member after the top-up
    returned: bool  # a cooling-off refund of it exists already
    balance_principal: Fen
    balance_bonus: Fen


def last_day(topped_up: date, days: int = COOLING_OFF_DAYS) -> date:
    """The period's last day, counted from the day after the top-up.

    So 七日 is counted as in 消费者权益保护法 第二十五条: a Monday top-up may come back up to the
    next Monday.
    """
    return date.fromordinal(topped_up.toordinal() + days)


def check(state: TopUpState, today: date, days: int = COOLING_OFF_DAYS) -> None:
    """Refuses a cooling-off refund the rule does not give; passing means return it whole."""
    if state.returned:
        raise CoolingOffDone(receipt_no=state.receipt_no)
    if today > last_day(state.day, days):
        raise CoolingOffOver(days=days, last_day=last_day(state.day, days).isoformat())
    # The balance check guards what the spend check already implies, against adjustments.
    short = state.balance_principal < state.principal or state.balance_bonus < state.bonus
    if state.spent_since or short:
        raise CoolingOffUsed(receipt_no=state.receipt_no)
