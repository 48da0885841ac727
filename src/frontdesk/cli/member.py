"""`frontdesk member add|show|find`: register and look up members (a login is needed to look)."""

from __future__ import annotations

from frontdesk.cli.errors import UsageError
from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session, day
from frontdesk.domain import messages
from frontdesk.services import membership
from frontdesk.services.membership import MemberView


def member_text(v: MemberView, lang: str, *, full_phone: bool = False) -> str:
    def say(key: str, **details: object) -> str:
        return messages.say(key, lang, **details)

    phone = v.phone if full_phone else v.masked_phone
    lines = [
        say("said_member", name=v.name, phone=phone, tier=v.tier_name),
        say("said_member_card", card_no=v.card_no) if v.card_no else say("said_member_no_card"),
        say("said_member_balance", balance=v.balance, principal=v.principal, bonus=v.bonus),
        say("said_member_points", points=v.points),
    ]
    if v.birthday_benefit_available:
        lines.append(say("said_member_birthday"))
    lines += [say("said_member_notice", notice=messages.render(n, lang)) for n in v.notices]
    return "\n".join(lines)


def add(s: Session) -> Outcome:
    a = s.args
    birthday = day(a.birthday)
    reg = membership.register(
        s.ctx,
        actor=s.actor(),
        phone=a.phone,
        name=a.name,
        birthday=birthday,
        gender=a.gender,
        consent_terms=a.consent_terms,
        consent_marketing=a.consent_marketing,
        pin=a.member_pin,
    )
    text = s.say("said_member_registered", card_no=reg.card_no)
    return Outcome(f"{text}\n{member_text(reg.member, s.lang)}", reg)


def show(s: Session) -> Outcome:
    a = s.args
    actor = s.actor()
    if a.card:
        view = membership.lookup_card(s.ctx, a.card, actor)
    elif a.phone:
        view = membership.find_member(s.ctx, a.phone, actor=actor)
    elif a.member:
        view = membership.member_by_id(s.ctx, a.member)
    else:
        raise UsageError("member_ref")
    full = s.reveal([view.member_id])
    return Outcome(member_text(view, s.lang, full_phone=full), view, full_personal_data=full)


def find(s: Session) -> Outcome:
    s.actor()  # member data is shown to a logged-in staff member only
    with s.ctx.uow(write=False) as uow:
        found = uow.members.find(s.args.text)
    views = [membership.member_by_id(s.ctx, m.member_id) for m in found]
    full = s.reveal([v.member_id for v in views])
    text = "\n\n".join(member_text(v, s.lang, full_phone=full) for v in views)
    text = text or s.say("said_no_member")
    return Outcome(text, views, full_personal_data=full)
