"""`verify` reads the ledger in pages: every check still finds its fault across page boundaries."""

from __future__ import annotations

import sqlite3

import pytest

from frontdesk.domain.money import Fen
from frontdesk.persistence import verify as verify_module
from frontdesk.persistence.verify import verify
from frontdesk.services import accounts, checkout
from frontdesk.services.checkout import Payment, SaleItem
from frontdesk.services.context import new_id
from tests.integration.core_fixtures import RICE, WATER, Till


@pytest.fixture
def busy(till: Till, monkeypatch: pytest.MonkeyPatch) -> tuple[Till, str]:
    """A till with a dozen entries over two members, read three entries a page."""
    monkeypatch.setattr(verify_module, "CHUNK", 3)
    regs = [till.member(), till.member(phone="13900002222", name="王芳")]
    for reg in regs:
        accounts.topup(
            till.ctx, actor="8001", member_id=reg.member.member_id, amount=Fen.of("500.00")
        )
        checkout.checkout(
            till.ctx,
            txn_id=new_id(),
            cashier="1001",
            card_no=reg.card_no,
            items=[SaleItem(RICE), SaleItem(WATER, 2)],
            payments=[Payment("stored_value", Fen.of("20.00")), Payment("cash", Fen.of("100.00"))],
            pin="135790",
        )
    return till, regs[0].member.member_id


def _tamper(till: Till, *statements: str) -> None:
    with sqlite3.connect(till.path) as raw:
        for table in ("ledger_entry", "tender"):
            raw.execute(f"DROP TRIGGER {table}_no_update")
            raw.execute(f"DROP TRIGGER {table}_no_delete")
        for statement in statements:
            raw.execute(statement)


def _entries(till: Till) -> int:
    with sqlite3.connect(till.path) as raw:
        count: int = raw.execute("SELECT count(*) FROM ledger_entry").fetchone()[0]
    return count


def test_books_that_are_right_pass_when_read_a_page_at_a_time(busy: tuple[Till, str]) -> None:
    till, _ = busy
    assert _entries(till) > 3 * verify_module.CHUNK
    assert verify(till.engine) == []


def test_an_edited_amount_is_found_in_a_later_page(busy: tuple[Till, str]) -> None:
    till, _ = busy
    _tamper(till, "UPDATE ledger_entry SET amount = amount + 100 WHERE seq = 8")

    problems = verify(till.engine)

    assert any(p.endswith("#8: content does not match its hash") for p in problems), problems
    assert any("projection" in p for p in problems), problems


def test_a_broken_link_across_a_page_boundary_is_found(busy: tuple[Till, str]) -> None:
    till, _ = busy
    # seq 7 opens the third page: its link points back to the last entry of the second.
    _tamper(till, "UPDATE ledger_entry SET prev_hash = 'x' WHERE seq = 7")

    problems = verify(till.engine)

    assert any(p.endswith("#7: previous hash does not match the entry before it") for p in problems)
    assert not any("#8: previous hash" in p for p in problems), problems


def test_a_missing_entry_is_a_gap(busy: tuple[Till, str]) -> None:
    till, _ = busy
    _tamper(till, "DELETE FROM ledger_entry WHERE seq = 6")

    problems = verify(till.engine)

    assert any("sequence gap, expected 6, found 7" in p for p in problems), problems


def test_projection_differences_are_each_named(busy: tuple[Till, str]) -> None:
    till, member_id = busy
    _tamper(
        till,
        f"UPDATE account SET bonus = bonus + 1 WHERE member_id = '{member_id}'",
        f"UPDATE points_lot SET points = points + 5 WHERE member_id = '{member_id}'",
        "UPDATE tender SET amount = amount + 1 WHERE kind = 'cash'",
    )

    problems = verify(till.engine)

    assert any(p.startswith(f"account {member_id} bonus: projection") for p in problems)
    assert any(p.startswith(f"points lot {member_id}/") for p in problems), problems
    assert any(p.startswith("ticket ") and "tenders" in p for p in problems), problems


def test_entries_without_a_lot_or_an_account_are_named(busy: tuple[Till, str]) -> None:
    till, member_id = busy
    _tamper(
        till,
        f"DELETE FROM points_lot WHERE member_id = '{member_id}'",
        "UPDATE ledger_entry SET member_id = 'nobody' WHERE seq = 1",
    )

    problems = verify(till.engine)

    assert any(p.startswith(f"points lot {member_id}/") and "missing" in p for p in problems)
    assert any(p.endswith("#1: entry for unknown account nobody") for p in problems), problems
