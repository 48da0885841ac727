"""A real SQLite till for window tests: staff, products, a member with stored value, a lost card.

The shift the set-up needed is closed again, so a test starts where a cashier does: at the login.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from frontdesk.domain.cards import CardAction
from frontdesk.domain.money import Fen
from frontdesk.printing_setup import receipt_text
from frontdesk.services import accounts, membership, shifts
from frontdesk.services.till_facade import ServicesTillBackend
from tests.integration.core_fixtures import RICE, TOBACCO, WATER, Till, make_till

__all__ = ["RICE", "TOBACCO", "WATER", "RealStore", "real_store"]

CASHIER_NO, CASHIER_PIN = "1001", "1001"
MANAGER_NO, MANAGER_PIN = "8001", "8001"
MEMBER_PIN = "135790"


@dataclass
class RealStore:
    till: Till
    backend: ServicesTillBackend
    card: str  # 张伟: ￥500 principal + ￥60 bonus, PIN 135790
    member_id: str
    lost: str  # 陈静's card, reported lost

    @property
    def engine_path(self) -> Path:
        return self.till.path


@pytest.fixture
def real_store(tmp_path: Path) -> Iterator[RealStore]:
    till = make_till(tmp_path / "till.db")
    member = till.member()
    accounts.topup(till.ctx, actor="1001", member_id=member.member.member_id, amount=Fen(50000))
    other = till.member(phone="13500005555", name="陈静")
    membership.change_card_state(
        till.ctx, actor="1001", card_no=other.card_no, action=CardAction.REPORT_LOST
    )
    shifts.close_shift(till.ctx, cashier="1001", counted_cash=Fen(50000))
    yield RealStore(
        till,
        ServicesTillBackend(till.ctx, receipt_text=receipt_text),
        member.card_no,
        member.member.member_id,
        other.card_no,
    )
    till.engine.dispose()
