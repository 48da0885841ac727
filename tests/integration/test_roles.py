"""Roles on a real till: who may manage staff, unlocking, approvals that cannot lock a manager
out, approvers other than the operator, approvals that expire, and peppered PIN hashes."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text

from frontdesk.cli import main
from frontdesk.domain import errors
from frontdesk.domain.approvals import ApprovalAction, ApprovalBinding
from frontdesk.domain.money import Fen
from frontdesk.domain.permissions import ApprovalRules, NotPermitted, Role, SameApprover
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.services import checkout, staff, staff_admin
from frontdesk.services.checkout import Payment, SaleItem
from frontdesk.services.context import TillContext, new_id
from tests.builders import PROGRAM
from tests.integration.core_fixtures import RICE, Till

CASHIER = ("--staff", "1001", "--pin", "1001")
MANAGER = ("--staff", "8001", "--pin", "8001")


def cash_sale(till: Till) -> str:
    sale = checkout.checkout(
        till.ctx,
        txn_id=new_id(),
        cashier="1001",
        card_no=None,
        items=[SaleItem(RICE, 1)],
        payments=[Payment("cash", Fen.of("100.00"))],
    )
    return sale.ticket.receipt_no


def refund(till: Till, receipt_no: str, *, operator: str, approval_id: str) -> None:
    checkout.refund(
        till.ctx,
        txn_id=new_id(),
        cashier=operator,
        receipt_no=receipt_no,
        lines=None,
        approval_id=approval_id,
    )


def staff_row(till: Till, staff_no: str) -> tuple[str, int, bool]:
    with till.ctx.uow(write=False) as uow:
        s = uow.staff.get(staff_no)
        assert s is not None
        return s.role, s.failed_tries, s.locked


def cli(till: Till, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(till.path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_cashier_cannot_add_staff_of_any_role(
    till: Till, capsys: pytest.CaptureFixture[str]
) -> None:
    for role in ("cashier", "manager", "admin"):
        with pytest.raises(NotPermitted) as refused:
            staff_admin.add_staff(
                till.ctx, actor="1001", staff_no="6666", name="影子", role=role, pin="6666"
            )
        assert refused.value.role is Role.ADMIN

    code, out, err = cli(
        till, capsys, *CASHIER, "staff", "add", "6666", "影子", "manager", "--new-pin", "6666"
    )

    assert (code, out, err) == (2, "", "添加员工须由管理员操作\n")
    with till.ctx.uow(write=False) as uow:
        assert uow.staff.get("6666") is None


@pytest.mark.slow  # a dozen scrypt checks of wrong PINs
def test_staff_management_from_the_command_line(
    till: Till, capsys: pytest.CaptureFixture[str]
) -> None:
    for _ in range(PROGRAM.staff_pin_max_tries):
        cli(till, capsys, "--staff", "1001", "--pin", "0000", "staff", "list")

    refused = cli(till, capsys, *MANAGER, "staff", "set-role", "8001", "admin", "--lang", "en")
    unlocked = cli(till, capsys, *MANAGER, "staff", "unlock", "1001")
    listed = cli(till, capsys, *MANAGER, "--json", "staff", "list")

    assert refused == (2, "", "Only an admin may do this: changing a role\n")
    assert unlocked == (0, "已解锁：1001  李收银  收银员\n", "")
    assert [(s["staff_no"], s["role"], s["locked"]) for s in json.loads(listed[1])] == [
        ("1001", "cashier", False),
        ("8001", "manager", False),
        ("9001", "admin", False),
    ]
    assert "scrypt" not in listed[1]


def test_a_manager_cannot_add_staff_but_an_admin_can(till: Till) -> None:
    with pytest.raises(NotPermitted):
        staff_admin.add_staff(
            till.ctx, actor="8001", staff_no="1002", name="赵收银", role="cashier", pin="1002"
        )

    added = staff_admin.add_staff(
        till.ctx, actor="9001", staff_no="1002", name="赵收银", role="cashier", pin="1002"
    )

    assert (added.staff_no, added.role) == ("1002", Role.CASHIER)
    assert staff.login(till.ctx, "1002", "1002").role == "cashier"


def test_re_adding_a_staff_number_is_refused_without_showing_any_hash(till: Till) -> None:
    with pytest.raises(errors.DuplicateStaff) as refused:
        staff_admin.add_staff(
            till.ctx, actor="9001", staff_no="1001", name="李收银", role="cashier", pin="4321"
        )

    assert refused.value.message == "工号 1001 已存在（李收银），不能重复添加"
    assert "scrypt" not in str(refused.value)


def test_a_manager_cannot_raise_their_own_role(till: Till) -> None:
    with pytest.raises(NotPermitted):
        staff_admin.set_role(till.ctx, actor="8001", staff_no="8001", role="admin")
    with pytest.raises(NotPermitted):
        staff_admin.set_role(till.ctx, actor="8001", staff_no="1001", role="manager")

    assert staff_row(till, "8001")[0] == "manager"
    assert staff_row(till, "1001")[0] == "cashier"


def test_an_admin_changes_roles_but_never_their_own_and_keeps_one_admin(till: Till) -> None:
    staff_admin.set_role(till.ctx, actor="9001", staff_no="1001", role="manager")
    with pytest.raises(errors.OwnRoleChange):
        staff_admin.set_role(till.ctx, actor="9001", staff_no="9001", role="manager")

    assert staff_row(till, "1001")[0] == "manager"
    with till.ctx.uow(write=False) as uow:
        assert uow.audit.recent(action="staff_role")[0].detail == {
            "from": "cashier",
            "to": "manager",
        }


@pytest.mark.slow  # a dozen scrypt checks of wrong PINs
def test_a_manager_unlocks_a_locked_cashier(till: Till) -> None:
    for _ in range(PROGRAM.staff_pin_max_tries - 1):
        with pytest.raises(errors.NotAuthenticated):
            staff.login(till.ctx, "1001", "0000")
    with pytest.raises(errors.StaffLocked):
        staff.login(till.ctx, "1001", "0000")
    with pytest.raises(errors.StaffLocked):
        staff.login(till.ctx, "1001", "1001")

    staff_admin.unlock(till.ctx, actor="8001", staff_no="1001")

    assert staff.login(till.ctx, "1001", "1001").staff_no == "1001"
    with till.ctx.uow(write=False) as uow:
        (row,) = uow.audit.recent(action="staff_unlock")
    assert (row.actor, row.subject) == ("8001", "1001")


def test_a_manager_may_not_unlock_or_reset_another_manager(till: Till) -> None:
    staff_admin.add_staff(
        till.ctx, actor="9001", staff_no="8002", name="钱店长", role="manager", pin="8002"
    )

    with pytest.raises(NotPermitted):
        staff_admin.unlock(till.ctx, actor="8001", staff_no="8002")
    with pytest.raises(NotPermitted):
        staff_admin.reset_pin(till.ctx, actor="8001", staff_no="8002", new_pin="2222")
    staff_admin.reset_pin(till.ctx, actor="8001", staff_no="1001", new_pin="2468")

    assert staff.login(till.ctx, "1001", "2468").staff_no == "1001"


@pytest.mark.slow  # a dozen scrypt checks of wrong PINs
def test_a_cashiers_wrong_approval_pins_do_not_lock_the_managers_login(till: Till) -> None:
    rules = PROGRAM.approvals
    for _ in range(rules.max_tries - 1):
        with pytest.raises(errors.NotAuthenticated):
            staff.approve(
                till.ctx,
                ApprovalBinding(ApprovalAction.UNREPORT, "x", 0),
                manager_no="8001",
                pin="0000",
            )
    with pytest.raises(errors.ApprovalsPaused):
        staff.approve(
            till.ctx,
            ApprovalBinding(ApprovalAction.UNREPORT, "x", 0),
            manager_no="8001",
            pin="0000",
        )
    with pytest.raises(errors.ApprovalsPaused):  # paused even for the right PIN, for a while
        till.approve("unreport", "x")

    assert staff.login(till.ctx, "8001", "8001").role == "manager"
    assert staff_row(till, "8001")[1:] == (0, False)
    till.clock.advance(minutes=rules.cooloff_minutes)
    assert till.approve("unreport", "x")


def test_the_same_person_cannot_be_operator_and_approver_of_a_refund(till: Till) -> None:
    receipt_no = cash_sale(till)
    amount = checkout.refund_amount(till.ctx, receipt_no=receipt_no, lines=None)

    with pytest.raises(SameApprover):
        refund(
            till,
            receipt_no,
            operator="8001",
            approval_id=till.approve("refund", receipt_no, amount),
        )
    with pytest.raises(SameApprover):
        staff.approve(
            till.ctx,
            ApprovalBinding(ApprovalAction.REFUND, receipt_no, amount),
            manager_no="8001",
            pin="8001",
            operator="8001",
        )
    refund(
        till, receipt_no, operator="1001", approval_id=till.approve("refund", receipt_no, amount)
    )


def test_a_program_may_let_a_manager_approve_their_own_refund(till: Till) -> None:
    receipt_no = cash_sale(till)
    amount = checkout.refund_amount(till.ctx, receipt_no=receipt_no, lines=None)
    lenient = replace(PROGRAM, approvals=ApprovalRules(distinct_approver=frozenset()))
    till.ctx = TillContext(till.ctx.uow, till.clock, lenient)

    refund(
        till, receipt_no, operator="8001", approval_id=till.approve("refund", receipt_no, amount)
    )


def test_an_approval_older_than_its_lifetime_is_refused(till: Till) -> None:
    receipt_no = cash_sale(till)
    amount = checkout.refund_amount(till.ctx, receipt_no=receipt_no, lines=None)
    approval_id = till.approve("refund", receipt_no, amount)

    till.clock.advance(minutes=PROGRAM.approvals.lifetime_minutes, seconds=1)

    with pytest.raises(errors.ApprovalExpired):
        refund(till, receipt_no, operator="1001", approval_id=approval_id)
    refund(
        till, receipt_no, operator="1001", approval_id=till.approve("refund", receipt_no, amount)
    )


def test_staff_pins_are_peppered_with_a_private_file_beside_the_database(till: Till) -> None:
    pepper = Path(f"{till.path}.pepper")

    with till.engine.connect() as conn:
        hashes = conn.execute(text("SELECT pin_hash FROM staff")).scalars().all()

    assert stat.S_IMODE(os.stat(pepper).st_mode) == 0o600
    assert all(h.startswith("scrypt$n=32768,r=8,p=1,k=") for h in hashes)
    assert pepper.read_text().strip() not in till.path.read_bytes().hex()


def test_a_hash_from_before_the_pepper_still_verifies_and_is_rewritten(till: Till) -> None:
    salt = bytes(range(16))  # an old hash: scrypt at 2^14, no pepper, no parameters written
    digest = hashlib.scrypt(b"1001", salt=salt, n=2**14, r=8, p=1, dklen=32)
    legacy = f"scrypt${salt.hex()}${digest.hex()}"
    with till.engine.begin() as conn:
        conn.execute(text("UPDATE staff SET pin_hash = :h WHERE staff_no = '1001'"), {"h": legacy})

    staff.login(till.ctx, "1001", "1001")

    with till.engine.connect() as conn:
        now = conn.execute(text("SELECT pin_hash FROM staff WHERE staff_no = '1001'")).scalar()
    assert str(now).startswith("scrypt$n=32768,r=8,p=1,k=")
    assert staff.login(till.ctx, "1001", "1001").staff_no == "1001"


def test_a_database_copied_without_its_pepper_refuses_pins_instead_of_calling_them_wrong(
    till: Till, tmp_path: Path
) -> None:
    copy = tmp_path / "copy" / "till.db"
    copy.parent.mkdir()
    till.engine.dispose()
    shutil.copy(till.path, copy)
    engine = open_database(copy)
    ctx = TillContext(SqlUnitOfWorkFactory(engine), till.clock, PROGRAM)

    with pytest.raises(errors.PinSecretMissing):
        staff.login(ctx, "1001", "1001")

    assert not Path(f"{copy}.pepper").exists()
    engine.dispose()


@pytest.mark.slow  # a handful of scrypt checks of wrong PINs
def test_a_manager_whose_login_is_locked_still_approves(till: Till) -> None:
    for _ in range(PROGRAM.staff_pin_max_tries):
        with pytest.raises((errors.NotAuthenticated, errors.StaffLocked)):
            staff.login(till.ctx, "8001", "0000")

    assert till.approve("unreport", "x")
    with pytest.raises(errors.StaffLocked):
        staff.login(till.ctx, "8001", "8001")


def test_the_window_only_operations_need_a_login_in_the_services(till: Till) -> None:
    from frontdesk.services import held_tickets, member_directory, shifts

    staff_admin.set_disabled(till.ctx, actor="9001", staff_no="1001", disabled=True)
    for call in (
        lambda who: shifts.report_so_far(till.ctx, cashier=who),  # Ctrl+B 中途报表
        lambda who: held_tickets.held(till.ctx, actor=who),  # 取单
        lambda who: member_directory.search(till.ctx, actor=who, text="张"),
        lambda who: checkout.quote(till.ctx, card_no=None, items=[SaleItem(RICE)], actor=who),
    ):
        with pytest.raises(errors.NotAuthenticated):
            call("")
        with pytest.raises(errors.StaffDisabled):
            call("1001")
        call("8001")
