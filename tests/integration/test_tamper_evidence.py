"""Tickets, tenders and audit rows are in the till's chains: editing or deleting them is found."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from frontdesk.cli.main import main
from frontdesk.domain.money import Fen
from frontdesk.persistence.verify import verify
from frontdesk.services import accounts, checkout
from frontdesk.services.checkout import Payment, SaleItem
from frontdesk.services.context import new_id
from tests.integration.core_fixtures import RICE, WATER, Till


def _sell(till: Till, card_no: str | None, payments: list[Payment]) -> str:
    sale = checkout.checkout(
        till.ctx,
        txn_id=new_id(),
        cashier="1001",
        card_no=card_no,
        items=[SaleItem(RICE), SaleItem(WATER, 2)],
        payments=payments,
        pin="135790" if card_no else None,
    )
    return sale.ticket.receipt_no


@pytest.fixture
def sold(till: Till) -> tuple[Till, str, str]:
    """Two sales: one in cash to a walk-in (no ledger entry at all), one partly from a card."""
    reg = till.member()
    accounts.topup(till.ctx, actor="8001", member_id=reg.member.member_id, amount=Fen(50_000))
    cash = _sell(till, None, [Payment("cash", Fen.of("100.00"))])
    card = _sell(
        till,
        reg.card_no,
        [Payment("stored_value", Fen.of("20.00")), Payment("cash", Fen.of("100.00"))],
    )
    assert verify(till.engine) == []
    return till, cash, card


def _tamper(path: Path, *statements: str) -> None:
    with sqlite3.connect(path) as raw:
        for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            raw.execute(f"DROP TRIGGER {row[0]}")
        for statement in statements:
            raw.execute(statement)


def _manager_reads(path: Path, capsys: pytest.CaptureFixture[str], headline: str) -> str:
    """What `frontdesk verify` says: refused (2), with the kind of damage named first."""
    code = main(["--db", str(path), "verify"])
    out, err = capsys.readouterr()
    assert code == 2
    assert headline in out + err
    return out + err


def _ticket_of(receipt: str) -> str:
    return f"(SELECT ticket_id FROM ticket WHERE receipt_no = '{receipt}')"


def test_skimming_a_cash_sale_by_editing_its_total_and_tender_is_found(
    sold: tuple[Till, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    till, cash, _ = sold
    ticket = _ticket_of(cash)
    # ￥50 less on the ticket and on its cash tender: the tenders still pay the total.
    _tamper(
        till.path,
        f"UPDATE ticket SET total = total - 5000, gross = gross - 5000 WHERE receipt_no = '{cash}'",
        f"UPDATE tender SET amount = amount - 5000 WHERE ticket_id = {ticket}",
    )

    problems = verify(till.engine)
    assert any(cash in p and "content does not match its hash" in p for p in problems), problems
    assert cash in _manager_reads(till.path, capsys, "小票记录被改动")


def test_an_edited_tender_alone_is_found(sold: tuple[Till, str, str]) -> None:
    till, _, card = sold
    ticket = _ticket_of(card)
    _tamper(
        till.path,
        f"UPDATE tender SET amount = amount + 1000 WHERE ticket_id = {ticket} AND kind = 'cash'",
        f"UPDATE tender SET amount = amount - 1000 WHERE ticket_id = {ticket} "
        "AND kind = 'stored_value'",
    )

    problems = verify(till.engine)
    assert any(card in p and "hash" in p for p in problems), problems
    assert any(card in p and "stored-value tenders" in p for p in problems), problems


def test_a_deleted_audit_row_is_found(
    sold: tuple[Till, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    till, cash, _ = sold
    _tamper(till.path, f"DELETE FROM audit_log WHERE action = 'sale' AND subject = '{cash}'")

    problems = verify(till.engine)
    assert any("audit: sequence gap" in p for p in problems), problems
    assert any(cash in p and "no audit row" in p for p in problems), problems
    _manager_reads(till.path, capsys, "审计日志被改动或删除")


def test_a_deleted_ticket_is_found_even_with_its_audit_row_gone_too(
    sold: tuple[Till, str, str],
) -> None:
    till, cash, _ = sold
    ticket = _ticket_of(cash)
    _tamper(
        till.path,
        f"DELETE FROM tender WHERE ticket_id = {ticket}",
        f"DELETE FROM ticket_line WHERE ticket_id = {ticket}",
        f"DELETE FROM ticket WHERE receipt_no = '{cash}'",
        f"DELETE FROM audit_log WHERE action = 'sale' AND subject = '{cash}'",
    )

    problems = verify(till.engine)
    assert any("ticket: sequence gap" in p for p in problems), problems
    assert any("audit: sequence gap" in p for p in problems), problems
