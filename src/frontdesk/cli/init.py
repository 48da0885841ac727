"""`frontdesk init` and `frontdesk demo`: a new till, or a ready demo store."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from frontdesk.cli.errors import UsageError
from frontdesk.cli.output import Outcome
from frontdesk.cli.session import Session
from frontdesk.provisioning import create_standalone, enrol, parse_address
from frontdesk.services import membership


def init(s: Session) -> Outcome:
    a = s.args
    if a.enrol:
        return _enrol(s)
    if a.store is None or a.till is None:
        raise UsageError("init_needs_store")
    till = create_standalone(
        s.ctx,
        store_no=a.store,
        till_no=a.till,
        store_name=a.store_name or s.ctx.program.store_name,
        admin_no=a.admin,
        admin_name=_admin_name(s),
        admin_pin=a.admin_pin,
    )
    return Outcome(s.say("said_till_ready", till=till, admin=a.admin), {"till_id": till})


def _admin_name(s: Session) -> str:
    """--admin-name, else the word for an administrator in the command's language."""
    return str(s.args.admin_name or s.say("said_default_admin_name"))


def _enrol(s: Session) -> Outcome:
    a = s.args
    if not a.hq:
        raise UsageError("enrol_needs_hq")
    hq = parse_address(a.hq, a.sslmode or "", a.sslrootcert or "")
    till = enrol(
        s.ctx, Path(a.db), code=a.enrol, hq=hq,
        admin_no=a.admin, admin_name=_admin_name(s), admin_pin=a.admin_pin,
    )  # fmt: skip
    where = f"{hq.host}:{hq.port}/{hq.database}"
    tls = hq.sslmode or s.say("said_tls_default")
    text = s.say("said_enrolled", till=till, hq=where, tls=tls, admin=a.admin)
    return Outcome(text, {"till_id": till, "hq": where})


def demo(s: Session) -> Outcome:
    from frontdesk.demo import build_demo

    members = build_demo(s.ctx)
    text = s.say("said_demo_ready") + "\n"
    views = [
        membership.member_by_id(
            s.ctx, membership.find_member(s.ctx, m.phone, actor="8001").member_id
        )
        for m in members
    ]
    for m, v in zip(members, views, strict=True):
        line = s.say(
            "said_demo_member",
            name=m.name,
            phone=v.masked_phone,
            tier=v.tier_name,
            card_no=m.card_no,
            balance=v.balance,
            principal=v.principal,
            bonus=v.bonus,
            points=v.points,
        )
        text += f"{line}  {s.say(m.note)}\n"
    said = [replace(m, note=s.say(m.note)) for m in members]  # --json carries the words too
    return Outcome(text.rstrip(), {"members": said, "views": views})
