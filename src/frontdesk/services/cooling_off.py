"""The cooling-off refund of a top-up (冷静期退款): whole, bonus reversed, no fee, no approval.

The member's right under 法释〔2025〕4号 is unconditional within the period, so the till asks for
no manager: the rule itself (domain.cooling_off) bounds what can be returned — one top-up, once,
whole, only while nothing was spent since — and the money goes back the way it came (cash from
the drawer, a wallet or bank card payment against its reference). The ledger gets ordinary
reversal entries of the top-up's 本金 and 赠金; the audit log records who did it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from frontdesk.domain import cooling_off, errors
from frontdesk.domain.ledger import Bucket, EntryKind, TxnDrafts
from frontdesk.domain.money import Fen
from frontdesk.domain.permissions import Operation
from frontdesk.domain.receipt import Figure, Receipt, ReceiptHeader, ReceiptKind, Tender, TenderKind
from frontdesk.domain.stored_value import Split
from frontdesk.services.context import TillContext, new_id
from frontdesk.services.records import Tender as TicketTender
from frontdesk.services.records import Ticket
from frontdesk.services.staff import authorize
from frontdesk.services.tickets import money_ticket

KIND = "topup_return"  # the ticket kind of a cooling-off refund; refund_of names the top-up


@dataclass(frozen=True)
class CoolingOffRefund:
    topup: Ticket
    returned: Split  # 本金 paid back and 赠金 reversed
    ticket: Ticket


def refund_top_up(ctx: TillContext, *, actor: str, receipt_no: str) -> CoolingOffRefund:
    """Return one top-up whole within the cooling-off period, or refuse with the reason."""
    authorize(ctx, actor, Operation.TOPUP)
    now = ctx.now()
    with ctx.uow() as uow:
        topup = uow.tickets.by_receipt(receipt_no.strip())
        if topup is None or topup.kind != "topup" or topup.member_id is None:
            raise cooling_off.NotATopUp(receipt_no=receipt_no.strip())
        own = uow.ledger.for_ticket(topup.ticket_id)
        principal = sum(e.amount for e in own if e.bucket == Bucket.PRINCIPAL.value)
        bonus = sum(e.amount for e in own if e.bucket == Bucket.BONUS.value)
        last = max(e.seq for e in own)
        later = [e for e in uow.ledger.for_member(topup.member_id) if e.seq > last]
        account = uow.accounts.get(topup.member_id)
        state = cooling_off.TopUpState(
            receipt_no=topup.receipt_no,
            day=topup.created_at.date(),
            principal=Fen(principal),
            bonus=Fen(bonus),
            spent_since=any(e.kind == EntryKind.SPEND.value for e in later),
            returned=any(t.kind == KIND for t in uow.tickets.refunds_of(topup.ticket_id)),
            balance_principal=Fen(0) if account is None else account.principal,
            balance_bonus=Fen(0) if account is None else account.bonus,
        )
        cooling_off.check(state, now.date(), ctx.program.cooling_off_days)
        txn = new_id()
        entries = TxnDrafts(txn, topup.member_id, actor, ticket_id=txn)
        entries.add(EntryKind.REVERSAL, Bucket.PRINCIPAL, -principal)
        entries.add(EntryKind.REVERSAL, Bucket.BONUS, -bonus)
        back = tuple(
            TicketTender(t.kind, Fen(-t.amount.value), reference=t.reference) for t in topup.tenders
        )
        ticket = money_ticket(
            uow,
            ticket_id=txn,
            kind=KIND,
            member_id=topup.member_id,
            card_no=topup.card_no,
            now=now,
            cashier=actor,
            approver=None,
            amount=Fen(-principal),
            note="冷静期退款，赠金收回",
            tenders=back,
        )
        ticket = replace(ticket, refund_of=topup.ticket_id)
        if any(t.kind == "cash" for t in back) and uow.shifts.current() is None:
            raise errors.ShiftNotOpen()
        uow.tickets.add(ticket)
        uow.ledger.append(entries.drafts, now)
        uow.audit.add(
            at=now,
            actor=actor,
            action="cooling_off_refund",
            subject=topup.receipt_no,
            amount=principal,
            detail={"member_id": topup.member_id, "bonus_reversed": bonus},
        )
        uow.commit()
    return CoolingOffRefund(topup, Split(Fen(principal), Fen(bonus)), ticket)


def cooling_off_receipt(
    result: CoolingOffRefund, store_name: str, till: str, cashier: str, days: int
) -> Receipt:
    """冷静期退款小票: the top-up it returns, the principal paid back, the bonus taken back."""
    ticket = result.ticket
    header = ReceiptHeader(
        store_name, till, cashier, ticket.created_at, ticket.receipt_no, ReceiptKind.COOLING_OFF
    )
    return Receipt(
        header=header,
        figures=(
            Figure("原充值小票", text=result.topup.receipt_no),
            Figure("退还本金", result.returned.principal),
            Figure("收回赠金", result.returned.bonus),
        ),
        total=result.returned.principal,
        tenders=tuple(
            Tender(TenderKind(t.kind), Fen(-t.amount.value), t.reference or "")
            for t in ticket.tenders
        ),
        text_lines=(f"充值后未消费，{days} 日内全额退款，不收手续费（法释〔2025〕4号）",),
        footer=("谢谢惠顾，欢迎再次光临",),
    )
