"""A member's rights over their personal data (个人信息保护法): a copy of it, marketing consent.

第四十五条: a person may obtain a copy of their personal information; 第十五条: consent may be
withdrawn. Marketing consent is separate from the terms' consent (DOMAIN §11) and withdrawn on
its own: the member stays a member, and every contact-list export (services.exports, marketing
only) leaves them out from then on, at every till once head office has the change.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import date, datetime
from typing import Any

from frontdesk.domain import errors
from frontdesk.domain.permissions import Operation
from frontdesk.services.context import TillContext
from frontdesk.services.membership import _record_member
from frontdesk.services.records import Member
from frontdesk.services.staff import authorize, authorize_in

FORMAT = "frontdesk-member-data/1"


def set_marketing_consent(ctx: TillContext, *, actor: str, member_id: str, consent: bool) -> Member:
    """Marketing consent given or withdrawn, at the counter, on the member's word; audited."""
    authorize(ctx, actor, Operation.REGISTER_MEMBER)
    now = ctx.now()
    with ctx.uow() as uow:
        member = uow.members.get(member_id)
        if member is None:
            raise errors.UnknownMember(ref=member_id)
        changed = replace(member, consent_marketing_at=now if consent else None)
        uow.members.save(changed, now)
        _record_member(uow, changed, now)  # head office and the other tills get it at sync
        uow.audit.add(
            at=now,
            actor=actor,
            action="marketing_consent",
            subject=member_id,
            detail={"consent": consent},
        )
        uow.commit()
    return changed


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def member_data(ctx: TillContext, *, actor: str, member_id: str) -> dict[str, Any]:
    """Everything this till holds about the member, as plain values (fen for money).

    Theirs in full (phone, ID and bank numbers of a 退卡), nothing about staff: who served them
    is the store's record, not the member's personal data. Manager only, and audited.
    """
    now = ctx.now()
    with ctx.uow() as uow:
        authorize_in(uow, actor, Operation.MEMBER_FULL_DETAILS)
        member = uow.members.get(member_id)
        account = uow.accounts.get(member_id)
        if member is None or account is None:
            raise errors.UnknownMember(ref=member_id)
        entries = uow.ledger.for_member(member_id)
        tickets = {
            t: tk
            for t in {e.ticket_id for e in entries if e.ticket_id}
            if (tk := uow.tickets.get(t))
        }
        data = {
            "format": FORMAT,
            "exported_at": now.isoformat(),
            "personal": {
                "member_id": member.member_id,
                "name": member.name,
                "phone": member.phone,
                "birthday": _plain(member.birthday),
                "gender": member.gender,
                "registered_at": _plain(member.created_at),
                "registered_store": member.store,
                "consent_terms_at": _plain(member.consent_terms_at),
                "consent_marketing_at": _plain(member.consent_marketing_at),
            },
            "account": {
                "principal": account.principal.value,
                "bonus": account.bonus.value,
                "points": account.points,
                "tier": account.tier,
            },
            "cards": [
                {"card_no": c.card_no, "generation": c.generation, "state": c.state.value}
                for c in uow.cards.for_member(member_id)
            ],
            "movements": [
                {
                    "at": e.created_at,
                    "till": e.till_id,
                    "kind": e.kind,
                    "bucket": e.bucket,
                    "amount": e.amount,
                    "receipt_no": tickets[e.ticket_id].receipt_no
                    if e.ticket_id in tickets
                    else None,
                }
                for e in entries
            ],
            "card_returns": [
                {k: v for k, v in asdict(r).items() if k not in ("identity_checked_by",)}
                for r in uow.card_returns.for_member(member_id)
            ],
        }
        uow.audit.add(at=now, actor=actor, action="member_data_export", subject=member_id)
        uow.commit()
    return data
