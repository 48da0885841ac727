"""Stored-value spends authorised at head office: a hold asked before the sale's transaction.

The hold is asked after the PIN and before the till takes its write lock, so the lock is never
held over the network; a sale that then fails gives its hold back (`voided_on_failure`), and a
committed one is posted at head office when its entries arrive.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from frontdesk.domain import errors
from frontdesk.domain.authorisation import HoldAnswer, HoldOutcome, HoldRequest, unsent_claim
from frontdesk.domain.money import Fen
from frontdesk.services.context import TillContext
from frontdesk.services.membership import usable_card

log = logging.getLogger(__name__)

ACKED_LEDGER_SETTING = "sync_ack_ledger"  # the sync store's acknowledgement of the ledger push


def ask_hold(
    ctx: TillContext, *, txn_id: str, card_no: str, cashier: str, amount: Fen
) -> HoldOutcome | None:
    """Head office's answer for this spend; None when no hold is asked (no head office, a replay).

    A refusal is raised (`HoldRefused`): head office sees too little for this spend, most often
    because another store has just spent it. Unreachable is an answer, not an error: the caller
    sells under the floor limit.
    """
    if ctx.authoriser is None or not amount.value:
        return None
    request = _request(ctx, txn_id, card_no, cashier, amount)
    if request is None:
        return None
    outcome = ctx.authoriser.hold(request)
    # Head office counts only money it has seen, and this till has some it has not (a top-up
    # not pushed yet): push it, then ask again under the same transaction id.
    unseen = outcome.answer is HoldAnswer.REFUSED and request.unsent.value > 0
    if unseen and ctx.authoriser.push_ledger():
        again = _request(ctx, txn_id, card_no, cashier, amount)
        if again is not None:
            outcome = ctx.authoriser.hold(again)
    if outcome.answer is HoldAnswer.UNREACHABLE:
        log.warning("online hold not answered, floor limit applies: %s", outcome.detail)
    if outcome.answer is HoldAnswer.REFUSED:
        raise errors.HoldRefused(balance=outcome.available or Fen(0), amount=amount)
    return outcome


def _request(
    ctx: TillContext, txn_id: str, card_no: str, cashier: str, amount: Fen
) -> HoldRequest | None:
    """The hold to ask for, with this till's word on what head office lacks; None for none."""
    with ctx.uow(write=False) as uow:
        if uow.tickets.get(txn_id) is not None:
            return None  # a replay: the committed sale answers it, nothing is held again
        if uow.settings.get("hq_configured") != "1":
            return None
        member_id = usable_card(ctx, uow, card_no, cashier).member_id
        acked = int(uow.settings.get(ACKED_LEDGER_SETTING) or 0)
        unsent = unsent_claim(uow.ledger.for_member(member_id), uow.till_id, acked)
    return HoldRequest(txn_id, member_id, amount, acked, unsent)


@contextmanager
def voided_on_failure(ctx: TillContext, txn_id: str, outcome: HoldOutcome | None) -> Iterator[None]:
    """A sale that does not commit gives its hold back at once instead of waiting for expiry."""
    try:
        yield
    except BaseException:
        if outcome is not None and outcome.online and ctx.authoriser is not None:
            ctx.authoriser.void(txn_id)
        raise
