"""挂单/取单: open tickets put aside in the till database, so they outlive a restart.

The held tickets are one JSON document in the till's settings: a counter has a handful at a
time, and one write keeps the list and its numbers consistent. The ticket on screen is kept
beside them after every change, so a crash or a restart offers it back.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import Any

from frontdesk.domain import errors
from frontdesk.domain.permissions import Operation
from frontdesk.services.context import TillContext
from frontdesk.services.ports import Settings
from frontdesk.services.staff import authorize_in

_KEY = "held_tickets"
_OPEN_KEY = "open_ticket"


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
    # Per line, the cashier's hand: (改价 in fen or None, 单品折扣 in fen); and the 整单折扣.
    manual: tuple[tuple[int | None, int], ...] = ()
    ticket_discount: int = 0

    def by_hand(self, index: int) -> tuple[int | None, int]:
        return self.manual[index] if index < len(self.manual) else (None, 0)


def _ticket(d: dict[str, Any]) -> HeldTicket:
    d["held_at"] = datetime.fromisoformat(d["held_at"])
    d["lines"] = tuple((b, int(q)) for b, q in d["lines"])
    d["manual"] = tuple((p, int(x)) for p, x in d.get("manual", ()))  # held before 改价 existed
    return HeldTicket(**d)


def _doc(h: HeldTicket) -> dict[str, Any]:
    return {**asdict(h), "held_at": h.held_at.isoformat()}


def _read(settings: Settings) -> list[HeldTicket]:
    raw = settings.get(_KEY)
    return [_ticket(d) for d in json.loads(raw)] if raw else []


def _write(settings: Settings, held: Sequence[HeldTicket]) -> None:
    settings.set(_KEY, json.dumps([_doc(h) for h in held], ensure_ascii=False))


def hold(ctx: TillContext, ticket: HeldTicket) -> HeldTicket:
    """挂单: `ticket` put aside under the next held number, at this moment."""
    if not ticket.lines:
        raise errors.EmptyTicket()
    with ctx.uow() as uow:
        authorize_in(uow, ticket.staff_no, Operation.HOLD_TICKET)
        held = _read(uow.settings)
        ticket = replace(ticket, held_no=uow.settings.next_number("held_ticket"), held_at=ctx.now())
        _write(uow.settings, [*held, ticket])
        uow.commit()
    return ticket


def held(ctx: TillContext, *, actor: str) -> list[HeldTicket]:
    """Every held ticket, oldest first."""
    with ctx.uow(write=False) as uow:
        authorize_in(uow, actor, Operation.HOLD_TICKET)
        return _read(uow.settings)


def take(ctx: TillContext, held_no: int, *, actor: str) -> HeldTicket:
    """取单: the held ticket, no longer held."""
    with ctx.uow() as uow:
        authorize_in(uow, actor, Operation.HOLD_TICKET)
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


def keep_open(ctx: TillContext, ticket: HeldTicket) -> None:
    """The ticket on screen (held number 0), written after each change; no lines clears it."""
    with ctx.uow() as uow:
        authorize_in(uow, ticket.staff_no, Operation.HOLD_TICKET)
        doc = json.dumps(_doc(replace(ticket, held_no=0)), ensure_ascii=False)
        uow.settings.set(_OPEN_KEY, doc if ticket.lines else "")
        uow.commit()


def open_ticket(ctx: TillContext, *, actor: str) -> HeldTicket | None:
    """The ticket on screen when the till stopped, unless its sale committed after all."""
    with ctx.uow(write=False) as uow:
        authorize_in(uow, actor, Operation.HOLD_TICKET)
        raw = uow.settings.get(_OPEN_KEY)
        if not raw:
            return None
        ticket = _ticket(json.loads(raw))
        # A crash between the sale's commit and the next write leaves a paid ticket here.
        return None if uow.tickets.get(ticket.txn_id) is not None else ticket
