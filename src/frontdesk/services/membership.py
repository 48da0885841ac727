"""Members and their cards: register, issue, look up at the counter, 挂失/解挂/补卡/冻结/退卡."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from frontdesk.domain import errors, messages
from frontdesk.domain.cards import (
    Card,
    CardAction,
    CardState,
    active_card,
    ensure_no_live_card,
    ensure_usable,
    make_card_number,
    next_generation,
    next_state,
    parse_card_number,
)
from frontdesk.domain.ledger import Bucket, EntryKind, TxnDrafts
from frontdesk.domain.members import make_registration, mask_phone, parse_phone, same_person
from frontdesk.domain.money import ZERO, Fen
from frontdesk.domain.numbering import store_digits
from frontdesk.domain.permissions import Operation
from frontdesk.domain.points import ExpiryWarning, expiring_soon, usable
from frontdesk.domain.pricing import birthday_benefit_available
from frontdesk.domain.stored_value import MEMBER_PIN_PEPPER, cash_out, check_pin_strength, hash_pin
from frontdesk.domain.tiers import tier_status
from frontdesk.services.context import TillContext, new_id, till_numbers
from frontdesk.services.ports import UnitOfWork
from frontdesk.services.records import Account, Member, Tender, Ticket
from frontdesk.services.staff import authorize, consume_approval
from frontdesk.services.tickets import money_ticket
from frontdesk.services.tiering import stored_status, tier_now


@dataclass(frozen=True)
class MemberView:
    """Everything the member panel shows after a scan."""

    member_id: str
    name: str
    phone: str
    masked_phone: str
    tier: str
    tier_name: str
    principal: Fen
    bonus: Fen
    points: int
    expiring: ExpiryWarning | None
    birthday: date | None
    birthday_benefit_available: bool
    pin_set: bool
    pin_locked: bool
    card_no: str | None
    card_state: CardState | None
    tier_locked: bool

    @property
    def balance(self) -> Fen:
        return self.principal + self.bonus

    @property
    def notices(self) -> list[messages.Notice]:
        found = []
        if self.pin_locked:
            found.append(messages.Notice("notice_pin_locked"))
        if self.points < 0:
            found.append(messages.Notice("notice_points_negative"))
        if self.expiring is not None:
            expiring = {"points": self.expiring.points, "on": self.expiring.on.isoformat()}
            found.append(messages.Notice("notice_points_expiring", expiring))
        return found

    @property
    def warnings(self) -> list[str]:
        """The notices in Chinese; `messages.render(notice, lang)` says them in any language."""
        return [messages.render(n) for n in self.notices]


def current_tier(
    uow: UnitOfWork, ctx: TillContext, member: Member, account: Account, now: datetime
) -> str:
    """The projected tier, re-evaluated when its 12-month hold has run out."""
    if member.tier_lock is not None:
        return member.tier_lock
    return tier_now(uow, ctx.program, member.member_id, stored_status(account), now).code


def member_view(
    uow: UnitOfWork,
    ctx: TillContext,
    member: Member,
    card: Card | None,
    now: datetime,
    *,
    account: Account | None = None,
    lots: dict[int, int] | None = None,
) -> MemberView:
    """The member panel; a caller that has already read the account or lots passes them in."""
    account = account or uow.accounts.get(member.member_id)
    if account is None:
        raise errors.UnknownMember(ref=member.member_id)
    if lots is None:
        lots = uow.accounts.lots(member.member_id)
    today = now.date()
    tier = current_tier(uow, ctx, member, account, now)
    return MemberView(
        member_id=member.member_id,
        name=member.name,
        phone=member.phone,
        masked_phone=mask_phone(member.phone),
        tier=tier,
        tier_name=ctx.program.tier(tier).name,
        principal=account.principal,
        bonus=account.bonus,
        points=usable(lots, today, ctx.program) if lots else account.points,
        expiring=expiring_soon(lots, today, ctx.program),
        birthday=member.birthday,
        birthday_benefit_available=birthday_benefit_available(
            member.birthday, member.birthday_benefit_year, today, ctx.program
        ),
        pin_set=member.pin_hash is not None,
        pin_locked=member.pin_locked,
        card_no=None if card is None else card.card_no,
        card_state=None if card is None else card.state,
        tier_locked=member.tier_lock is not None,
    )


def record_card_refusal(
    uow: UnitOfWork, at: datetime, card: Card, actor: str, error: errors.DomainError
) -> None:
    """The audit row of a refused card (who scanned what, and why), in the caller's transaction."""
    uow.audit.add(
        at=at,
        actor=actor,
        action="card_refused",
        subject=card.card_no,
        outcome="refused",
        detail={"state": card.state.value, "member_id": card.member_id, "reason": error.message},
    )


def _refuse_card(
    ctx: TillContext, card: Card, actor: str, error: errors.DomainError
) -> errors.DomainError:
    """A refused card is logged before the refusal is shown; callers hold no write lock."""
    with ctx.uow() as uow:
        record_card_refusal(uow, ctx.now(), card, actor, error)
        uow.commit()
    return error


def usable_card(ctx: TillContext, uow: UnitOfWork, code: str, actor: str) -> Card:
    """The active card behind a scanned code; anything else is refused with its reason."""
    card_no = parse_card_number(code)
    card = uow.cards.get(card_no)
    if card is None:
        raise errors.UnknownCard(card_no=card_no)
    try:
        ensure_usable(card.state)
    except errors.DomainError as refusal:
        raise _refuse_card(ctx, card, actor, refusal) from None
    return card


def card_holder(uow: UnitOfWork, code: str) -> tuple[Card, Member, Account]:
    """The card behind a scanned code with its member and account, in one query."""
    card_no = parse_card_number(code)
    found = uow.cards.with_holder(card_no)
    if found is None:
        raise errors.UnknownCard(card_no=card_no)
    return found


def lookup_card(ctx: TillContext, code: str, actor: str) -> MemberView:
    """The counter's hot path: card number → member with balances, points and tier."""
    now = ctx.now()
    with ctx.uow(write=False) as uow:
        card, member, account = card_holder(uow, code)
        try:
            ensure_usable(card.state)
        except errors.DomainError as refusal:
            raise _refuse_card(ctx, card, actor, refusal) from None
        return member_view(uow, ctx, member, card, now, account=account)


def _active_card(uow: UnitOfWork, member_id: str) -> Card | None:
    return active_card(uow.cards.for_member(member_id))


def find_member(ctx: TillContext, phone: str) -> MemberView:
    """A forgotten card: find the member by the full phone number."""
    number = parse_phone(phone)
    with ctx.uow(write=False) as uow:
        member = uow.members.by_phone(number)
        if member is None:
            raise errors.UnknownMember(ref=mask_phone(number))
        return member_view(uow, ctx, member, _active_card(uow, member.member_id), ctx.now())


def member_by_id(ctx: TillContext, member_id: str) -> MemberView:
    with ctx.uow(write=False) as uow:
        member = uow.members.get(member_id)
        if member is None:
            raise errors.UnknownMember(ref=member_id)
        return member_view(uow, ctx, member, _active_card(uow, member.member_id), ctx.now())


def _record_member(uow: UnitOfWork, member: Member, now: datetime) -> None:
    uow.outbox.add(
        "member",
        member.member_id,
        {
            "phone": member.phone,
            "name": member.name,
            "birthday": member.birthday,
            "gender": member.gender,
            "store": member.store,
            "recruiter": member.recruiter,
            "created_at": member.created_at,
            "consent_terms_at": member.consent_terms_at,
            "consent_marketing_at": member.consent_marketing_at,
            "tier_lock": member.tier_lock,
            "tier_lock_reason": member.tier_lock_reason,
            # A salted slow hash, never the PIN: the member pays with the same PIN at any store.
            "pin_hash": member.pin_hash,
        },
        now,
    )


def _record_card(uow: UnitOfWork, card: Card, now: datetime, undoes: str | None = None) -> None:
    payload: dict[str, object] = {
        "member_id": card.member_id,
        "generation": card.generation,
        "state": card.state.value,
        "at": now,
    }
    if undoes is not None:
        payload["undoes"] = undoes  # the 挂失 this 解挂 takes back: head office undoes no other
    uow.outbox.add("card", card.card_no, payload, now)


def _new_card(uow: UnitOfWork, member_id: str, generation: int, now: datetime) -> Card:
    store, till = till_numbers(uow)
    card = Card(
        make_card_number(store, till, uow.settings.next_number("card"), generation),
        member_id,
        generation,
        CardState.ACTIVE,
    )
    uow.cards.add(card, now)
    _record_card(uow, card, now)
    return card


@dataclass(frozen=True)
class Registered:
    member: MemberView
    card_no: str


def register(
    ctx: TillContext,
    *,
    actor: str,
    phone: str,
    name: str,
    birthday: date | None = None,
    gender: str | None = None,
    consent_terms: bool,
    consent_marketing: bool = False,
    pin: str | None = None,
    issue_card: bool = True,
) -> Registered:
    """Register a member (free), open the account at the entry tier, and issue the first card."""
    authorize(ctx, actor, Operation.REGISTER_MEMBER)
    now = ctx.now()
    reg = make_registration(
        phone=phone,
        name=name,
        birthday=birthday,
        gender=gender,
        consent_terms=consent_terms,
        consent_marketing=consent_marketing,
        recruiter=actor,
        store="",
        now=now,
    )
    if pin is not None:
        check_pin_strength(pin, ctx.program)
    with ctx.uow() as uow:
        store, _ = till_numbers(uow)
        existing = uow.members.by_phone(reg.phone)
        if existing is not None:
            raise errors.DuplicatePhone(phone=mask_phone(reg.phone), name=existing.name)
        member = Member(
            member_id=new_id(),
            phone=reg.phone,
            name=reg.name,
            birthday=reg.birthday,
            gender=reg.gender,
            consent_terms_at=reg.consent_terms_at,
            consent_marketing_at=reg.consent_marketing_at,
            recruiter=actor,
            store=store_digits(store),
            created_at=now,
            pin_hash=None if pin is None else hash_pin(pin, MEMBER_PIN_PEPPER),
            pin_failures=0,
            pin_locked=False,
            tier_lock=None,
            tier_lock_reason=None,
            birthday_benefit_year=None,
        )
        uow.members.add(member, now)
        uow.accounts.create(member.member_id, ctx.program.entry_tier.code)
        _record_member(uow, member, now)
        card = _new_card(uow, member.member_id, 0, now) if issue_card else None
        uow.audit.add(
            at=now,
            actor=actor,
            action="member_register",
            subject=member.member_id,
            detail={
                "card_no": None if card is None else card.card_no,
                "marketing_consent": reg.consent_marketing_at is not None,
            },
        )
        view = member_view(uow, ctx, member, card, now)
        uow.commit()
    return Registered(view, "" if card is None else card.card_no)


def issue_card(ctx: TillContext, *, actor: str, member_id: str) -> str:
    """A card for a member who has none active (registered without one, or after 退卡)."""
    authorize(ctx, actor, Operation.ISSUE_CARD)
    now = ctx.now()
    with ctx.uow() as uow:
        if uow.members.get(member_id) is None:
            raise errors.UnknownMember(ref=member_id)
        cards = uow.cards.for_member(member_id)
        ensure_no_live_card(cards)
        card = _new_card(uow, member_id, next_generation(cards), now)
        uow.audit.add(
            at=now,
            actor=actor,
            action="card_issue",
            subject=card.card_no,
            detail={"member_id": member_id},
        )
        uow.commit()
        return card.card_no


def _card_for_change(uow: UnitOfWork, code: str) -> Card:
    card_no = parse_card_number(code)
    card = uow.cards.get(card_no)
    if card is None:
        raise errors.UnknownCard(card_no=card_no)
    return card


def change_card_state(
    ctx: TillContext,
    *,
    actor: str,
    card_no: str,
    action: CardAction,
    approval_id: str | None = None,
    reason: str = "",
) -> Card:
    """挂失 (anyone at the counter, blocks at once), 解挂 / 冻结 / 解冻 (manager approval)."""
    if action in (CardAction.REPLACE, CardAction.RETURN):
        raise ValueError("reissue and return have their own use cases")
    authorize(ctx, actor, Operation(action.value))
    now = ctx.now()
    with ctx.uow() as uow:
        card = _card_for_change(uow, card_no)
        new_state = next_state(card.state, action)
        approver = None
        if action is not CardAction.REPORT_LOST:
            approver = consume_approval(
                uow,
                approval_id,
                action=action.value,
                subject=card.card_no,
                amount=0,
                ctx=ctx,
                operator=actor,
            )
        undoes = uow.cards.state_since(card.card_no) if action is CardAction.UNREPORT else None
        uow.cards.set_state(card.card_no, new_state, now)
        changed = Card(card.card_no, card.member_id, card.generation, new_state)
        _record_card(uow, changed, now, undoes)
        uow.audit.add(
            at=now,
            actor=actor,
            approver=approver,
            action=f"card_{action.value}",
            subject=card.card_no,
            detail={
                "member_id": card.member_id,
                "from": card.state.value,
                "to": new_state.value,
                "reason": reason,
            },
        )
        uow.commit()
        return changed


@dataclass(frozen=True)
class Reissued:
    old_card: str
    new_card: str
    fee: Fen
    ticket: Ticket | None


def reissue_card(
    ctx: TillContext,
    *,
    actor: str,
    card_no: str,
    phone: str,
    name: str,
    fee_tender: str | None = "cash",
    fee_reference: str | None = None,
    waive_approval_id: str | None = None,
    waive_reason: str = "",
) -> Reissued:
    """补卡: identity check (phone + name), fee unless a manager waives it; no money moves."""
    authorize(ctx, actor, Operation.REISSUE_CARD)
    now = ctx.now()
    with ctx.uow() as uow:
        old = _card_for_change(uow, card_no)
        member = uow.members.get(old.member_id)
        if member is None:
            raise errors.UnknownMember(ref=old.member_id)
        if not same_person(phone, name, member.phone, member.name):
            uow.audit.add(
                at=now,
                actor=actor,
                action="card_replace",
                subject=old.card_no,
                outcome="refused",
                detail={"reason": "identity"},
            )
            uow.commit()
            raise errors.IdentityMismatch()
        replaced = next_state(old.state, CardAction.REPLACE)
        fee = ctx.program.reissue_fee
        approver = None
        ticket = None
        if waive_approval_id is not None:
            if not waive_reason.strip():
                raise errors.ReasonRequired()
            approver = consume_approval(
                uow,
                waive_approval_id,
                action="waive_reissue_fee",
                subject=old.card_no,
                amount=fee.value,
                ctx=ctx,
                operator=actor,
            )
            fee = ZERO
        elif fee.value and fee_tender is None:
            raise errors.FeeNotPaid(fee=str(fee))
        uow.cards.set_state(old.card_no, replaced, now)
        _record_card(uow, Card(old.card_no, old.member_id, old.generation, replaced), now)
        generation = next_generation(uow.cards.for_member(member.member_id))
        new = _new_card(uow, member.member_id, generation, now)
        if fee.value:
            ticket = money_ticket(
                uow,
                ticket_id=new_id(),
                kind="reissue",
                member_id=member.member_id,
                card_no=new.card_no,
                now=now,
                cashier=actor,
                approver=None,
                amount=fee,
                note="补卡工本费",
                tenders=(Tender(fee_tender or "cash", fee, ZERO, fee_reference),),
            )
            uow.tickets.add(ticket)
        uow.audit.add(
            at=now,
            actor=actor,
            approver=approver,
            action="card_replace",
            subject=old.card_no,
            amount=fee.value,
            detail={
                "new_card": new.card_no,
                "member_id": member.member_id,
                "waived": approver is not None,
                "reason": waive_reason,
            },
        )
        uow.commit()
    return Reissued(old.card_no, new.card_no, fee, ticket)


@dataclass(frozen=True)
class Returned:
    card_no: str
    cash_paid: Fen
    bonus_forfeited: Fen
    ticket: Ticket


def return_card(ctx: TillContext, *, actor: str, card_no: str, approval_id: str | None) -> Returned:
    """退卡: the card is returned, principal paid back in cash, bonus forfeited (manager)."""
    authorize(ctx, actor, Operation.CARD_RETURN)
    now = ctx.now()
    with ctx.uow() as uow:
        card = _card_for_change(uow, card_no)
        returned = next_state(card.state, CardAction.RETURN)
        account = uow.accounts.get(card.member_id)
        if account is None:
            raise errors.UnknownMember(ref=card.member_id)
        split = cash_out(account.principal, account.bonus)
        approver = consume_approval(
            uow,
            approval_id,
            action="return",
            subject=card.card_no,
            amount=split.principal.value,
            ctx=ctx,
            operator=actor,
        )
        shift = uow.shifts.current()
        if shift is None and split.principal.value:
            raise errors.ShiftNotOpen()
        txn = new_id()
        entries = TxnDrafts(txn, card.member_id, actor, approver=approver, ticket_id=txn)
        entries.add(EntryKind.CASHOUT, Bucket.PRINCIPAL, -split.principal.value)
        entries.add(EntryKind.FORFEIT, Bucket.BONUS, -split.bonus.value)
        ticket = money_ticket(
            uow,
            ticket_id=txn,
            kind="cashout",
            member_id=card.member_id,
            card_no=card.card_no,
            now=now,
            cashier=actor,
            approver=approver,
            amount=-split.principal,
            note="退卡退还本金，赠金作废",
            tenders=(Tender("cash", -split.principal),) if split.principal.value else (),
        )
        uow.tickets.add(ticket)
        uow.ledger.append(entries.drafts, now)
        uow.cards.set_state(card.card_no, returned, now)
        _record_card(uow, Card(card.card_no, card.member_id, card.generation, returned), now)
        uow.audit.add(
            at=now,
            actor=actor,
            approver=approver,
            action="card_return",
            subject=card.card_no,
            amount=split.principal.value,
            detail={"bonus_forfeited": split.bonus.value, "member_id": card.member_id},
        )
        uow.commit()
    return Returned(card.card_no, split.principal, split.bonus, ticket)


def set_pin(
    ctx: TillContext, *, actor: str, member_id: str, pin: str, approval_id: str | None = None
) -> None:
    """First PIN: at the counter by the member. Any later change is a reset: manager approval."""
    authorize(ctx, actor, Operation.MEMBER_PIN_SET)
    check_pin_strength(pin, ctx.program)
    now = ctx.now()
    with ctx.uow() as uow:
        member = uow.members.get(member_id)
        if member is None:
            raise errors.UnknownMember(ref=member_id)
        approver = None
        if member.pin_hash is not None:
            approver = consume_approval(
                uow,
                approval_id,
                action="pin_reset",
                subject=member_id,
                amount=0,
                ctx=ctx,
                operator=actor,
            )
        changed = replace(
            member, pin_hash=hash_pin(pin, MEMBER_PIN_PEPPER), pin_failures=0, pin_locked=False
        )
        uow.members.save(changed, now)
        _record_member(uow, changed, now)
        uow.audit.add(
            at=now,
            actor=actor,
            approver=approver,
            action="pin_reset" if approver else "pin_set",
            subject=member_id,
        )
        uow.commit()


def lock_tier(
    ctx: TillContext,
    *,
    actor: str,
    member_id: str,
    tier: str | None,
    reason: str,
    approval_id: str | None,
) -> None:
    """等级锁定 (or unlock with tier=None): manager approval and a reason."""
    authorize(ctx, actor, Operation.TIER_LOCK)
    if not reason.strip():
        raise errors.ReasonRequired()
    if tier is not None and tier not in [t.code for t in ctx.program.tiers]:
        raise errors.TierLockInvalid(tier=tier)
    now = ctx.now()
    with ctx.uow() as uow:
        member = uow.members.get(member_id)
        if member is None:
            raise errors.UnknownMember(ref=member_id)
        approver = consume_approval(
            uow,
            approval_id,
            action="tier_lock",
            subject=member_id,
            amount=0,
            ctx=ctx,
            operator=actor,
        )
        uow.members.save(
            replace(member, tier_lock=tier, tier_lock_reason=reason if tier else None), now
        )
        if tier is None:
            status = tier_status(uow.tickets.tier_events(member_id), now, ctx.program)
            uow.accounts.set_tier(member_id, status.code, status.since, status.held_until)
        else:
            uow.accounts.set_tier(member_id, tier, now, None)
        _record_member(
            uow, replace(member, tier_lock=tier, tier_lock_reason=reason if tier else None), now
        )
        uow.audit.add(
            at=now,
            actor=actor,
            approver=approver,
            action="tier_lock",
            subject=member_id,
            detail={"tier": tier, "reason": reason},
        )
        uow.commit()
