"""Member PIN checks one at a time: parallel wrong PINs never check more than the limit."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from frontdesk.domain import errors
from frontdesk.domain.money import Fen
from frontdesk.services import accounts, checkout
from frontdesk.services.context import new_id
from tests.integration.core_fixtures import WATER, Till

RIGHT = "135790"
WRONG = [f"{n:06d}" for n in range(200001, 200013)]  # 12 different wrong PINs


def _stored_sale(till: Till, card_no: str, pin: str) -> checkout.SaleResult:
    return checkout.checkout(
        till.ctx,
        txn_id=new_id(),
        cashier="1001",
        card_no=card_no,
        items=[checkout.SaleItem(WATER)],
        payments=[checkout.Payment("stored_value", Fen.of("1.96"))],
        pin=pin,
    )


def _member_with_money(till: Till) -> tuple[str, str]:
    reg = till.member()
    accounts.topup(till.ctx, actor="1001", member_id=reg.member.member_id, amount=Fen.of("100.00"))
    return reg.member.member_id, reg.card_no


def _wrong_checked(till: Till) -> int:
    with till.engine.connect() as conn:
        return int(
            conn.execute(
                text("SELECT count(*) FROM audit_log WHERE action = 'member_pin_wrong'")
            ).scalar_one()
        )


def test_twelve_parallel_wrong_pins_then_the_right_one_check_five_wrong_at_most(
    till: Till,
) -> None:
    _, card_no = _member_with_money(till)
    start = threading.Barrier(len(WRONG))
    outcomes: list[str] = []

    def attempt(pin: str) -> None:
        start.wait()
        try:
            _stored_sale(till, card_no, pin)
            outcomes.append("sold")
        except errors.DomainError as refusal:
            outcomes.append(type(refusal).__name__)

    threads = [threading.Thread(target=attempt, args=(p,)) for p in WRONG]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    with pytest.raises(errors.PinLocked):
        _stored_sale(till, card_no, RIGHT)

    assert _wrong_checked(till) == till.ctx.program.pin_max_tries == 5
    assert outcomes.count("WrongPin") == 4
    assert outcomes.count("PinLocked") == 8  # the fifth wrong one locks, seven never checked
    assert "sold" not in outcomes


_CHECK = """
import sys, time
from pathlib import Path
from frontdesk.domain.errors import DomainError
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.services.context import TillContext
from frontdesk.services.member_pin import check_member_pin
from tests.builders import PROGRAM, FixedClock, at

db, member, pin, ready, count = sys.argv[1:6]
ctx = TillContext(SqlUnitOfWorkFactory(open_database(db)), FixedClock(at(2026, 3, 10)), PROGRAM)
Path(ready, pin).touch()
deadline = time.monotonic() + 60
while len(list(Path(ready).iterdir())) < int(count) and time.monotonic() < deadline:
    time.sleep(0.01)
try:
    check_member_pin(ctx, member, pin)
    print("passed")
except DomainError as refusal:
    print(type(refusal).__name__)
"""


@pytest.mark.slow
def test_parallel_processes_with_wrong_pins_check_five_at_most(till: Till, tmp_path: Path) -> None:
    # Seven, not twelve: each process pays Python's start-up; two more than the limit is the case.
    pins = WRONG[:7]
    member_id, card_no = _member_with_money(till)
    ready = tmp_path / "ready"
    ready.mkdir()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    args = [str(till.path), member_id]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _CHECK, *args, pin, str(ready), str(len(pins))],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for pin in pins
    ]
    outcomes = [p.communicate(timeout=120)[0].strip() for p in procs]
    with pytest.raises(errors.PinLocked):
        _stored_sale(till, card_no, RIGHT)

    assert _wrong_checked(till) == 5, outcomes
    assert sorted(outcomes) == sorted(["WrongPin"] * 4 + ["PinLocked"] * 3)
