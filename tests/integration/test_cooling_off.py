"""The cooling-off refund (冷静期退款) on a real till database, through the service and the CLI.

Source: 法释〔2025〕4号 (in force 2025-05-01): an unused prepaid amount may be taken back within
7 days, without conditions — here whole, bonus reversed, no fee.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from frontdesk.cli import main
from frontdesk.domain import cooling_off
from frontdesk.domain.money import Fen
from frontdesk.persistence.verify import verify
from frontdesk.services import accounts, checkout, membership
from frontdesk.services.checkout import Payment, SaleItem
from frontdesk.services.context import new_id
from frontdesk.services.cooling_off import refund_top_up
from tests.integration.core_fixtures import RICE, Till

STAFF = ["--staff", "1001", "--pin", "1001"]


def _topped_up(till: Till, amount: str, tender: str = "cash", ref: str | None = None) -> str:
    reg = till.member()
    r = accounts.topup(
        till.ctx,
        actor="1001",
        member_id=reg.member.member_id,
        amount=Fen.of(amount),
        tender=tender,
        reference=ref,
    )
    return r.ticket.receipt_no


def test_an_unused_top_up_comes_back_whole_with_its_bonus_reversed_on_day_7(till: Till) -> None:
    receipt_no = _topped_up(till, "500.00", "wechat", "4200001234")
    till.clock.advance(days=7)

    done = refund_top_up(till.ctx, actor="1001", receipt_no=receipt_no)

    assert (done.returned.principal, done.returned.bonus) == (Fen.of("500.00"), Fen.of("60.00"))
    assert [(t.kind, t.amount, t.reference) for t in done.ticket.tenders] == [
        ("wechat", Fen.of("-500.00"), "4200001234")
    ]
    member = membership.member_by_id(till.ctx, done.topup.member_id)  # type: ignore[arg-type]
    assert (member.principal, member.bonus) == (Fen(0), Fen(0))
    with sqlite3.connect(till.path) as conn:
        kinds = conn.execute(
            "SELECT kind, bucket, amount FROM ledger_entry WHERE ticket_id = ? ORDER BY seq",
            (done.ticket.ticket_id,),
        ).fetchall()
    assert kinds == [("reversal", "principal", -50_000), ("reversal", "bonus", -6_000)]
    assert verify(till.engine) == []
    with pytest.raises(cooling_off.CoolingOffDone):
        refund_top_up(till.ctx, actor="1001", receipt_no=receipt_no)


def test_day_8_is_past_the_period(till: Till) -> None:
    receipt_no = _topped_up(till, "100.00")
    till.clock.advance(days=8)

    with pytest.raises(cooling_off.CoolingOffOver) as refused:
        refund_top_up(till.ctx, actor="1001", receipt_no=receipt_no)

    assert "已超过 7 天冷静期" in refused.value.message


def test_a_top_up_followed_by_a_spend_is_not_returned(till: Till) -> None:
    receipt_no = _topped_up(till, "200.00")
    card = membership.find_member(till.ctx, "13800001111", actor="1001")
    checkout.checkout(
        till.ctx,
        txn_id=new_id(),
        cashier="1001",
        card_no=card.card_no,
        items=[SaleItem(RICE)],
        payments=[Payment("stored_value", Fen.of("87.22"))],
        pin="135790",
    )

    with pytest.raises(cooling_off.CoolingOffUsed):
        refund_top_up(till.ctx, actor="1001", receipt_no=receipt_no)


def test_a_sale_receipt_is_no_top_up(till: Till) -> None:
    with pytest.raises(cooling_off.NotATopUp):
        refund_top_up(till.ctx, actor="1001", receipt_no="R001019999999")


def test_the_command_returns_the_top_up_and_the_cash_leaves_the_drawer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "store.db"
    assert main(["--db", str(db), "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), *STAFF, "--json", "member", "add", "--phone", "13900002277",
                 "--name", "孙丽", "--consent-terms"]) == 0  # fmt: skip
    card_no = json.loads(capsys.readouterr().out)["card_no"]
    assert main(["--db", str(db), *STAFF, "--json", "topup", "--card", card_no, "1000.00"]) == 0
    receipt_no = json.loads(capsys.readouterr().out)["ticket"]["receipt_no"]

    code = main(["--db", str(db), *STAFF, "topup-return", receipt_no])

    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.startswith(
        f"冷静期退款完成：充值 {receipt_no} 退还本金 ￥1,000.00，收回赠金 ￥150.00"
    )
    with sqlite3.connect(db) as conn:
        balance = conn.execute(
            "SELECT principal, bonus FROM account JOIN card USING (member_id) WHERE card_no = ?",
            (card_no,),
        ).fetchone()
        cash = conn.execute(
            "SELECT tender.amount FROM tender JOIN ticket USING (ticket_id)"
            " WHERE ticket.kind = 'topup_return'"
        ).fetchone()
    assert balance == (0, 0)
    assert cash == (-100_000,)
    assert main(["--db", str(db), "verify"]) == 0
