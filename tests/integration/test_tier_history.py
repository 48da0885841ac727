"""The tier a sale stores, carried forward from the account, is what a full replay says."""

from __future__ import annotations

import random

from frontdesk.domain.money import Fen
from frontdesk.domain.tiers import TierStatus, tier_status
from frontdesk.services import checkout, membership
from frontdesk.services.checkout import Payment, SaleItem
from frontdesk.services.context import new_id
from frontdesk.services.tiering import stored_status
from tests.integration.core_fixtures import GOLD_BAR, RICE, WATER, Till


def _stored_and_replayed(till: Till, member_id: str) -> tuple[TierStatus, TierStatus]:
    with till.ctx.uow(write=False) as uow:
        account = uow.accounts.get(member_id)
        assert account is not None
        replay = tier_status(uow.tickets.tier_events(member_id), till.clock.now(), till.ctx.program)
        return stored_status(account), replay


def test_two_years_of_sales_and_refunds_keep_the_stored_tier_equal_to_a_replay(till: Till) -> None:
    reg = till.member()
    rng = random.Random(5)
    baskets = [
        [SaleItem(WATER)],
        [SaleItem(RICE, 12)],
        [SaleItem(RICE, 25)],
        [SaleItem(GOLD_BAR, 2)],
    ]
    sales: list[checkout.SaleResult] = []
    for step in range(40):
        till.clock.advance(days=rng.choice([1, 9, 30, 90]), hours=rng.choice([0, 3]))
        if sales and rng.random() < 0.25:
            sold = sales.pop(rng.randrange(len(sales)))
            amount = sold.ticket.total.value
            checkout.refund(
                till.ctx,
                txn_id=new_id(),
                cashier="1001",
                receipt_no=sold.ticket.receipt_no,
                lines=None,
                approval_id=till.approve("refund", sold.ticket.receipt_no, amount),
            )
        else:
            basket = baskets[rng.choice([0, 0, 1, 1, 2, 3])]
            due = checkout.quote(
                till.ctx, actor="1001", card_no=reg.card_no, items=basket
            ).priced.due
            sales.append(
                checkout.checkout(
                    till.ctx,
                    txn_id=new_id(),
                    cashier="1001",
                    card_no=reg.card_no,
                    items=basket,
                    payments=[Payment("bank_card", due, f"POS{step}")],
                )
            )

        stored, replayed = _stored_and_replayed(till, reg.member.member_id)
        assert stored == replayed, f"after step {step}"
        shown = membership.lookup_card(till.ctx, reg.card_no, "1001").tier
        assert shown == replayed.code
    assert Fen(0) < sum((s.ticket.total for s in sales), Fen(0))


def test_a_stored_tier_the_program_no_longer_has_is_replayed_from_the_history(till: Till) -> None:
    reg = till.member()
    with till.ctx.uow() as uow:
        uow.accounts.set_tier(reg.member.member_id, "platinum", till.clock.now(), None)
        uow.commit()

    checkout.checkout(
        till.ctx,
        txn_id=new_id(),
        cashier="1001",
        card_no=reg.card_no,
        items=[SaleItem(WATER)],
        payments=[Payment("cash", Fen.of("2.00"))],
    )

    stored, replayed = _stored_and_replayed(till, reg.member.member_id)
    assert stored == replayed
    assert stored.code == "normal"
