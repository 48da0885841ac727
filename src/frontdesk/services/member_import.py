"""Members brought over from an old system, with their balances as opening ledger entries.

All in one transaction, with an admin running it and a manager approving the money it brings
(DOMAIN §7): either every member and every opening fen is on the ledger, or nothing is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from frontdesk.domain import errors
from frontdesk.domain.cards import Card, CardState, card_generation
from frontdesk.domain.catalog import RowProblem
from frontdesk.domain.ledger import Bucket, EntryKind, TxnDrafts
from frontdesk.domain.member_import import MemberRow, MembersRead
from frontdesk.domain.money import Fen
from frontdesk.domain.numbering import store_digits
from frontdesk.domain.permissions import Operation
from frontdesk.services.context import TillContext, new_id, till_numbers
from frontdesk.services.membership import _new_card, _record_card, _record_member
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
    problems: list[RowProblem] = []
    for row in read.rows:
        if uow.members.by_phone(row.phone) is not None:
            problems.append(RowProblem(row.line, "phone", "phone_exists"))
        if row.card_no is not None and uow.cards.get(row.card_no) is not None:
            problems.append(RowProblem(row.line, "card_no", "card_exists"))
    return problems


def _add(
    uow: UnitOfWork,
    ctx: TillContext,
    row: MemberRow,
    actor: str,
    approver: str | None,
    now: datetime,
) -> bool:
    store, _ = till_numbers(uow)
    member = Member(
        member_id=new_id(), phone=row.phone, name=row.name, birthday=row.birthday, gender=None,
        # The old system held the member's consent to its terms; marketing consent does not
        # carry over (it must be asked again, PIPL art. 14).
        consent_terms_at=now, consent_marketing_at=None, recruiter=actor, store=store_digits(store),
        created_at=now, pin_hash=None, pin_failures=0, pin_locked=False,
        tier_lock=row.tier, tier_lock_reason=IMPORT_REASON if row.tier else None,
        birthday_benefit_year=None,
    )  # fmt: skip
    uow.members.add(member, now)
    uow.accounts.create(member.member_id, row.tier or ctx.program.entry_tier.code)
    _record_member(uow, member, now)
    kept = row.card_no is not None
    if row.card_no is not None:
        card = Card(row.card_no, member.member_id, card_generation(row.card_no), CardState.ACTIVE)
        uow.cards.add(card, now)
        _record_card(uow, card, now)
    else:
        _new_card(uow, member.member_id, 0, now)
    opening = TxnDrafts(new_id(), member.member_id, actor, approver=approver)
    opening.add(EntryKind.ADJUST, Bucket.PRINCIPAL, row.principal.value)
    opening.add(EntryKind.ADJUST, Bucket.BONUS, row.bonus.value)
    opening.add(EntryKind.ADJUST, Bucket.POINTS, row.points, now.year)
    if opening.drafts:
        uow.ledger.append(opening.drafts, now)
    return kept


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
        kept = sum(_add(uow, ctx, row, actor, approver, now) for row in read.rows)
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
