"""Registering a member and issuing a card: the member, card and opening ledger rows."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from frontdesk.domain import errors
from frontdesk.domain.cards import (
    Card,
    CardKind,
    CardState,
    bearer_phone,
    ensure_no_live_card,
    make_card_number,
    next_generation,
)
from frontdesk.domain.members import make_registration, mask_phone
from frontdesk.domain.money import Fen
from frontdesk.domain.numbering import store_digits
from frontdesk.domain.permissions import Operation
from frontdesk.domain.stored_value import check_pin_strength, hash_pin
from frontdesk.services.context import TillContext, new_id, till_numbers
from frontdesk.services.manager_screens import screens_approver
from frontdesk.services.membership.lookup import MemberView, member_view
from frontdesk.services.ports import UnitOfWork
from frontdesk.services.records import Member
from frontdesk.services.staff import authorize


def member_event(member: Member) -> dict[str, object]:
    """The member row as head office receives it (an import sends thousands at once)."""
    return {
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
    }


def _record_member(uow: UnitOfWork, member: Member, now: datetime) -> None:
    uow.outbox.add("member", member.member_id, member_event(member), now)


def card_event(card: Card, now: datetime, undoes: str | None = None) -> dict[str, object]:
    payload: dict[str, object] = {
        "member_id": card.member_id,
        "generation": card.generation,
        "state": card.state.value,
        "at": now,
    }
    if undoes is not None:
        payload["undoes"] = undoes  # the 挂失 this 解挂 takes back: head office undoes no other
    return payload


def _record_card(uow: UnitOfWork, card: Card, now: datetime, undoes: str | None = None) -> None:
    uow.outbox.add("card", card.card_no, card_event(card, now, undoes), now)


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


def _open_account(uow: UnitOfWork, ctx: TillContext, member: Member, pin: str | None) -> Member:
    """A new member row with its PIN hashed, its account at the entry tier, and its change queued.

    One place for a named member and a bearer card alike: both are accounts head office and
    every till treat the same way.
    """
    if pin is not None:
        member = replace(member, pin_hash=hash_pin(pin, uow.pin_secrets.member))
    uow.members.add(member, member.created_at)
    uow.accounts.create(member.member_id, ctx.program.entry_tier.code)
    _record_member(uow, member, member.created_at)
    return member


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
    screens_approval: str | None = None,
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
        approver = screens_approver(uow, screens_approval, actor)
        existing = uow.members.by_phone(reg.phone)
        if existing is not None:
            raise errors.DuplicatePhone(phone=mask_phone(reg.phone), name=existing.name)
        member = _open_account(
            uow,
            ctx,
            Member(
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
                pin_hash=None,
                pin_failures=0,
                pin_locked=False,
                tier_lock=None,
                tier_lock_reason=None,
                birthday_benefit_year=None,
            ),
            pin,
        )
        card = _new_card(uow, member.member_id, 0, now) if issue_card else None
        uow.audit.add(
            at=now,
            actor=actor,
            approver=approver,
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


@dataclass(frozen=True)
class BearerCard:
    card_no: str
    member_id: str
    cap: Fen


def issue_bearer_card(
    ctx: TillContext, *, actor: str, pin: str | None = None, screens_approval: str | None = None
) -> BearerCard:
    """不记名卡: a card and its account with no name, phone or birthday (办法 第十八条).

    A PIN the bearer chooses (no personal data) lets the card pay where the program asks one.
    The account is a member row that names nobody (its phone says bearer:<id>); the ledger,
    sync and head office treat it as any other account, the cap is the bearer card's.
    """
    authorize(ctx, actor, Operation.ISSUE_CARD)
    if pin is not None:
        check_pin_strength(pin, ctx.program)
    now = ctx.now()
    with ctx.uow() as uow:
        store, _ = till_numbers(uow)
        approver = screens_approver(uow, screens_approval, actor)
        member_id = new_id()
        _open_account(
            uow,
            ctx,
            Member(
                member_id=member_id,
                phone=bearer_phone(member_id),
                name="",
                birthday=None,
                gender=None,
                consent_terms_at=now,  # the card's terms, handed over with it
                consent_marketing_at=None,  # nobody to market to
                recruiter=actor,
                store=store_digits(store),
                created_at=now,
                pin_hash=None,
                pin_failures=0,
                pin_locked=False,
                tier_lock=None,
                tier_lock_reason=None,
                birthday_benefit_year=None,
            ),
            pin,
        )
        card = _new_card(uow, member_id, 0, now)
        uow.audit.add(
            at=now,
            actor=actor,
            approver=approver,
            action="card_issue",
            subject=card.card_no,
            detail={"member_id": member_id, "kind": CardKind.BEARER.value},
        )
        uow.commit()
    return BearerCard(card.card_no, member_id, ctx.program.cap_for(CardKind.BEARER))
