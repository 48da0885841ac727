"""Members brought over from an old system, with their balances as opening ledger entries.

All in one transaction, with an admin running it and a manager approving the money it brings
(DOMAIN §7): either every member and every opening fen is on the ledger, or nothing is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from frontdesk.domain import errors
from frontdesk.domain.cards import Card, CardState, card_generation, make_card_number
from frontdesk.domain.catalog import RowProblem
from frontdesk.domain.ledger import Bucket, EntryDraft, EntryKind, TxnDrafts
from frontdesk.domain.member_import import MemberRow, MembersRead
from frontdesk.domain.money import Fen
from frontdesk.domain.numbering import store_digits
from frontdesk.domain.permissions import Operation
from frontdesk.services.context import TillContext, new_id, till_numbers
from frontdesk.services.membership.enrolment import card_event, member_event
from frontdesk.services.ports import UnitOfWork
from frontdesk.services.records import Member
from frontdesk.services.staff import authorize_in, consume_approval

IMPORT_REASON = "从旧系统导入"


class MembersRefused(errors.DomainError):
    key = "members_refused"
    template = "会员文件有 {count} 处错误，未导入任何会员"
    english = "The member file has {count} problem(s); no member was imported"

    def __init__(self, problems: tuple[RowProblem, ...]) -> None:
        self.problems = problems
        super().__init__(count=len(problems))


@dataclass(frozen=True)
class MembersImported:
    """The reconciliation: rows in = members created; money in = opening entries, to the fen."""

    rows: int
    members_created: int
    cards_kept: int
    cards_issued: int
    principal: Fen
    bonus: Fen
    points: int
    liability_before: Fen
    liability_after: Fen

    @property
    def reconciles(self) -> bool:
        moved = self.liability_after - self.liability_before
        return self.rows == self.members_created and moved == self.principal + self.bonus


def approval_subject(read: MembersRead) -> tuple[str, int]:
    """What the manager approves: how many members, and the opening principal + bonus in fen."""
    return f"{len(read.rows)}", (read.principal + read.bonus).value


def _clashes(uow: UnitOfWork, read: MembersRead) -> list[RowProblem]:
    # Two queries for the whole file, not two a row: the file's own duplicates are the rule's
    # (domain/member_import); these are the members and cards this till already holds.
    phones = uow.members.existing_phones([row.phone for row in read.rows])
    cards = uow.cards.existing([row.card_no for row in read.rows if row.card_no is not None])
    problems: list[RowProblem] = []
    for row in read.rows:
        if row.phone in phones:
            problems.append(RowProblem(row.line, "phone", "phone_exists"))
        if row.card_no is not None and row.card_no in cards:
            problems.append(RowProblem(row.line, "card_no", "card_exists"))
    return problems


@dataclass
class _Batch:
    """Every row of an import, written by one executemany per table."""

    members: list[Member] = field(default_factory=list)
    accounts: list[tuple[str, str]] = field(default_factory=list)
    cards: list[Card] = field(default_factory=list)
    events: list[tuple[str, str, dict[str, object]]] = field(default_factory=list)
    drafts: list[EntryDraft] = field(default_factory=list)


def _add_all(
    uow: UnitOfWork,
    ctx: TillContext,
    rows: Sequence[MemberRow],
    actor: str,
    approver: str | None,
    now: datetime,
) -> int:
    """The members, their cards and opening entries; returns how many old cards were kept.

    What a row at a time made, in one statement per table: the same card numbers in file
    order, each member's opening its own transaction on the ledger, and the outbox's member
    then card event per member.
    """
    store, till = till_numbers(uow)
    issued = sum(1 for row in rows if row.card_no is None)
    serial = uow.settings.reserve_numbers("card", issued) if issued else 0
    b = _Batch()
    for row in rows:
        member = Member(
            member_id=new_id(), phone=row.phone, name=row.name, birthday=row.birthday,
            gender=None,
            # The old system held the member's consent to its terms; marketing consent does not
            # carry over (it must be asked again, PIPL art. 14).
            consent_terms_at=now, consent_marketing_at=None, recruiter=actor,
            store=store_digits(store), created_at=now, pin_hash=None, pin_failures=0,
            pin_locked=False, tier_lock=row.tier,
            tier_lock_reason=IMPORT_REASON if row.tier else None, birthday_benefit_year=None,
        )  # fmt: skip
        b.members.append(member)
        b.accounts.append((member.member_id, row.tier or ctx.program.entry_tier.code))
        b.events.append(("member", member.member_id, member_event(member)))
        if row.card_no is not None:
            number, generation = row.card_no, card_generation(row.card_no)
        else:
            number, generation = make_card_number(store, till, serial, 0), 0
            serial += 1
        card = Card(number, member.member_id, generation, CardState.ACTIVE)
        b.cards.append(card)
        b.events.append(("card", card.card_no, card_event(card, now)))
        opening = TxnDrafts(new_id(), member.member_id, actor, approver=approver)
        opening.add(EntryKind.ADJUST, Bucket.PRINCIPAL, row.principal.value)
        opening.add(EntryKind.ADJUST, Bucket.BONUS, row.bonus.value)
        opening.add(EntryKind.ADJUST, Bucket.POINTS, row.points, now.year)
        b.drafts.extend(opening.drafts)
    uow.members.add_many(b.members, now)
    uow.accounts.create_many(b.accounts)
    uow.cards.add_many(b.cards, now)
    uow.outbox.add_many(b.events, now)
    if b.drafts:
        uow.ledger.append(b.drafts, now)  # one chain, sealed entry by entry as before
    return len(rows) - issued


def import_members(
    ctx: TillContext, *, actor: str, approval_id: str | None, read: MembersRead
) -> MembersImported:
    if read.problems:
        raise MembersRefused(read.problems)
    now = ctx.now()
    subject, amount = approval_subject(read)
    with ctx.uow() as uow:
        authorize_in(uow, actor, Operation.MEMBER_IMPORT)
        clashes = _clashes(uow, read)
        if clashes:
            raise MembersRefused(tuple(clashes))
        approver = consume_approval(
            uow,
            approval_id,
            Operation.MEMBER_IMPORT,
            subject=subject,
            amount=amount,
            ctx=ctx,
            operator=actor,
        )
        before = uow.accounts.liability()
        kept = _add_all(uow, ctx, read.rows, actor, approver, now)
        after = uow.accounts.liability()
        result = MembersImported(
            rows=len(read.rows), members_created=len(read.rows), cards_kept=kept,
            cards_issued=len(read.rows) - kept, principal=read.principal, bonus=read.bonus,
            points=read.points, liability_before=before, liability_after=after,
        )  # fmt: skip
        if not result.reconciles:  # never commit money that does not add up
            raise errors.DomainError()
        uow.audit.add(
            at=now, actor=actor, approver=approver, action="member_import", subject=subject,
            amount=amount,
            detail={"cards_kept": kept, "points": read.points, "source": IMPORT_REASON},
        )  # fmt: skip
        uow.commit()
    return result
