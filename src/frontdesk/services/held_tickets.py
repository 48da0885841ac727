"""挂单/取单: open tickets put aside in the till database, so they outlive a restart.

The held tickets are one JSON document in the till's settings: a counter has a handful at a
time, and one write keeps the list and its numbers consistent.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime

from frontdesk.domain import errors
from frontdesk.services.context import TillContext
from frontdesk.services.ports import Settings

_KEY = "held_tickets"


@dataclass(frozen=True)
class HeldTicket:
    """A ticket put aside: what was scanned and for whom; prices are worked out again on recall."""

    held_no: int  # what the cashier picks in the list (挂单 3)
    held_at: datetime
    staff_no: str
    lines: tuple[tuple[str, int], ...]  # (barcode, quantity)
    member_id: str | None
    card_no: str | None
    member_name: str
    redeem_blocks: int
    txn_id: str  # the basket's id stays: paying it after recall is still that one sale


def _read(settings: Settings) -> list[HeldTicket]:
    raw = settings.get(_KEY)
    if not raw:
        return []
    out = []
    for d in json.loads(raw):
        d["held_at"] = datetime.fromisoformat(d["held_at"])
        d["lines"] = tuple((b, int(q)) for b, q in d["lines"])
        out.append(HeldTicket(**d))
    return out


def _write(settings: Settings, held: Sequence[HeldTicket]) -> None:
    docs = [{**asdict(h), "held_at": h.held_at.isoformat()} for h in held]
    settings.set(_KEY, json.dumps(docs, ensure_ascii=False))


def hold(
    ctx: TillContext,
    *,
    staff_no: str,
    lines: Sequence[tuple[str, int]],
    member_id: str | None,
    card_no: str | None,
    member_name: str,
    redeem_blocks: int,
    txn_id: str,
) -> HeldTicket:
    if not lines:
        raise errors.EmptyTicket()
    with ctx.uow() as uow:
        held = _read(uow.settings)
        ticket = HeldTicket(
            uow.settings.next_number("held_ticket"),
            ctx.now(),
            staff_no,
            tuple(lines),
            member_id,
            card_no,
            member_name,
            redeem_blocks,
            txn_id,
        )
        _write(uow.settings, [*held, ticket])
        uow.commit()
    return ticket


def held(ctx: TillContext) -> list[HeldTicket]:
    """Every held ticket, oldest first."""
    with ctx.uow(write=False) as uow:
        return _read(uow.settings)


def take(ctx: TillContext, held_no: int) -> HeldTicket:
    """取单: the held ticket, no longer held."""
    with ctx.uow() as uow:
        held = _read(uow.settings)
        found = [h for h in held if h.held_no == held_no]
        if not found:
            raise errors.HeldTicketUnknown(held_no=held_no)
        _write(uow.settings, [h for h in held if h.held_no != held_no])
        uow.commit()
    return found[0]


def refuse_if_held(settings: Settings) -> None:
    """交班 waits until every held ticket was recalled: a shift closes with no sale half-rung."""
    count = len(_read(settings))
    if count:
        raise errors.TicketsHeld(count=count)
