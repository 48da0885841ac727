"""`frontdesk sale`: price a basket, or with --pay check it out."""

from __future__ import annotations

from collections.abc import Sequence

from frontdesk.cli.errors import UsageError
from frontdesk.cli.member import member_text
from frontdesk.cli.output import Outcome
from frontdesk.cli.printing import wanted
from frontdesk.cli.session import Session, fen
from frontdesk.domain.money import ZERO, Fen, parse_count
from frontdesk.services import checkout, receipt_making
from frontdesk.services.context import new_id


def items(specs: Sequence[str]) -> list[checkout.SaleItem]:
    """BARCODE[xQTY][@PRICE][-OFF]: @ is 改价 (the unit price), - a 单品折扣 (money off)."""
    out = []
    for spec in specs:
        rest, _, off = spec.partition("-")
        rest, _, price = rest.partition("@")
        code, _, qty = rest.partition("x")
        try:
            out.append(
                checkout.SaleItem(
                    code,
                    parse_count(qty) if qty else 1,
                    Fen.of(price) if price else None,
                    Fen.of(off) if off else ZERO,
                )
            )
        except ValueError:
            raise UsageError("bad_item", text=spec) from None
    return out


def payments(specs: Sequence[str]) -> list[checkout.Payment]:
    pays = []
    for spec in specs:
        parts = spec.split(":")
        if len(parts) not in (2, 3) or parts[0] not in checkout.TENDER_KINDS:
            raise UsageError("bad_payment", kinds=", ".join(checkout.TENDER_KINDS), text=spec)
        ref = parts[2] if len(parts) == 3 else None
        pays.append(checkout.Payment(parts[0], fen(parts[1]), ref))
    return pays


def sale(s: Session) -> Outcome:
    a = s.args
    actor = s.actor()
    basket = items(a.item)
    off = fen(a.ticket_discount) if a.ticket_discount else ZERO
    if not a.pay:
        q = checkout.quote(
            s.ctx,
            card_no=a.card,
            items=basket,
            redeem_blocks=a.redeem,
            actor=actor,
            ticket_discount=off,
        )
        p = q.priced
        text = s.say("said_quote", due=p.due, savings=p.savings, points=p.points_earned)
        return Outcome(text, p)
    txn_id = a.txn or new_id()
    # Prices and discounts above the limit: --manager approves exactly what the sale names.
    result = s.approved(
        lambda approval: checkout.checkout(
            s.ctx,
            txn_id=txn_id,
            cashier=actor,
            card_no=a.card,
            items=basket,
            payments=payments(a.pay),
            redeem_blocks=a.redeem,
            pin=a.member_pin,
            receipt=receipt_making.sale_in if wanted(s) else None,  # its job commits with it
            ticket_discount=off,
            approval=approval,
        )
    )
    t = result.ticket
    text = s.say(
        "said_sold",
        receipt_no=t.receipt_no,
        gross=t.gross,
        savings=t.gross - t.total,
        paid=t.total,
        change=result.change,
    )
    if t.points_earned:
        text += s.say("said_points_earned", points=t.points_earned)
    if result.upgraded_to:
        text += "\n" + s.say("said_upgraded", tier=s.ctx.program.tier(result.upgraded_to).name)
    if result.member_after is not None:
        text += f"\n{member_text(result.member_after, s.lang)}"
    data = {
        "ticket": t,
        "change": result.change,
        "upgraded_to": result.upgraded_to,
        "replayed": result.replayed,
    }
    return Outcome(text, data, result=result)
