"""`member erase` at one till reaches head office and the other till (real PostgreSQL).

Source: 个人信息保护法 第四十七条 (deletion) and 第十九条 (no longer than needed). After the erase
at till A and a sync of both tills, the member's name and phone are in no raw text cell of
either till's SQLite file nor of head office's member tables and change events, while each
till's `frontdesk verify` and head office's chain check (every entry's hash recomputed, every
link to the entry before) still pass: the ledger names the member id only.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import Engine

from frontdesk.domain.approvals import ApprovalAction, ApprovalBinding
from frontdesk.domain.erasure import RetentionNotOver
from frontdesk.domain.money import Fen
from frontdesk.persistence.verify import verify
from frontdesk.services import accounts, membership, staff, staff_admin
from frontdesk.services.member_erasure import erase
from frontdesk.sync.hq_report import build_report
from tests.integration.sync.conftest import ADMIN, Till, hq_rows
from tests.integration.test_member_rights import text_cells

NAME, PHONE = "钱删除", "13800005301"
MANAGER = ("8001", "8001")


def hq_text(hq_admin: Engine) -> str:
    """Every text and json column of head office's member-related tables, as rows hold them."""
    columns = hq_rows(
        hq_admin,
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND data_type IN ('text', 'jsonb', 'json') "
        "AND table_name IN ('member', 'card', 'change_event', 'audit_log', 'sync_problem', "
        "'ticket', 'member_balance', 'ledger_entry', 'card_return')",
    )
    cells: list[str] = []
    for table, column in columns:
        cells += [str(v) for (v,) in hq_rows(hq_admin, f'SELECT "{column}"::text FROM "{table}"')]
    return "\n".join(cells)


def hq_chain_problems(hq_admin: Engine) -> list[tuple[object, ...]]:
    return hq_rows(
        hq_admin,
        "SELECT till_id, seq FROM ("
        "  SELECT e.*, lag(hash) OVER (PARTITION BY till_id ORDER BY seq) AS before"
        "    FROM ledger_entry e) x "
        "WHERE hash <> fd_entry_hash(till_id, seq, entry_uuid, txn_uuid, created_at, kind,"
        "      member_id, bucket, amount, actor, approver, ticket_id, lot_year, offline, prev_hash)"
        "   OR (before IS NOT NULL AND prev_hash <> before)",
    )


def till_key(till: Till, member_id: str) -> bytes | None:
    with sqlite3.connect(till.path) as conn:
        (key,) = conn.execute(
            "SELECT key FROM member_key WHERE member_id = ?", (member_id,)
        ).fetchone()
    return None if key is None else bytes(key)


def approval(till: Till, action: ApprovalAction, subject: str, amount: int) -> str:
    return staff.approve(
        till.ctx, ApprovalBinding(action, subject, amount),
        manager_no=MANAGER[0], pin=MANAGER[1], operator=ADMIN[0],
    )  # fmt: skip


def test_an_erase_at_one_till_leaves_no_name_or_phone_anywhere_and_every_chain_verifies(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a, b = make_till(53, 1), make_till(54, 1)
    staff_admin.add_staff(
        a.ctx, actor=ADMIN[0], staff_no=MANAGER[0], name="店长", role="manager", pin=MANAGER[1]
    )
    reg = membership.register(
        a.ctx, actor=ADMIN[0], phone=PHONE, name=NAME, birthday=date(1991, 7, 8),
        consent_terms=True,
    )  # fmt: skip
    member = reg.member.member_id
    accounts.topup(a.ctx, actor=ADMIN[0], member_id=member, amount=Fen(10000))
    assert a.sync().ok
    assert b.sync().ok
    with b.ctx.uow(write=False) as uow:
        pulled = uow.members.get(member)
    assert pulled is not None
    assert pulled.name == NAME  # till B reads it...
    for text in (text_cells(a.path), text_cells(b.path), hq_text(hq_admin)):
        assert NAME not in text  # ...and no copy holds it in the clear: not A's outbox, not
        assert PHONE not in text  # B's member_personal, not head office's rows and events
    held = hq_rows(hq_admin, "SELECT name FROM member WHERE member_id = :m", m=member)
    assert str(held[0][0]).startswith("fdk1:")
    events = hq_rows(
        hq_admin, "SELECT payload::text FROM change_event WHERE entity_id = :m", m=member
    )
    assert events
    report = build_report(hq_admin)
    assert report.unsealed_members == 0  # every member head office holds arrived sealed
    assert "明文保存个人资料的会员：0" in report.text
    assert all('"key"' not in str(p) for (p,) in events)
    hq_key = hq_rows(hq_admin, "SELECT key FROM member_key WHERE member_id = :m", m=member)
    assert (
        [bytes(k) for (k,) in hq_key if isinstance(k, (bytes, memoryview))]
        == [till_key(a, member)]
        == [till_key(b, member)]
    )
    membership.return_card(
        a.ctx, actor=ADMIN[0], card_no=reg.card_no,
        approval_id=approval(a, ApprovalAction.CARD_RETURN, reg.card_no, 10000),
    )  # fmt: skip

    with pytest.raises(RetentionNotOver):  # 30 days after the 退卡, by default
        erase(a.ctx, actor=ADMIN[0], member_id=member, approval_id=None)
    a.clock.advance(days=31)
    erase(
        a.ctx,
        actor=ADMIN[0],
        member_id=member,
        approval_id=approval(a, ApprovalAction.MEMBER_ERASE, member, 0),
    )
    assert a.sync().ok
    assert b.sync().ok

    for text in (text_cells(a.path), text_cells(b.path), hq_text(hq_admin)):
        assert NAME not in text
        assert PHONE not in text
        assert "1991-07-08" not in text
    assert verify(a.engine) == []
    assert verify(b.engine) == []
    assert hq_chain_problems(hq_admin) == []
    pushed = hq_rows(hq_admin, "SELECT count(*) FROM ledger_entry WHERE member_id = :m", m=member)
    assert int(str(pushed[0][0])) >= 3  # the top-up's two entries and the 退卡's, all still there
    assert hq_rows(hq_admin, "SELECT name FROM member WHERE member_id = :m", m=member) == [
        ("已删除",)
    ]
    # One key for the member everywhere, and the erasure destroyed it everywhere: head office's
    # sealed copies (and any backup of them) can no longer be opened.
    erased = hq_rows(
        hq_admin, "SELECT key, erased_at IS NOT NULL FROM member_key WHERE member_id = :m", m=member
    )
    assert erased == [(None, True)]
    assert till_key(a, member) is None
    assert till_key(b, member) is None
    with b.ctx.uow(write=False) as uow:
        there = uow.members.get(member)
    assert there is not None
    assert there.name == "已删除"
