"""A member's PIN and a locked tier."""

from __future__ import annotations

from dataclasses import replace

from frontdesk.domain import errors
from frontdesk.domain.permissions import Operation
from frontdesk.domain.stored_value import check_pin_strength, hash_pin
from frontdesk.domain.tiers import tier_status
from frontdesk.services.context import TillContext
from frontdesk.services.membership.enrolment import _record_member
from frontdesk.services.staff import authorize, consume_approval


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
        # The first PIN is the member's own; changing one is a reset, with a manager's approval.
        approver = consume_approval(
            uow,
            approval_id,
            Operation.MEMBER_PIN_SET if member.pin_hash is None else Operation.MEMBER_PIN_RESET,
            subject=member_id,
            amount=0,
            ctx=ctx,
            operator=actor,
        )
        changed = replace(
            member, pin_hash=hash_pin(pin, uow.pin_secrets.member), pin_failures=0, pin_locked=False
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
            Operation.TIER_LOCK,
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
