"""Personal fields sealed with a key per member: readable through the till, not from raw rows,
and unreadable everywhere once the member's key is destroyed (个人信息保护法 第四十七条).
"""

from __future__ import annotations

import sqlite3

from frontdesk.domain.card_return import BankPayout
from frontdesk.domain.money import Fen
from frontdesk.persistence.member_keys import SqlMemberKeys
from frontdesk.persistence.verify import verify
from frontdesk.services import accounts, membership
from tests.integration.core_fixtures import Till

ACCOUNT, ID_NUMBER = "6222021234567890123", "11010519491231002X"


def test_a_returned_cards_account_and_id_are_sealed_and_destroying_the_key_erases_them(
    till: Till,
) -> None:
    reg = till.member()
    accounts.topup(till.ctx, actor="1001", member_id=reg.member.member_id, amount=Fen.of("300.00"))
    membership.return_card(
        till.ctx,
        actor="1001",
        card_no=reg.card_no,
        approval_id=till.approve("card_return", reg.card_no, 30_000),
        bank=BankPayout.read(account=ACCOUNT, holder="张伟", bank="工商银行", id_number=ID_NUMBER),
    )
    with till.ctx.uow(write=False) as uow:
        [before] = uow.card_returns.for_member(reg.member.member_id)

    with till.ctx.uow() as uow:
        SqlMemberKeys(uow.connection).destroy(reg.member.member_id, till.clock.now())  # type: ignore[attr-defined]
        uow.commit()

    assert (before.account, before.id_number) == (ACCOUNT, ID_NUMBER)
    with sqlite3.connect(till.path) as conn:
        raw = conn.execute("SELECT account, id_number, account_masked FROM card_return").fetchone()
    assert ACCOUNT not in raw[0]
    assert ID_NUMBER not in raw[1]
    assert raw[2] == "6222 **** 0123"  # the masked form stays, as printed on the 退卡单
    with till.ctx.uow(write=False) as uow:
        [after] = uow.card_returns.for_member(reg.member.member_id)
    assert (after.account, after.id_number) == (None, None)
    assert verify(till.engine) == []  # the ledger and its chain are untouched
