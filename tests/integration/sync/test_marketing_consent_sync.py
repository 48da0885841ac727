"""A withdrawn marketing consent reaches head office and every till (real PostgreSQL).

Source: 个人信息保护法 第十五条 — consent may be withdrawn; DOMAIN §11 — withdrawable on its own
and honoured by every export of contact lists, so at every store.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine

from frontdesk.services import membership
from frontdesk.services.member_rights import set_marketing_consent
from tests.integration.sync.conftest import ADMIN, Till, hq_rows


def test_the_withdrawal_travels_to_head_office_and_the_other_store(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a, b = make_till(51, 1), make_till(52, 1)
    reg = membership.register(
        a.ctx, actor=ADMIN[0], phone="13800005101", name="王五", consent_terms=True,
        consent_marketing=True,
    )  # fmt: skip
    assert a.sync().ok
    assert b.sync().ok

    set_marketing_consent(a.ctx, actor=ADMIN[0], member_id=reg.member.member_id, consent=False)
    assert a.sync().ok
    assert b.sync().ok

    at_hq = hq_rows(
        hq_admin,
        "SELECT consent_marketing_at, consent_terms_at FROM member WHERE member_id = :m",
        m=reg.member.member_id,
    )
    assert at_hq[0][0] is None
    assert at_hq[0][1] is not None  # the terms' consent is another consent, untouched
    with b.ctx.uow(write=False) as uow:
        there = uow.members.get(reg.member.member_id)
    assert there is not None
    assert there.consent_marketing_at is None
