"""A bearer card issued at one till keeps its kind at another (real PostgreSQL).

Source: 《单用途商业预付卡管理办法（试行）》第十九条 (不记名卡 ￥1,000), 第二十条 (不记名卡不挂失).
The kind travels with the account's member row (its phone says bearer:<id>), so till B applies
the bearer card's cap and rules to a card till A issued.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from frontdesk.domain import errors
from frontdesk.domain.cards import CardAction, CardKind
from frontdesk.domain.money import Fen
from frontdesk.services import accounts, membership
from tests.integration.sync.conftest import ADMIN, Till


def test_till_b_applies_the_bearer_cap_and_rules_to_till_as_card(
    make_till: Callable[..., Till],
) -> None:
    a, b = make_till(71, 1), make_till(72, 1)
    issued = membership.issue_bearer_card(a.ctx, actor=ADMIN[0], pin="135790")
    accounts.topup(a.ctx, actor=ADMIN[0], member_id=issued.member_id, amount=Fen.of("500.00"))
    assert a.sync().ok
    assert b.sync().ok

    seen = membership.lookup_card(b.ctx, issued.card_no, ADMIN[0])
    assert seen.card_kind is CardKind.BEARER
    assert seen.balance == Fen.of("560.00")
    with pytest.raises(errors.BalanceCapExceeded) as refused:
        accounts.topup(b.ctx, actor=ADMIN[0], member_id=issued.member_id, amount=Fen.of("500.00"))
    # ￥1,000 − ￥560 held leaves ￥440: ￥430 and its ￥10 bonus.
    assert "不记名卡" in refused.value.message
    assert "本次最多可充值 ￥430.00" in refused.value.message
    with pytest.raises(errors.BearerCardRefused):
        membership.change_card_state(
            b.ctx, actor=ADMIN[0], card_no=issued.card_no, action=CardAction.REPORT_LOST
        )
