"""A member at the counter: the panel's view, a card scan, a phone lookup."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from frontdesk.domain import errors, messages
from frontdesk.domain.cards import (
    Card,
    CardKind,
    CardState,
    active_card,
    card_kind,
    ensure_usable,
    parse_card_number,
)
from frontdesk.domain.members import mask_phone, parse_phone
from frontdesk.domain.money import ZERO, Fen
from frontdesk.domain.permissions import Operation
from frontdesk.domain.points import ExpiryWarning, expiring_soon, usable
from frontdesk.domain.pricing import birthday_benefit_available
from frontdesk.services.context import TillContext
from frontdesk.services.ports import UnitOfWork
from frontdesk.services.records import Account, Member
from frontdesk.services.staff import authorize_in
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
    # The phone as the screen shows it: masked, unless the one looking sees full details
    # (a manager, DOMAIN §7), which the window's backend decides and audits.
    shown_phone: str
    card_kind: CardKind = CardKind.NAMED  # 记名卡 or 不记名卡: what the account's cards are
    balance_cap: Fen = ZERO  # the most the card may hold, by its kind

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
    kind = card_kind(member.phone)
    return MemberView(
        member_id=member.member_id,
        name=member.name,
        phone=member.phone,
        masked_phone="" if kind is CardKind.BEARER else mask_phone(member.phone),
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
        shown_phone=mask_phone(member.phone),
        card_kind=kind,
        balance_cap=ctx.program.cap_for(kind),
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


def card_holder(uow: UnitOfWork, code: str) -> tuple[Card, Member, Account, dict[int, int]]:
    """The card behind a scanned code with its member, account and points lots, in one query."""
    card_no = parse_card_number(code)
    found = uow.cards.with_holder(card_no)
    if found is None:
        raise errors.UnknownCard(card_no=card_no)
    return found


def card_of(ctx: TillContext, code: str) -> Card:
    """The card behind a typed or scanned code, whatever its state; `UnknownCard` if none."""
    card_no = parse_card_number(code)
    with ctx.uow(write=False) as uow:
        card = uow.cards.get(card_no)
    if card is None:
        raise errors.UnknownCard(card_no=card_no)
    return card


def any_card_view(ctx: TillContext, code: str, actor: str) -> MemberView:
    """Any card's member panel, whatever the card's state.

    The manager screens show lost and replaced cards too, where `lookup_card` refuses them.
    """
    card = card_of(ctx, code)
    with ctx.uow(write=False) as uow:
        authorize_in(uow, actor, Operation.MEMBER_LOOKUP)
        member = uow.members.get(card.member_id)
        if member is None:
            raise errors.UnknownMember(ref=card.member_id)
        return member_view(uow, ctx, member, card, ctx.now())


def usable_holder(
    ctx: TillContext, uow: UnitOfWork, code: str, actor: str
) -> tuple[Member, MemberView]:
    """A scanned card's member and view, read in one query; an unusable card is refused."""
    card, member, account, lots = card_holder(uow, code)
    try:
        ensure_usable(card.state)
    except errors.DomainError as refusal:
        raise _refuse_card(ctx, card, actor, refusal) from None
    return member, member_view(uow, ctx, member, card, ctx.now(), account=account, lots=lots)


def lookup_card(ctx: TillContext, code: str, actor: str) -> MemberView:
    """The counter's hot path: card number → member with balances, points and tier."""
    with ctx.uow(write=False) as uow:
        authorize_in(uow, actor, Operation.MEMBER_LOOKUP)
        return usable_holder(ctx, uow, code, actor)[1]


def _active_card(uow: UnitOfWork, member_id: str) -> Card | None:
    return active_card(uow.cards.for_member(member_id))


def find_member(ctx: TillContext, phone: str, *, actor: str, for_sale: bool = False) -> MemberView:
    """A forgotten card: find the member by the full phone number.

    ``for_sale`` (the counter) refuses a member none of whose cards is usable, naming what
    became of the last one, since a sale or top-up needs a live card.
    """
    number = parse_phone(phone)
    with ctx.uow(write=False) as uow:
        authorize_in(uow, actor, Operation.MEMBER_LOOKUP)
        member = uow.members.by_phone(number)
        if member is None:
            raise errors.UnknownMember(ref=mask_phone(number))
        cards = uow.cards.for_member(member.member_id)
        card = active_card(cards)
        if card is None and for_sale:
            last = cards[-1] if cards else None
            raise errors.NoActiveCard(
                name=member.name,
                phone=mask_phone(member.phone),
                card_no=last.card_no if last is not None else "—",
                state=last.state if last is not None else "—",
            )
        return member_view(uow, ctx, member, card, ctx.now())


def member_by_id(ctx: TillContext, member_id: str) -> MemberView:
    with ctx.uow(write=False) as uow:
        return member_in(ctx, uow, member_id)


def member_in(ctx: TillContext, uow: UnitOfWork, member_id: str) -> MemberView:
    """The member panel as this unit of work sees it (inside an operation: after its writes)."""
    member = uow.members.get(member_id)
    if member is None:
        raise errors.UnknownMember(ref=member_id)
    return member_view(uow, ctx, member, _active_card(uow, member.member_id), ctx.now())
