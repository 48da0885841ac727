"""Conversions between table rows and records: ISO text times, integer fen, JSON details."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from frontdesk.domain.cards import Card, CardState
from frontdesk.domain.money import Fen
from frontdesk.persistence.member_personal import Personal
from frontdesk.services.records import (
    Account,
    AuditEntry,
    Member,
    Shift,
    Staff,
    Tender,
    Ticket,
    TicketLine,
)


def iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def dt(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def must_dt(text: str) -> datetime:
    return datetime.fromisoformat(text)


def to_member(r: Any, p: Personal) -> Member:
    """A member row and its personal fields, opened (persistence.member_personal)."""
    return Member(
        member_id=r.member_id,
        phone=p.phone,
        name=p.name,
        birthday=None if p.birthday is None else date.fromisoformat(p.birthday),
        gender=p.gender,
        consent_terms_at=must_dt(r.consent_terms_at),
        consent_marketing_at=dt(r.consent_marketing_at),
        recruiter=r.recruiter,
        store=r.store,
        created_at=must_dt(r.created_at),
        pin_hash=r.pin_hash,
        pin_failures=r.pin_failures,
        pin_locked=bool(r.pin_locked),
        tier_lock=r.tier_lock,
        tier_lock_reason=r.tier_lock_reason,
        birthday_benefit_year=r.birthday_benefit_year,
    )


def personal_of(m: Member) -> Personal:
    birthday = None if m.birthday is None else m.birthday.isoformat()
    return Personal(m.name, m.phone, birthday, m.gender)


def from_member(m: Member, updated_at: datetime) -> dict[str, Any]:
    """The member row's columns; the personal fields go to member_personal, sealed."""
    return {
        "member_id": m.member_id,
        "consent_terms_at": iso(m.consent_terms_at),
        "consent_marketing_at": iso(m.consent_marketing_at),
        "recruiter": m.recruiter,
        "store": m.store,
        "created_at": iso(m.created_at),
        "pin_hash": m.pin_hash,
        "pin_failures": m.pin_failures,
        "pin_locked": m.pin_locked,
        "tier_lock": m.tier_lock,
        "tier_lock_reason": m.tier_lock_reason,
        "birthday_benefit_year": m.birthday_benefit_year,
        "updated_at": iso(updated_at),
    }


def to_account(r: Any) -> Account:
    return Account(
        member_id=r.member_id,
        principal=Fen(r.principal),
        bonus=Fen(r.bonus),
        points=r.points,
        tier=r.tier,
        tier_since=dt(r.tier_since),
        tier_held_until=dt(r.tier_held_until),
        last_purchase_at=dt(r.last_purchase_at),
    )


def to_card(r: Any) -> Card:
    return Card(
        card_no=r.card_no, member_id=r.member_id, generation=r.generation, state=CardState(r.state)
    )


def to_staff(r: Any) -> Staff:
    return Staff(
        r.staff_no,
        r.name,
        r.role,
        r.pin_hash,
        r.failed_tries,
        bool(r.locked),
        disabled=bool(r.disabled),
        approval_failures=r.approval_failures,
        approvals_paused_until=dt(r.approvals_paused_until),
    )


def to_line(r: Any) -> TicketLine:
    return TicketLine(
        line_no=r.line_no,
        barcode=r.barcode,
        name=r.name,
        unit_price=Fen(r.unit_price),
        quantity=r.quantity,
        gross=Fen(r.gross),
        member_discount=Fen(r.member_discount),
        redemption=Fen(r.redemption),
        net=Fen(r.net),
        refund_of_line=r.refund_of_line,
        list_price=None if r.list_price is None else Fen(r.list_price),
        line_discount=Fen(r.line_discount or 0),
        ticket_discount=Fen(r.ticket_discount or 0),
    )


def manual_columns(ln: TicketLine) -> dict[str, int | None]:
    """A line's 改价 and discounts as stored: NULL where the cashier changed nothing."""
    return {
        "list_price": None if ln.list_price is None else ln.list_price.value,
        "line_discount": ln.line_discount.value or None,
        "ticket_discount": ln.ticket_discount.value or None,
    }


def to_tender(r: Any) -> Tender:
    return Tender(kind=r.kind, amount=Fen(r.amount), change=Fen(r.change), reference=r.reference)


def to_ticket(r: Any, lines: tuple[TicketLine, ...], tenders: tuple[Tender, ...]) -> Ticket:
    return Ticket(
        ticket_id=r.ticket_id,
        receipt_no=r.receipt_no,
        till_id=r.till_id,
        shift_id=r.shift_id,
        kind=r.kind,
        member_id=r.member_id,
        card_no=r.card_no,
        created_at=must_dt(r.created_at),
        cashier=r.cashier,
        approver=r.approver,
        refund_of=r.refund_of,
        gross=Fen(r.gross),
        discount_tier=Fen(r.discount_tier),
        discount_birthday=Fen(r.discount_birthday),
        redemption=Fen(r.redemption),
        redeemed_points=r.redeemed_points,
        total=Fen(r.total),
        points_earned=r.points_earned,
        points_multiplier=r.points_multiplier,
        birthday_benefit=bool(r.birthday_benefit),
        tier=r.tier,
        upgraded_to=r.upgraded_to,
        offline=bool(r.offline),
        note=r.note,
        lines=lines,
        tenders=tenders,
    )


def to_shift(r: Any) -> Shift:
    return Shift(
        shift_id=r.shift_id,
        till_id=r.till_id,
        cashier=r.cashier,
        opened_at=must_dt(r.opened_at),
        opening_float=Fen(r.opening_float),
        opening_liability=Fen(r.opening_liability),
        opening_seq=r.opening_seq,
        closed_at=dt(r.closed_at),
        counted_cash=None if r.counted_cash is None else Fen(r.counted_cash),
    )


def to_audit(r: Any, detail: dict[str, object]) -> AuditEntry:
    return AuditEntry(
        seq=r.seq,
        at=must_dt(r.at),
        actor=r.actor,
        approver=r.approver,
        action=r.action,
        subject=r.subject,
        amount=r.amount,
        outcome=r.outcome,
        detail=detail,
    )
