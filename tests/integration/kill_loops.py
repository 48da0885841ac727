"""What the SIGKILL loops share: a till with a loaded card, and the child's endless checkouts."""

from __future__ import annotations

import os
from pathlib import Path

from frontdesk.domain.money import Fen
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.services import accounts, checkout, receipt_making
from frontdesk.services.context import TillContext, new_id
from tests.builders import PROGRAM, FixedClock, at
from tests.integration.core_fixtures import RICE, WATER, Till, make_till


def kill_loop_till(path: Path) -> tuple[Till, str, dict[str, str]]:
    """A till for SIGKILL loops: its card, and the environment its child processes import with.

    The card holds ￥4,000 (a named card's cap), so a loop spending ￥1 of stored value a sale
    runs thousands of sales whatever the kills allow; the engine is closed for the children.
    """
    till = make_till(path)
    reg = till.member()
    accounts.topup(till.ctx, actor="8001", member_id=reg.member.member_id, amount=Fen.of("4000.00"))
    till.engine.dispose()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path.cwd()), str(Path.cwd() / "src")])}
    return till, reg.card_no, env


def sell_forever(path: str, card: str, *, lines: int, with_receipt: bool) -> None:
    """Check out until killed, writing each receipt number to stdout once its commit returned."""
    engine = open_database(path)
    ctx = TillContext(SqlUnitOfWorkFactory(engine), FixedClock(at(2026, 3, 10)), PROGRAM)
    items = [checkout.SaleItem(RICE), checkout.SaleItem(WATER, 2), checkout.SaleItem(WATER)]
    while True:
        r = checkout.checkout(
            ctx,
            txn_id=new_id(),
            cashier="1001",
            card_no=card,
            items=items[:lines],
            payments=[
                checkout.Payment("stored_value", Fen.of("1.00")),
                checkout.Payment("cash", Fen.of("100.00")),
            ],
            pin="135790",
            receipt=receipt_making.sale_in if with_receipt else None,
        )
        os.write(1, f"{r.ticket.receipt_no}\n".encode())  # one write: a whole line or none
