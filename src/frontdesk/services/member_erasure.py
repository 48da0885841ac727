"""`member erase`: a member's personal data deleted (个人信息保护法 第四十七条), the ledger kept.

The rule is domain.erasure's; here it is read, and the till's copies are blanked in one
transaction: the member row (name, phone, birthday, gender, PIN hash, tier-lock note), every
outbox copy of the member (so head office gets only the erasure, and it travels on to every
till), the 退卡 holder name, and the member's key. The ledger names only the member id, so
`frontdesk verify` and head office's chain check hold afterwards.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from frontdesk.domain import errors
from frontdesk.domain.erasure import (
    ERASED_NAME,
    ErasureState,
    check_erasable,
    erased_phone,
    erased_profile,
)
from frontdesk.domain.permissions import Operation
from frontdesk.services.context import TillContext
from frontdesk.services.membership import _record_member
from frontdesk.services.staff import authorize, consume_approval


def erase(ctx: TillContext, *, actor: str, member_id: str, approval_id: str | None) -> str | None:
    """Erase the member's personal data; returns the approving manager's staff number."""
    authorize(ctx, actor, Operation.MEMBER_ERASE)
    now = ctx.now()
    with ctx.uow() as uow:
        member = uow.members.get(member_id)
        account = uow.accounts.get(member_id)
        if member is None or account is None:
            raise errors.UnknownMember(ref=member_id)
        days = [
            datetime.fromisoformat(e.created_at).date() for e in uow.ledger.for_member(member_id)
        ]
        state = ErasureState(
            phone=member.phone,
            principal=account.principal,
            bonus=account.bonus,
            card_returned=bool(uow.card_returns.for_member(member_id)),
            last_movement=max(days, default=None),
        )
        check_erasable(state, now.date(), ctx.program.retention_days)
        approver = consume_approval(
            uow,
            approval_id,
            Operation.MEMBER_ERASE,
            subject=member_id,
            amount=0,
            ctx=ctx,
            operator=actor,
        )
        profile = erased_profile(member_id)
        erased = replace(
            member,
            name=ERASED_NAME,
            phone=erased_phone(member_id),
            birthday=None,
            gender=None,
            pin_hash=None,
            tier_lock_reason=None,
            consent_marketing_at=None,
        )
        uow.members.save(erased, now)
        _record_member(uow, erased, now)  # the erasure's own event, for head office
        uow.erasure.forget(member_id, profile, now)  # it too is marked as the erasure
        # Who and which member id only: the audit keeps no personal data of the member.
        uow.audit.add(
            at=now,
            actor=actor,
            action="member_erase",
            subject=member_id,
            detail={"approver": approver},
        )
        uow.commit()
    return approver
