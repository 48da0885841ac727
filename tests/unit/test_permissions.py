"""DOMAIN §7's table of who may do what, the rules for managing staff and for approvers."""

from __future__ import annotations

import re

import pytest

from frontdesk.domain import errors
from frontdesk.domain.permissions import (
    OPERATION_NAMES,
    PERMISSIONS,
    ApprovalRules,
    NotPermitted,
    Operation,
    Role,
    SameApprover,
    check_approver,
    check_last_admin,
    check_role_change,
    needs_approval,
    permits,
    require,
    staff_operation,
)

CJK = re.compile(r"[\u3400-\u9fff]")


def test_every_operation_has_exactly_one_rule_and_a_name_in_both_languages() -> None:
    assert set(PERMISSIONS) == set(Operation)
    assert set(OPERATION_NAMES) == set(Operation)
    for zh, en in OPERATION_NAMES.values():
        assert CJK.search(zh)
        assert not CJK.search(en)


@pytest.mark.parametrize(
    ("operation", "least", "approval"),
    [
        (Operation.SALE, Role.CASHIER, False),
        (Operation.REPORT_LOST, Role.CASHIER, False),
        (Operation.REFUND, Role.CASHIER, True),
        (Operation.CARD_RETURN, Role.CASHIER, True),
        (Operation.MEMBER_PIN_RESET, Role.CASHIER, True),
        (Operation.AUDIT_LOG, Role.MANAGER, False),
        (Operation.STAFF_UNLOCK_CASHIER, Role.MANAGER, False),
        (Operation.STAFF_ADD, Role.ADMIN, False),
        (Operation.STAFF_SET_ROLE, Role.ADMIN, False),
        (Operation.STAFF_UNLOCK_MANAGER, Role.ADMIN, False),
    ],
)
def test_the_table_follows_domain_section_7(
    operation: Operation, least: Role, approval: bool
) -> None:
    assert PERMISSIONS[operation].least_role is least
    assert needs_approval(operation) is approval


def test_a_higher_role_may_do_what_a_lower_one_may() -> None:
    for operation, rule in PERMISSIONS.items():
        for role in Role:
            assert permits(role, operation) is role.at_least(rule.least_role)


def test_a_refusal_names_the_role_needed_in_each_language() -> None:
    with pytest.raises(NotPermitted) as refused:
        require(Role.CASHIER, Operation.STAFF_ADD)

    assert refused.value.message == "添加员工须由管理员操作"
    assert refused.value.message_en == "Only an admin may do this: adding staff"
    assert refused.value.role is Role.ADMIN


def test_a_manager_looks_after_cashiers_and_an_admin_after_managers() -> None:
    require(Role.MANAGER, staff_operation("unlock", Role.CASHIER))
    require(Role.MANAGER, staff_operation("reset_pin", Role.CASHIER))

    with pytest.raises(NotPermitted):
        require(Role.MANAGER, staff_operation("unlock", Role.MANAGER))
    with pytest.raises(NotPermitted):
        require(Role.MANAGER, staff_operation("reset_pin", Role.ADMIN))


def test_nobody_changes_their_own_role_and_only_an_admin_changes_any() -> None:
    with pytest.raises(NotPermitted):
        check_role_change(Role.MANAGER, "8001", "8001")
    with pytest.raises(errors.OwnRoleChange):
        check_role_change(Role.ADMIN, "9001", "9001")

    check_role_change(Role.ADMIN, "9001", "8001")


def test_the_last_active_admin_is_never_demoted_or_disabled() -> None:
    with pytest.raises(errors.LastAdmin):
        check_last_admin(Role.ADMIN, Role.MANAGER, active_admins=1)
    with pytest.raises(errors.LastAdmin):
        check_last_admin(Role.ADMIN, None, active_admins=1)

    check_last_admin(Role.ADMIN, Role.MANAGER, active_admins=2)
    check_last_admin(Role.MANAGER, Role.CASHIER, active_admins=1)


def test_the_approver_differs_from_the_operator_where_the_program_says_so() -> None:
    rules = ApprovalRules()

    with pytest.raises(SameApprover) as refused:
        check_approver(Operation.REFUND, "8001", "8001", rules)
    check_approver(Operation.UNREPORT, "8001", "8001", rules)
    check_approver(Operation.REFUND, "8001", "8001", ApprovalRules(distinct_approver=frozenset()))

    assert refused.value.message == "退货须由另一位店长审批，不能自己审批"
    assert not CJK.search(refused.value.message_en)
