"""退卡 records reach head office and are refused there when forged (real PostgreSQL).

Source: 《单用途商业预付卡管理办法（试行）》: a named card's return above ￥100 is paid to a bank
account in the holder's name with the holder's identity recorded. Head office holds each
record beside its cashout ticket and the ledger (h0013): the account and ID number sealed as the
till sealed them, a cash payout never above ￥100, the ticket, tender and ledger cashout the same
principal; its prepaid liability falls by what was paid out.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from sqlalchemy import Engine

from frontdesk.domain.approvals import ApprovalAction
from frontdesk.domain.card_return import BankPayout
from frontdesk.services import membership, staff_admin
from frontdesk.services.member_erasure import erase
from frontdesk.sync.hq_migrations.versions import h0013_card_return as h0013
from frontdesk.sync.hq_settlement import build_settlement
from tests.integration.sync.conftest import ADMIN, Till, hq_rows
from tests.integration.sync.test_member_erasure_sync import MANAGER, approval
from tests.integration.sync.test_two_stores import register_with_money

ACCOUNT, ID_NUMBER = "6222 0212 3456 7890 123", "11010519491231002X"


def _returned_by_bank(till: Till, phone: str) -> tuple[str, str]:
    """A member 张三 with ￥300 (+￥10 bonus) whose card is returned to their bank account."""
    staff_admin.add_staff(
        till.ctx, actor=ADMIN[0], staff_no=MANAGER[0], name="店长", role="manager", pin=MANAGER[1]
    )
    member_id, card_no = register_with_money(till, phone, "300.00")
    assert till.sync().ok
    bank = BankPayout.read(account=ACCOUNT, holder="张三", bank="工商银行", id_number=ID_NUMBER)
    done = membership.return_card(
        till.ctx, actor=ADMIN[0], card_no=card_no, bank=bank,
        approval_id=approval(till, ApprovalAction.CARD_RETURN, card_no, 30000),
    )  # fmt: skip
    return member_id, done.ticket.ticket_id


def test_a_bank_return_reaches_head_office_sealed_and_its_liability_falls(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    till = make_till(61, 1)
    member_id, ticket_id = _returned_by_bank(till, "13800006101")
    before = build_settlement(hq_admin).settlement.outstanding
    assert before == {"061": 30_000}

    assert till.sync().ok

    held = hq_rows(
        hq_admin,
        "SELECT payout, account, account_masked, holder, id_number, id_masked, "
        "identity_checked_by, (calculation ->> 'principal_refunded')::bigint "
        "FROM card_return WHERE ticket_id = :t",
        t=ticket_id,
    )
    assert len(held) == 1
    payout, account, masked, holder, id_number, id_masked, checked_by, principal = held[0]
    assert (payout, masked, holder, checked_by, principal) == (
        "bank_transfer", "6222 **** 0123", "张三", ADMIN[0], 30_000,
    )  # fmt: skip
    assert str(account).startswith("fdk1:")  # sealed with the member's key, never in clear
    assert str(id_number).startswith("fdk1:")
    assert "6222021234567890123" not in str(account)
    assert ID_NUMBER not in str(id_masked)
    report = build_settlement(hq_admin)
    assert dict(report.settlement.outstanding).get("061", 0) == 0  # 本金 paid out: no liability
    assert report.reconciles

    # h0013 run again (hq migrate over a head office that has it) changes nothing held.
    with hq_admin.begin() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        for statement in (h0013._TABLES, h0013._FUNCTIONS):
            raw.execute(statement)  # as alembic runs it: no parameters, so no placeholders
    assert (
        len(hq_rows(hq_admin, "SELECT 1 FROM card_return WHERE ticket_id = :t", t=ticket_id)) == 1
    )

    # Erased later, head office's copy loses the holder name too; the sealed numbers stay sealed.
    till.clock.advance(days=31)
    erase(
        till.ctx, actor=ADMIN[0], member_id=member_id,
        approval_id=approval(till, ApprovalAction.MEMBER_ERASE, member_id, 0),
    )  # fmt: skip
    assert till.sync().ok
    assert hq_rows(
        hq_admin, "SELECT holder FROM card_return WHERE ticket_id = :t", t=ticket_id
    ) == [(None,)]


FORGERIES = {
    # Paid "in cash" above the law's ￥100, the bank details dropped.
    "card_return_cash_above_limit": "UPDATE card_return SET payout = 'cash', account = NULL, "
    "account_masked = NULL, bank = NULL, id_number = NULL, id_masked = NULL",
    # The full account number written in clear instead of sealed.
    "card_return_unsealed": "UPDATE card_return SET account = '6222021234567890123'",
    # More principal claimed refunded than the ticket and the ledger paid out.
    "card_return_amount": "UPDATE card_return SET calculation = "
    "json_set(calculation, '$.principal_refunded', 50000)",
}


@pytest.mark.parametrize("code", sorted(FORGERIES))
def test_a_forged_return_record_is_refused_inside_head_office(
    make_till: Callable[..., Till], hq_admin: Engine, code: str
) -> None:
    till = make_till(62 + sorted(FORGERIES).index(code), 1)
    _, ticket_id = _returned_by_bank(till, f"138000062{sorted(FORGERIES).index(code):02d}")
    with sqlite3.connect(till.path) as raw:
        raw.execute("DROP TRIGGER card_return_no_update")
        raw.execute(FORGERIES[code])

    report = till.sync()

    assert not report.ok
    codes = hq_rows(hq_admin, "SELECT code FROM sync_problem WHERE till_id = :t", t=till.till_id)
    assert (code,) in codes, codes
    assert hq_rows(hq_admin, "SELECT 1 FROM card_return WHERE ticket_id = :t", t=ticket_id) == []
    assert hq_rows(hq_admin, "SELECT 1 FROM ticket WHERE ticket_id = :t", t=ticket_id) == []
