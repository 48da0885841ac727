"""A real till database in a temporary folder, with a fixed clock, staff and products."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine

from frontdesk.demo import ean13
from frontdesk.domain.approvals import ApprovalAction, ApprovalBinding
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import Product
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.services import membership, shifts, staff, staff_admin
from frontdesk.services.context import TillContext
from tests.builders import PROGRAM, FixedClock, at

WATER = ean13("690000000001")
RICE = ean13("690000000002")
TOBACCO = ean13("690000000003")
GOLD_BAR = ean13("690000000004")


@dataclass
class Till:
    ctx: TillContext
    clock: FixedClock
    engine: Engine
    path: Path

    def member(self, phone: str = "13800001111", name: str = "张伟") -> membership.Registered:
        return membership.register(
            self.ctx, actor="1001", phone=phone, name=name, consent_terms=True, pin="135790"
        )

    def approve(self, action: str, subject: str, amount: int = 0) -> str:
        return staff.approve(
            self.ctx,
            ApprovalBinding(ApprovalAction(action), subject, amount),
            manager_no="8001",
            pin="8001",
        )


def make_till(path: Path, clock: FixedClock | None = None) -> Till:
    engine = open_database(path, create=True)
    clock = clock or FixedClock(at(2026, 3, 10))
    ctx = TillContext(SqlUnitOfWorkFactory(engine), clock, PROGRAM)
    staff.init_till(
        ctx,
        store_no=1,
        till_no=1,
        store_name="测试店",
        admin_no="9001",
        admin_name="管理员",
        admin_pin="9001",
    )
    staff_admin.add_staff(
        ctx, actor="9001", staff_no="8001", name="王店长", role="manager", pin="8001"
    )
    staff_admin.add_staff(
        ctx, actor="9001", staff_no="1001", name="李收银", role="cashier", pin="1001"
    )
    with ctx.uow() as uow:
        uow.products.upsert(Product(WATER, "矿泉水", Fen.of("2.00")))
        uow.products.upsert(Product(RICE, "大米 5kg", Fen.of("89.00")))
        uow.products.upsert(Product(TOBACCO, "香烟", Fen.of("65.00"), member_discount=False))
        uow.products.upsert(Product(GOLD_BAR, "金条", Fen.of("15000.00")))
        uow.commit()
    shifts.open_shift(ctx, cashier="1001", opening_float=Fen.of("500.00"))
    return Till(ctx, clock, engine, path)


@pytest.fixture
def till(tmp_path: Path) -> Iterator[Till]:
    t = make_till(tmp_path / "till.db")
    yield t
    t.engine.dispose()
