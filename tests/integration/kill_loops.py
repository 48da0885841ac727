"""What the SIGKILL loops share: a till with a loaded card, and the child's endless operations."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from sqlalchemy import Engine

from frontdesk.domain.money import Fen
from frontdesk.domain.program import PinPolicy
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.services import accounts, checkout, receipt_making
from frontdesk.services.context import TillContext, new_id
from tests.builders import PROGRAM, FixedClock, at
from tests.integration.core_fixtures import RICE, WATER, Till, make_till

# The loops' ￥1 stored-value spends ask no PIN: the PIN's scrypt (half a second here) runs before
# the write transaction, so a kill landing in it tests nothing, and it made 200 kills take minutes.
KILL_LOOP_PROGRAM = dataclasses.replace(
    PROGRAM, pin_policy=PinPolicy.ABOVE_AMOUNT, pin_above_amount=Fen.of("5.00")
)


def kill_loop_till(path: Path, balance: str = "4000.00") -> tuple[Till, str, dict[str, str], str]:
    """A till for SIGKILL loops: its card, the environment its children import with, its member.

    The card holds ￥4,000 by default (a named card's cap), so a loop spending ￥1 of stored value
    a sale runs thousands of sales whatever the kills allow; the engine is closed for the children.
    """
    till = make_till(path)
    reg = till.member()
    accounts.topup(till.ctx, actor="8001", member_id=reg.member.member_id, amount=Fen.of(balance))
    till.engine.dispose()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path.cwd()), str(Path.cwd() / "src")])}
    return till, reg.card_no, env, reg.member.member_id


def loop_context(path: str) -> tuple[Engine, TillContext]:
    """The till a loop sells on, on its own engine."""
    engine = open_database(path)
    return engine, TillContext(
        SqlUnitOfWorkFactory(engine), FixedClock(at(2026, 3, 10)), KILL_LOOP_PROGRAM
    )


def run_forever(
    ctx: TillContext,
    card: str,
    *,
    lines: int,
    with_receipt: bool,
    topups_for: str | None = None,
    topup_first: bool = False,
) -> None:
    """Operate until killed, writing each receipt number to stdout once its commit returned.

    With ``topups_for`` (the card's member) every other operation is a ￥1 cash top-up, the first
    one when ``topup_first``: sales and top-ups alternate, so the card's balance stays where it
    started, give or take one a kill.
    """
    turn = 1 if topup_first else 0
    while True:
        topup = topups_for is not None and turn % 2 == 1
        receipt_no = operate(ctx, card, lines, with_receipt, topups_for if topup else None)
        turn += 1
        os.write(1, f"{receipt_no}\n".encode())  # one write: a whole line or none


def operate(
    ctx: TillContext, card: str, lines: int, with_receipt: bool, topup_for: str | None
) -> str:
    """One committed sale of `lines` lines (￥1 of it stored value), or a ￥1 cash top-up of
    `topup_for`; returns its receipt number."""
    if topup_for is not None:
        done = accounts.topup(
            ctx,
            actor="1001",
            member_id=topup_for,
            amount=Fen.of("1.00"),
            txn_id=new_id(),
            receipt=receipt_making.topup_in if with_receipt else None,
        )
        return done.ticket.receipt_no
    items = [checkout.SaleItem(RICE), checkout.SaleItem(WATER, 2), checkout.SaleItem(WATER)]
    sold = checkout.checkout(
        ctx,
        txn_id=new_id(),
        cashier="1001",
        card_no=card,
        items=items[:lines],
        payments=[
            checkout.Payment("stored_value", Fen.of("1.00")),
            checkout.Payment("cash", Fen.of("100.00")),
        ],
        receipt=receipt_making.sale_in if with_receipt else None,
    )
    return sold.ticket.receipt_no
