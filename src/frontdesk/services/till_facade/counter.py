"""The counter side of the till's backend: staff and shift, the ticket, the sale, reprints."""

from __future__ import annotations

from collections.abc import Sequence

from frontdesk.domain import customer_display
from frontdesk.domain.counter_rules import CounterRules
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import PricedTicket, Product
from frontdesk.domain.receipt import Receipt
from frontdesk.domain.stored_value import pin_needed
from frontdesk.services import checkout, held_tickets, membership, receipt_making, shifts, staff
from frontdesk.services.held_tickets import HeldTicket
from frontdesk.services.membership import MemberView
from frontdesk.services.records import Shift
from frontdesk.services.sale import SaleResult
from frontdesk.services.scale_items import product_for
from frontdesk.services.staff import StaffSession
from frontdesk.services.till_facade.base import FacadeBase, log
from frontdesk.services.till_port import Committed, Tender, TicketDraft


class CounterSide(FacadeBase):
    # -- staff and shift ------------------------------------------------------------------------

    def login(self, staff_no: str, pin: str) -> StaffSession:
        self._session = staff.login(self._ctx, staff_no.strip(), pin)
        log.info("staff %s signed in", self._session.staff_no)
        return self._session

    def open_shift(self, float_amount: Fen) -> Shift:
        return shifts.open_or_resume(self._ctx, cashier=self.actor, opening_float=float_amount)

    def current_shift(self) -> shifts.OpenShift | None:
        return shifts.current(self._ctx)

    def close_shift(self, counted_cash: Fen) -> Committed[shifts.ShiftReport]:
        report = shifts.close_shift(self._ctx, cashier=self.actor, counted_cash=counted_cash)
        log.info("shift of %s closed: counted %s fen", self.actor, counted_cash)
        return self._shift_report(report)

    def shift_report_so_far(self) -> Committed[shifts.ShiftReport]:
        return self._shift_report(shifts.report_so_far(self._ctx, cashier=self.actor))

    def _shift_report(self, report: shifts.ShiftReport) -> Committed[shifts.ShiftReport]:
        receipt = receipt_making.shift(self._ctx, report)
        return Committed(report, None, receipt, tuple(self._text(receipt)))

    def counter_rules(self) -> CounterRules:
        return self._ctx.program.counter

    # -- the sale -------------------------------------------------------------------------------

    def add_product(self, barcode: str) -> Product:
        product = product_for(self._ctx, barcode)
        self._show(customer_display.item(product.name, product.unit_price))
        return product

    def reload_product_search(self) -> None:
        self._product_search.reload()

    def search_products(self, text: str) -> Sequence[Product]:
        return self._product_search.search(text)

    def _held(self, draft: TicketDraft, member_name: str) -> HeldTicket:
        return HeldTicket(
            held_no=0,
            held_at=self._ctx.now(),
            staff_no=self.actor,
            lines=tuple((line.product.barcode, line.quantity) for line in draft.lines),
            manual=tuple(
                (None if line.price is None else line.price.value, line.discount.value)
                for line in draft.lines
            ),
            ticket_discount=draft.ticket_discount.value,
            member_id=draft.member_id,
            card_no=draft.card_no,
            member_name=member_name,
            redeem_blocks=draft.redeem_blocks,
            txn_id=draft.txn_id,
        )

    def hold_ticket(self, draft: TicketDraft, member_name: str) -> HeldTicket:
        return held_tickets.hold(self._ctx, self._held(draft, member_name))

    def held_slip(self, held: HeldTicket, priced: PricedTicket) -> Receipt:
        return receipt_making.held(self._ctx, held, priced)

    def keep_open_ticket(self, draft: TicketDraft, member_name: str) -> None:
        held_tickets.keep_open(self._ctx, self._held(draft, member_name))

    def open_ticket(self) -> HeldTicket | None:
        return held_tickets.open_ticket(self._ctx, actor=self.actor)

    def held_tickets(self) -> Sequence[HeldTicket]:
        return held_tickets.held(self._ctx, actor=self.actor)

    def recall_ticket(self, held_no: int) -> HeldTicket:
        return held_tickets.take(self._ctx, held_no, actor=self.actor)

    def find_member_by_phone(self, phone: str) -> MemberView:
        return self._shown(
            membership.find_member(self._ctx, phone, actor=self.actor, for_sale=True)
        )

    def price(self, draft: TicketDraft) -> PricedTicket:
        quote = checkout.quote(
            self._ctx,
            card_no=draft.card_no,
            items=_items(draft),
            redeem_blocks=draft.redeem_blocks,
            actor=self.actor,
            ticket_discount=draft.ticket_discount,
        )
        self._show(customer_display.total(quote.priced.due))
        return quote.priced

    def pin_required(self, member_id: str, amount: Fen) -> bool:
        return pin_needed(amount, self._ctx.program)

    def asks_head_office(self) -> bool:
        return self._ctx.authoriser is not None

    def checkout(
        self, draft: TicketDraft, tenders: Sequence[Tender], pin: str | None
    ) -> Committed[SaleResult]:
        sale = checkout.checkout(
            self._ctx,
            txn_id=draft.txn_id,
            cashier=self.actor,
            card_no=draft.card_no,
            items=_items(draft),
            payments=[
                checkout.Payment(t.kind.value, t.amount, t.reference.strip() or None)
                for t in tenders
            ],
            redeem_blocks=draft.redeem_blocks,
            pin=pin,
            ticket_discount=draft.ticket_discount,
            approval=draft.approval,
            receipt=receipt_making.sale_in,  # the window always queues: its job commits with it
        )
        # Committed: from here on a failure must not look like a refusal the cashier retries.
        log.info("sale %s committed: %s fen", sale.ticket.receipt_no, sale.ticket.total)
        member = None
        if draft.card_no is not None:
            after = sale.member_after
            member = self._shown(after) if after is not None else self.find_card(draft.card_no)
        done = self._committed(
            sale, member, lambda: sale.receipt or receipt_making.sale(self._ctx, sale)
        )
        given = sale.ticket.total + sale.change
        self._show(customer_display.paid(given), customer_display.change(sale.change))
        return done

    # -- receipts -------------------------------------------------------------------------------

    def past_receipt(self, receipt_no: str) -> Receipt | None:
        """A past ticket's receipt rebuilt from the store (for 重印 when no print job kept it)."""
        return receipt_making.past(self._ctx, receipt_no, actor=self.actor)

    def record_reprint(self, receipt_no: str) -> None:
        receipt_making.record_reprint(self._ctx, actor=self.actor, receipt_no=receipt_no)


def _items(draft: TicketDraft) -> list[checkout.SaleItem]:
    return [
        checkout.SaleItem(ln.product.barcode, ln.quantity, ln.price, ln.discount)
        for ln in draft.lines
    ]
