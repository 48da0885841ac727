"""The manager-desk side of the till's backend: members, cards, stored value, refunds, audit."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from frontdesk.domain.card_return import BankPayout
from frontdesk.domain.cards import CardAction
from frontdesk.domain.money import Fen
from frontdesk.services import accounts, checkout, member_erasure, membership, receipt_making
from frontdesk.services.accounts import TopUp
from frontdesk.services.membership import MemberView, Reissued, Returned
from frontdesk.services.records import AuditEntry
from frontdesk.services.refund import RefundResult
from frontdesk.services.staff_desk import StaffDesk
from frontdesk.services.till_facade.base import FacadeBase, log
from frontdesk.services.till_port import Committed, RegistrationForm, TenderKind


class DeskSide(FacadeBase):
    # -- members and cards ----------------------------------------------------------------------

    def tier_names(self) -> Sequence[tuple[str, str]]:
        return [(t.code, t.name) for t in self._ctx.program.tiers]

    def register_member(self, form: RegistrationForm) -> MemberView:
        registered = membership.register(
            self._ctx,
            actor=self.actor,
            phone=form.phone,
            name=form.name,
            birthday=form.birthday,
            gender=form.gender,
            consent_terms=form.consent_terms,
            consent_marketing=form.consent_marketing,
            pin=form.pin or None,
            screens_approval=self._screens,
        )
        return self._shown(registered.member)

    def _member_change(self, card_no: str, change: Callable[[str], object]) -> MemberView:
        """A change to the member of a card (given their id), then the card as it reads after."""
        card = self._card(card_no)
        change(card.member_id)
        return self.find_card(card.card_no)

    def erase_member(self, card_no: str, approval: str | None) -> MemberView:
        def erase(member_id: str) -> None:
            member_erasure.erase(
                self._ctx, actor=self.actor, member_id=member_id, approval_id=approval
            )
            log.info("member %s erased", member_id)  # the id only: the data is gone

        return self._member_change(card_no, erase)

    def issue_bearer_card(self) -> MemberView:
        issued = membership.issue_bearer_card(
            self._ctx, actor=self.actor, screens_approval=self._screens
        )
        log.info("bearer card %s issued", issued.card_no)
        return self.find_card(issued.card_no)

    def topup(
        self, card_no: str, amount: Fen, tender: TenderKind, reference: str, txn_id: str
    ) -> Committed[TopUp]:
        member = self.lookup_card(card_no)
        done = accounts.topup(
            self._ctx,
            actor=self.actor,
            member_id=member.member_id,
            amount=amount,
            tender=tender.value,
            reference=reference.strip() or None,
            txn_id=txn_id,
            receipt=receipt_making.topup_in,  # the window always queues: its job commits with it
            screens_approval=self._screens,
        )
        log.info("top-up %s committed on card %s: %s fen", txn_id, card_no, amount)
        after = self.find_card(card_no)
        return self._committed(done, after, lambda: receipt_making.topup(self._ctx, done))

    def change_card_state(
        self, card_no: str, action: CardAction, approval: str | None
    ) -> MemberView:
        card = self._card(card_no)
        membership.change_card_state(
            self._ctx,
            actor=self.actor,
            card_no=card.card_no,
            action=action,
            approval_id=approval,
            screens_approval=self._screens,
        )
        return self.find_card(card.card_no)

    def reissue_card(
        self, card_no: str, phone: str, name: str, waive_reason: str | None, approval: str | None
    ) -> Committed[Reissued]:
        card = self._card(card_no)
        done = membership.reissue_card(
            self._ctx,
            actor=self.actor,
            card_no=card.card_no,
            phone=phone,
            name=name,
            fee_tender="cash",
            waive_approval_id=approval,
            waive_reason=waive_reason,
            receipt=receipt_making.reissue_in,
            screens_approval=self._screens,
        )
        # A waived fee made no ticket: the builder gives no receipt, and nothing is printed.
        after = self.find_card(done.new_card)
        return self._committed(done, after, lambda: receipt_making.reissue(self._ctx, done))

    def return_card(
        self, card_no: str, approval: str | None, bank: BankPayout | None = None
    ) -> Committed[Returned]:
        card = self._card(card_no)
        paid_to = None
        if bank is not None:  # as typed at the till: the domain reads and checks it
            paid_to = BankPayout.read(
                account=bank.account, holder=bank.holder, bank=bank.bank, id_number=bank.id_number
            )
        done = membership.return_card(
            self._ctx,
            actor=self.actor,
            card_no=card.card_no,
            approval_id=approval,
            bank=paid_to,
            receipt=receipt_making.card_return_in,
        )
        after = self.find_card(card.card_no)
        return self._committed(done, after, lambda: receipt_making.card_return(self._ctx, done))

    def card_return_by_bank(self, card_no: str) -> bool:
        return membership.paid_by_bank(self._ctx, card_no)

    def refund(
        self, receipt_no: str, approval: str | None, txn_id: str, lines: Mapping[int, int] | None
    ) -> Committed[RefundResult]:
        receipt_no = receipt_no.strip()
        done = checkout.refund(
            self._ctx,
            txn_id=txn_id,
            cashier=self.actor,
            receipt_no=receipt_no,
            lines=None if lines is None else dict(lines),
            approval_id=approval,
            receipt=receipt_making.refund_in,
        )
        log.info("refund %s of %s committed", done.ticket.receipt_no, receipt_no)
        return self._committed(
            done, done.member_after, lambda: receipt_making.refund(self._ctx, done)
        )

    def reset_pin(self, card_no: str, new_pin: str, approval: str | None) -> MemberView:
        return self._member_change(
            card_no,
            lambda member_id: membership.set_pin(
                self._ctx, actor=self.actor, member_id=member_id, pin=new_pin, approval_id=approval
            ),
        )

    def adjust_points(
        self, card_no: str, points: int, reason: str, approval: str | None
    ) -> MemberView:
        return self._member_change(
            card_no,
            lambda member_id: accounts.adjust_points(
                self._ctx, actor=self.actor, member_id=member_id,
                points=points, reason=reason, approval_id=approval,
            ),
        )  # fmt: skip

    def lock_tier(
        self, card_no: str, tier_code: str | None, reason: str, approval: str | None
    ) -> MemberView:
        return self._member_change(
            card_no,
            lambda member_id: membership.lock_tier(
                self._ctx, actor=self.actor, member_id=member_id,
                tier=tier_code, reason=reason, approval_id=approval,
            ),
        )  # fmt: skip

    def audit_log(self, limit: int) -> Sequence[AuditEntry]:
        with self._ctx.uow(write=False) as uow:
            return uow.audit.recent(limit)

    def staff_desk(self) -> StaffDesk:
        return StaffDesk(self._ctx)
