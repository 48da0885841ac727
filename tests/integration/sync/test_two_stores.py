from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine, exc, text

from frontdesk.config import DEFAULT_PROGRAM
from frontdesk.domain import errors, messages
from frontdesk.domain.approvals import ApprovalAction, ApprovalBinding
from frontdesk.domain.cards import CardAction
from frontdesk.domain.money import Fen
from frontdesk.domain.program import ProgramInvalid
from frontdesk.persistence.verify import verify
from frontdesk.services import accounts, checkout, membership, staff
from frontdesk.services.context import new_id
from frontdesk.services.sync_port import HQ_PROGRAM_SETTING, effective_program
from frontdesk.sync import credentials
from frontdesk.sync.hq_engine import make_hq_engine
from frontdesk.sync.hq_report import build_report
from frontdesk.sync.hq_setup import publish_program
from tests.integration.sync.conftest import ADMIN, PRODUCTS, Till, hq_rows

PIN = "135790"


def register_with_money(till: Till, phone: str, topup: str = "500.00") -> tuple[str, str]:
    reg = membership.register(
        till.ctx, actor=ADMIN[0], phone=phone, name="张三", consent_terms=True, pin=PIN
    )
    accounts.topup(till.ctx, actor=ADMIN[0], member_id=reg.member.member_id, amount=Fen.of(topup))
    return reg.member.member_id, reg.card_no


def pay_stored(till: Till, card_no: str, yuan: str, pin: str = PIN) -> checkout.SaleResult:
    # The PIN set at the registering store travels with the member: none is set here.
    amount = Fen.of(yuan)
    qty = amount.value // PRODUCTS[0].unit_price.value
    due = checkout.quote(
        till.ctx,
        card_no=card_no,
        items=[checkout.SaleItem(PRODUCTS[0].barcode, qty)],
        actor=ADMIN[0],
    ).priced.due
    return checkout.checkout(
        till.ctx,
        txn_id=new_id(),
        cashier=ADMIN[0],
        card_no=card_no,
        items=[checkout.SaleItem(PRODUCTS[0].barcode, qty)],
        payments=[checkout.Payment("stored_value", due)],
        pin=pin,
    )


def sell_cash(till: Till, card_no: str, qty: int) -> checkout.SaleResult:
    items = [checkout.SaleItem(PRODUCTS[1].barcode, qty)]
    due = checkout.quote(till.ctx, card_no=card_no, items=items, actor=ADMIN[0]).priced.due
    return checkout.checkout(
        till.ctx,
        txn_id=new_id(),
        cashier=ADMIN[0],
        card_no=card_no,
        items=items,
        payments=[checkout.Payment("cash", due)],
    )


def approve(till: Till, action: str, subject: str) -> str:
    return staff.approve(
        till.ctx,
        ApprovalBinding(ApprovalAction(action), subject, 0),
        manager_no=ADMIN[0],
        pin=ADMIN[1],
    )


def test_member_registered_at_store_a_shops_at_store_b_after_sync(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a, b = make_till(1, 1), make_till(2, 1)
    member_id, card_no = register_with_money(a, "13800000001")

    assert a.sync().ok
    report = b.sync()
    sale = pay_stored(b, card_no, "100.00")

    assert report.ok
    assert report.pulled["member"] >= 1
    assert hq_rows(
        hq_admin, "SELECT pin_hash IS NOT NULL FROM member WHERE member_id = :m", m=member_id
    ) == [(True,)]
    assert sale.member_after is not None
    assert sale.member_after.balance == Fen(56000) - sale.ticket.total
    assert verify(b.engine) == []
    assert b.sync().ok
    assert a.sync().ok
    at_a = membership.member_by_id(a.ctx, member_id)
    assert at_a.balance == Fen(56000) - sale.ticket.total
    assert verify(a.engine) == []
    hq_total = hq_rows(
        hq_admin, "SELECT principal + bonus FROM account_balance WHERE member_id = :m", m=member_id
    )
    assert hq_total == [(at_a.balance.value,)]


def test_card_reported_lost_at_a_is_refused_at_b_after_its_next_pull(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a, b = make_till(1, 2), make_till(2, 2)
    _, card_no = register_with_money(a, "13800000002")
    assert a.sync().ok
    assert b.sync().ok
    assert membership.lookup_card(b.ctx, card_no, ADMIN[0]).card_no == card_no

    membership.change_card_state(
        a.ctx, actor=ADMIN[0], card_no=card_no, action=CardAction.REPORT_LOST
    )
    assert a.sync(pull_too=False).ok  # the immediate push of a 挂失
    assert b.sync().ok

    with pytest.raises(errors.CardReportedLost):
        membership.lookup_card(b.ctx, card_no, ADMIN[0])
    assert hq_rows(hq_admin, "SELECT state FROM card WHERE card_no = :c", c=card_no) == [("lost",)]


def test_spend_at_an_offline_store_after_the_card_was_lost_is_reported(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a, b = make_till(1, 3), make_till(2, 3)
    _, card_no = register_with_money(a, "13800000003")
    assert a.sync().ok
    assert b.sync().ok
    a.clock.advance(minutes=5)
    b.clock.advance(minutes=10)

    membership.change_card_state(
        a.ctx, actor=ADMIN[0], card_no=card_no, action=CardAction.REPORT_LOST
    )
    assert a.sync(pull_too=False).ok
    pay_stored(b, card_no, "50.00")  # B has not pulled yet: the goods left the store
    assert b.sync().ok
    report = build_report(hq_admin)

    assert {r["card_no"] for r in report.spends_after_revocation} == {card_no}
    assert "挂失" in report.text


def test_replay_from_zero_inserts_nothing(make_till: Callable[..., Till], hq_admin: Engine) -> None:
    a = make_till(1, 4)
    register_with_money(a, "13800000004")
    assert a.sync().ok
    count = "SELECT count(*), coalesce(sum(amount), 0) FROM ledger_entry WHERE till_id = :t"
    before = hq_rows(hq_admin, count, t=a.till_id)

    with a.engine.begin() as conn:
        conn.execute(text("DELETE FROM settings WHERE key LIKE 'sync_ack_%'"))
    with hq_admin.begin() as conn:
        conn.execute(text("DELETE FROM sync_cursor WHERE till_id = :t"), {"t": a.till_id})
    report = a.sync()

    assert report.ok, report.text
    assert report.pushed["ledger"] == before[0][0]
    assert hq_rows(hq_admin, count, t=a.till_id) == before
    assert hq_rows(hq_admin, "SELECT count(*) FROM ticket WHERE till_id = :t", t=a.till_id) == [
        (1,)
    ]
    assert hq_rows(
        hq_admin, "SELECT count(*) FROM change_event WHERE till_id = :t", t=a.till_id
    ) == [(2,)]


def _tampered_copy(till: Till, make: Callable[..., Till]) -> Till:
    """The same till's database with one amount edited behind the append-only triggers."""
    copy = make(9, 9, connect=False)
    with till.engine.connect() as src, copy.engine.connect() as dst:
        src.connection.driver_connection.backup(dst.connection.driver_connection)  # type: ignore[union-attr]
    with copy.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER ledger_entry_no_update")
        conn.exec_driver_sql(
            "UPDATE ledger_entry SET amount = amount * 10 "
            "WHERE seq = (SELECT max(seq) FROM ledger_entry)"
        )
    copy.till_id, copy.creds = till.till_id, till.creds
    return copy


def test_a_tampered_ledger_is_refused_and_reported(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a = make_till(1, 5)
    member_id, _ = register_with_money(a, "13800000005")
    assert a.sync().ok
    accounts.topup(a.ctx, actor=ADMIN[0], member_id=member_id, amount=Fen.of("100.00"))
    copy = _tampered_copy(a, make_till)
    stored = "SELECT count(*) FROM ledger_entry WHERE till_id = :t"
    before = hq_rows(hq_admin, stored, t=a.till_id)

    report = copy.sync()

    assert not report.ok
    assert "拒收" in report.message
    assert "哈希" in report.message
    assert hq_rows(hq_admin, stored, t=a.till_id) == before
    problems = hq_rows(hq_admin, "SELECT detail FROM sync_problem WHERE till_id = :t", t=a.till_id)
    assert any("hash" in str(p[0]) for p in problems)
    assert a.sync().ok  # the genuine till still goes through


def test_a_changed_entry_already_at_head_office_is_refused_on_replay(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a = make_till(1, 6)
    register_with_money(a, "13800000006")
    assert a.sync().ok
    copy = _tampered_copy(a, make_till)
    with copy.engine.begin() as conn:
        conn.execute(text("DELETE FROM settings WHERE key LIKE 'sync_ack_%'"))
    with hq_admin.begin() as conn:
        conn.execute(text("DELETE FROM sync_cursor WHERE till_id = :t"), {"t": a.till_id})

    report = copy.sync()

    assert not report.ok
    assert "拒收" in report.message


def test_store_a_cannot_write_store_b_rows_nor_change_any_books(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a, b = make_till(1, 7), make_till(2, 7)
    assert a.creds is not None
    as_a = make_hq_engine(a.creds.url())
    row = {
        "t": b.till_id,
        "u": new_id(),
        "h": "0" * 64,
    }
    insert = text(
        "INSERT INTO ledger_entry (till_id, seq, entry_uuid, txn_uuid, created_at, kind, member_id,"
        " bucket, amount, actor, offline, prev_hash, hash) VALUES (:t, 1000, :u, :u, '2026-01-01',"
        " 'topup', 'm', 'principal', 100000, 'x', false, :h, :h)"
    )
    try:
        with pytest.raises(exc.ProgrammingError, match="permission denied"), as_a.begin() as conn:
            conn.execute(insert, row)
        with pytest.raises(exc.ProgrammingError, match="permission denied"), as_a.begin() as conn:
            conn.execute(text("UPDATE ledger_entry SET amount = 0"))
        with as_a.connect() as conn:
            seen = conn.execute(text("SELECT DISTINCT till_id FROM ledger_entry")).scalars().all()
            cursors = conn.execute(text("SELECT DISTINCT till_id FROM sync_cursor")).scalars().all()
    finally:
        as_a.dispose()

    # Store 1's role sees store 1's tills (this module has several) and never store 2's.
    assert seen
    assert all(t.startswith("001-") for t in [*seen, *cursors])
    assert b.till_id not in seen
    assert b.till_id not in cursors


def test_credentials_are_private_to_the_till_user(make_till: Callable[..., Till]) -> None:
    a = make_till(1, 8)
    path = credentials.credentials_path(a.path)

    mode = path.stat().st_mode & 0o777
    path.chmod(0o644)

    assert mode == 0o600
    with pytest.raises(credentials.CredentialsUnsafe):
        credentials.load(path)


def test_stored_value_is_capped_once_the_till_is_offline_and_freed_by_a_sync(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a = make_till(1, 10)
    member_id, card_no = register_with_money(a, "13800000010", topup="1000.00")
    assert a.sync().ok
    a.clock.advance(minutes=a.ctx.program.offline_after_minutes + 1)

    pay_stored(a, card_no, "200.00")
    with pytest.raises(errors.OfflineCapExceeded):
        pay_stored(a, card_no, "200.00")
    assert a.sync().ok
    pay_stored(a, card_no, "200.00")
    assert a.sync().ok

    flags = hq_rows(
        hq_admin,
        "SELECT offline, count(*) FROM ledger_entry "
        "WHERE member_id = :m AND kind = 'spend' GROUP BY 1 ORDER BY 1",
        m=member_id,
    )
    assert [f[0] for f in flags] == [False, True]


def test_a_pin_reset_and_a_tier_lock_at_a_reach_b(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a, b = make_till(1, 11), make_till(2, 11)
    member_id, card_no = register_with_money(a, "13800000011")
    assert a.sync().ok
    assert b.sync().ok
    with pytest.raises(errors.WrongPin):
        pay_stored(b, card_no, "10.00", pin="975318")  # one wrong try at B

    membership.set_pin(
        a.ctx,
        actor=ADMIN[0],
        member_id=member_id,
        pin="246813",
        approval_id=approve(a, "pin_reset", member_id),
    )
    membership.lock_tier(
        a.ctx,
        actor=ADMIN[0],
        member_id=member_id,
        tier="gold",
        reason="集团客户",
        approval_id=approve(a, "tier_lock", member_id),
    )
    assert a.sync().ok
    assert b.sync().ok

    with pytest.raises(errors.WrongPin):
        pay_stored(b, card_no, "10.00")  # the old PIN no longer opens the balance at B
    sale = pay_stored(b, card_no, "10.00", pin="246813")
    with b.ctx.uow(write=False) as uow:
        at_b = uow.members.get(member_id)
    with a.ctx.uow(write=False) as uow:
        at_a = uow.members.get(member_id)
    assert at_a is not None
    assert at_b is not None
    assert at_b.pin_hash == at_a.pin_hash
    assert (at_b.tier_lock, at_b.tier_lock_reason) == ("gold", "集团客户")
    assert sale.ticket.tier == "gold"
    assert hq_rows(
        hq_admin, "SELECT tier_lock, tier_lock_reason FROM member WHERE member_id = :m", m=member_id
    ) == [("gold", "集团客户")]


def test_a_member_who_becomes_gold_at_a_is_priced_as_gold_at_b_after_bs_pull(
    make_till: Callable[..., Till],
) -> None:
    a, b = make_till(1, 12), make_till(2, 12)
    member_id, card_no = register_with_money(a, "13800000012")
    assert a.sync().ok
    assert b.sync().ok
    water = [checkout.SaleItem(PRODUCTS[0].barcode, 10)]
    before = checkout.quote(b.ctx, card_no=card_no, items=water, actor=ADMIN[0]).priced

    big = sell_cash(a, card_no, 310)  # one ticket of more than ￥15,000 after the 98折
    assert a.sync().ok
    report = b.sync()
    after = checkout.quote(b.ctx, card_no=card_no, items=water, actor=ADMIN[0]).priced

    assert big.ticket.upgraded_to == "gold"
    assert report.pulled["tier"] >= 1
    assert (before.tier, before.due) == ("normal", Fen(1960))
    assert (after.tier, after.due) == ("gold", Fen(1800))
    assert _tier_of(b, member_id) == _tier_of(a, member_id)


def _tier_of(till: Till, member_id: str) -> tuple[object, ...]:
    with till.ctx.uow(write=False) as uow:
        account = uow.accounts.get(member_id)
    assert account is not None
    return (account.tier, account.tier_since, account.tier_held_until)


def test_a_sale_at_b_keeps_the_tier_won_at_a(make_till: Callable[..., Till]) -> None:
    a, b = make_till(1, 13), make_till(2, 13)
    member_id, card_no = register_with_money(a, "13800000013")
    assert a.sync().ok
    sell_cash(a, card_no, 310)
    assert a.sync().ok
    assert b.sync().ok

    sell_cash(b, card_no, 1)

    assert _tier_of(b, member_id)[0] == "gold"


def test_the_program_from_head_office_is_used_and_an_invalid_one_refused(
    make_till: Callable[..., Till], hq_admin: Engine
) -> None:
    a = make_till(1, 14)
    body = DEFAULT_PROGRAM.read_text(encoding="utf-8")
    cheaper = body.replace('pay_rate = "0.98"            # 98折', 'pay_rate = "0.97"', 1)
    broken = body.replace('code = "gold"', 'code = "silver"', 1)
    publish_program(hq_admin, cheaper)
    with pytest.raises(ProgramInvalid):
        publish_program(hq_admin, broken)

    assert a.sync().ok
    with hq_admin.begin() as conn:  # as if written past the check, by hand
        conn.execute(text("INSERT INTO program (body) VALUES (:b)"), {"b": broken})
    refused = a.sync()
    with a.ctx.uow(write=False) as uow:
        stored = uow.settings.get(HQ_PROGRAM_SETTING)
    chosen = effective_program(stored, a.ctx.program)

    assert refused.ok
    assert [p.key for p in refused.problems] == ["sync_program_refused"]
    assert "会员方案" in refused.said(messages.ZH)
    assert "无效" in refused.said(messages.ZH)
    assert "Head office's program (version" in refused.said(messages.EN)
    assert stored == cheaper
    assert chosen.from_head_office
    assert str(chosen.program.tier("normal").pay_rate) == "0.97"
