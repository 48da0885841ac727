"""A real SQLite till for window tests: staff, products, members with stored value, a lost card.

The store is built once per test session through the real services into a template file; each
test gets its own copy of that file (a copy and an open take ~50 ms, a build ~2 s). The shift the
set-up needed is closed again, so a test starts where a cashier does: at the login.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from frontdesk.domain.cards import CardAction
from frontdesk.domain.money import Fen
from frontdesk.export_setup import export_files
from frontdesk.persistence import tables
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.pin_pepper import copy_pepper
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.printing_setup import receipt_text
from frontdesk.services import accounts, checkout, membership, shifts
from frontdesk.services.context import TillContext, new_id
from frontdesk.services.till_facade import ServicesTillBackend
from tests.builders import PROGRAM, FixedClock, at
from tests.integration.core_fixtures import GOLD_BAR, RICE, TOBACCO, WATER, Till, make_till

__all__ = ["GOLD_BAR", "RICE", "TOBACCO", "WATER", "RealStore", "real_store"]

CASHIER_NO, CASHIER_PIN = "1001", "1001"
MANAGER_NO, MANAGER_PIN = "8001", "8001"
MEMBER_PIN = "135790"
TODAY = at(2026, 3, 10)  # every copy starts on this day; a test may move its own clock
GOLD_BOUGHT = at(2025, 6, 2)  # 张三丰's ￥29,400 ticket that made him gold, in last year's lot


@dataclass
class Cards:
    card: str  # 张伟 13800001111: normal, ￥500 principal + ￥60 bonus, no points
    member_id: str
    lost: str  # 陈静 13500005555: her only card, reported lost
    gold: str  # 张三丰 13812341234: gold, birthday this month, 29,400 points, ￥500 + ￥60


@dataclass
class RealStore(Cards):
    till: Till
    backend: ServicesTillBackend

    @property
    def engine_path(self) -> Path:
        return self.till.path

    def receipt_numbers(self) -> list[str]:
        """Every ticket in the books (sales, top-ups, refunds, fees), oldest first."""
        with self.till.engine.connect() as conn:
            rows = conn.execute(
                select(tables.ticket.c.receipt_no).order_by(tables.ticket.c.receipt_no)
            )
            return [r.receipt_no for r in rows]


def build_store(path: Path) -> Cards:
    """The store every window test starts from, made through the real use cases."""
    till = make_till(path, FixedClock(GOLD_BOUGHT))
    gold = membership.register(
        till.ctx,
        actor=CASHIER_NO,
        phone="13812341234",
        name="张三丰",
        birthday=date(1985, 3, 3),
        consent_terms=True,
        pin=MEMBER_PIN,
    )
    bar = [checkout.SaleItem(GOLD_BAR, 2)]
    due = checkout.quote(till.ctx, actor="1001", card_no=gold.card_no, items=bar).priced.due
    checkout.checkout(
        till.ctx,
        txn_id=new_id(),
        cashier=CASHIER_NO,
        card_no=gold.card_no,
        items=bar,
        payments=[checkout.Payment("bank_card", due, "POS-20250602")],
    )
    shifts.close_shift(till.ctx, cashier=CASHIER_NO, counted_cash=Fen(50000))
    till.clock.moment = TODAY
    shifts.open_shift(till.ctx, cashier=CASHIER_NO, opening_float=Fen(50000))
    member = till.member()
    for member_id in (member.member.member_id, gold.member.member_id):
        accounts.topup(till.ctx, actor=CASHIER_NO, member_id=member_id, amount=Fen(50000))
    other = till.member(phone="13500005555", name="陈静")
    membership.change_card_state(
        till.ctx, actor=CASHIER_NO, card_no=other.card_no, action=CardAction.REPORT_LOST
    )
    shifts.close_shift(till.ctx, cashier=CASHIER_NO, counted_cash=Fen(150000))
    till.engine.dispose()  # the last connection checkpoints the log into the file
    return Cards(member.card_no, member.member.member_id, other.card_no, gold.card_no)


@pytest.fixture(scope="session")
def store_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Cards]:
    path = tmp_path_factory.mktemp("template") / "till.db"
    return path, build_store(path)


def open_copy(template: Path, path: Path) -> Till:
    """A private copy of the template store, on its own fixed clock at `TODAY`."""
    shutil.copyfile(template, path)
    copy_pepper(template, path)  # the staff PINs' secret goes with its database
    engine = open_database(path)
    clock = FixedClock(TODAY)
    return Till(TillContext(SqlUnitOfWorkFactory(engine), clock, PROGRAM), clock, engine, path)


@pytest.fixture
def real_store(tmp_path: Path, store_template: tuple[Path, Cards]) -> Iterator[RealStore]:
    template, cards = store_template
    till = open_copy(template, tmp_path / "till.db")
    backend = ServicesTillBackend(
        till.ctx, receipt_text=receipt_text, exports=export_files(till.engine)
    )
    yield RealStore(**asdict(cards), till=till, backend=backend)
    till.engine.dispose()
