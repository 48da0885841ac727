"""Who may do what at the till: each operation's least role and whether it needs an approval.

DOMAIN §7's table, plus the rules for managing staff and for who may approve what.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from frontdesk.domain import errors
from frontdesk.domain.errors import DomainError


class Role(Enum):
    CASHIER = "cashier"
    MANAGER = "manager"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    def at_least(self, other: Role) -> bool:
        return self.rank >= other.rank


class Operation(Enum):
    # cashier, no approval
    SALE = "sale"
    QUOTE = "quote"
    TOPUP = "topup"
    REGISTER_MEMBER = "register_member"
    ISSUE_CARD = "issue_card"
    REPORT_LOST = "report_lost"
    REISSUE_CARD = "reissue_card"
    MEMBER_PIN_SET = "member_pin_set"  # the member's first PIN, typed by the member
    REPRINT = "reprint"
    SHIFT_OPEN = "shift_open"
    SHIFT_CLOSE = "shift_close"
    X_REPORT = "x_report"
    MANUAL_PRICE = "manual_price"  # 改价 or a discount by hand, up to the program's limit
    MEMBER_LOOKUP = "member_lookup"  # a member by card, phone or name, phones masked
    HOLD_TICKET = "hold_ticket"  # 挂单 and 取单, and the ticket kept on screen across a restart
    # cashier, with a manager's approval
    REFUND = "refund"
    CARD_RETURN = "card_return"
    UNREPORT = "unreport"
    FREEZE = "freeze"
    UNFREEZE = "unfreeze"
    REISSUE_FEE_WAIVER = "reissue_fee_waiver"
    POINTS_ADJUST = "points_adjust"
    MEMBER_PIN_RESET = "pin_reset"
    TIER_LOCK = "tier_lock"
    PRICE_OVERRIDE = "price_override"
    SHIFT_CLOSE_OVER_LIMIT = "shift_close_over_limit"
    MANAGER_SCREENS = "manager_screens"  # the window's manager pages, opened with an approval
    SYNC_RECOVER = "sync_recover"  # this till's books taken back from head office
    MEMBER_ERASE = "member_erase"  # 个人信息保护法 第四十七条: erasure, a manager approves it
    # manager
    MEMBER_FULL_DETAILS = "member_full_details"
    AUDIT_LOG = "audit_log"
    EXPORT = "export"
    PRODUCT_IMPORT = "product_import"
    BACKUP = "backup"
    STAFF_LIST = "staff_list"
    STAFF_UNLOCK_CASHIER = "staff_unlock_cashier"
    STAFF_RESET_PIN_CASHIER = "staff_reset_pin_cashier"
    STAFF_DISABLE_CASHIER = "staff_disable_cashier"
    # admin
    STAFF_ADD = "staff_add"
    STAFF_SET_ROLE = "staff_set_role"
    STAFF_UNLOCK_MANAGER = "staff_unlock_manager"
    STAFF_RESET_PIN_MANAGER = "staff_reset_pin_manager"
    STAFF_DISABLE_MANAGER = "staff_disable_manager"
    MEMBER_IMPORT = "member_import"
    RESTORE = "restore"
    PROGRAM_SETTINGS = "program_settings"


@dataclass(frozen=True)
class Permission:
    least_role: Role
    approval: bool = False


# DOMAIN §7's table, row by row; a test keeps every Operation in exactly one row.
_ROWS: tuple[tuple[Permission, tuple[Operation, ...]], ...] = (
    (
        Permission(Role.CASHIER),
        (
            Operation.SALE,
            Operation.QUOTE,
            Operation.TOPUP,
            Operation.REGISTER_MEMBER,
            Operation.ISSUE_CARD,
            Operation.REPORT_LOST,
            Operation.REISSUE_CARD,
            Operation.MEMBER_PIN_SET,
            Operation.REPRINT,
            Operation.SHIFT_OPEN,
            Operation.SHIFT_CLOSE,
            Operation.X_REPORT,
            Operation.MANUAL_PRICE,
            Operation.MEMBER_LOOKUP,
            Operation.HOLD_TICKET,
        ),
    ),
    (
        Permission(Role.CASHIER, approval=True),
        (
            Operation.REFUND,
            Operation.CARD_RETURN,
            Operation.UNREPORT,
            Operation.FREEZE,
            Operation.UNFREEZE,
            Operation.REISSUE_FEE_WAIVER,
            Operation.POINTS_ADJUST,
            Operation.MEMBER_PIN_RESET,
            Operation.TIER_LOCK,
            Operation.PRICE_OVERRIDE,
            Operation.SHIFT_CLOSE_OVER_LIMIT,
            Operation.MANAGER_SCREENS,
            Operation.SYNC_RECOVER,
            Operation.MEMBER_ERASE,
        ),
    ),
    (
        Permission(Role.MANAGER),
        (
            Operation.MEMBER_FULL_DETAILS,
            Operation.AUDIT_LOG,
            Operation.EXPORT,
            Operation.PRODUCT_IMPORT,
            Operation.BACKUP,
            Operation.STAFF_LIST,
            Operation.STAFF_UNLOCK_CASHIER,
            Operation.STAFF_RESET_PIN_CASHIER,
            Operation.STAFF_DISABLE_CASHIER,
        ),
    ),
    (
        Permission(Role.ADMIN),
        (
            Operation.STAFF_ADD,
            Operation.STAFF_SET_ROLE,
            Operation.STAFF_UNLOCK_MANAGER,
            Operation.STAFF_RESET_PIN_MANAGER,
            Operation.STAFF_DISABLE_MANAGER,
            Operation.RESTORE,
            Operation.PROGRAM_SETTINGS,
        ),
    ),
    # Opening balances from an old system: an admin imports, a manager approves the totals.
    (Permission(Role.ADMIN, approval=True), (Operation.MEMBER_IMPORT,)),
)
PERMISSIONS: Mapping[Operation, Permission] = {op: rule for rule, ops in _ROWS for op in ops}

ROLE_NAMES = {
    Role.CASHIER: ("收银员", "a cashier"),
    Role.MANAGER: ("店长", "a manager"),
    Role.ADMIN: ("管理员", "an administrator"),
}

# A role "or above", as a refusal names who may do it.
_AT_LEAST = {
    Role.CASHIER: ("收银员", "logged-in staff"),
    Role.MANAGER: ("店长或管理员", "a manager or an admin"),
    Role.ADMIN: ("管理员", "an admin"),
}

OPERATION_NAMES: Mapping[Operation, tuple[str, str]] = {
    Operation.SALE: ("收银", "a sale"),
    Operation.QUOTE: ("试算", "a quote"),
    Operation.TOPUP: ("充值", "a top-up"),
    Operation.REGISTER_MEMBER: ("注册会员", "registering a member"),
    Operation.ISSUE_CARD: ("发卡", "issuing a card"),
    Operation.REPORT_LOST: ("挂失", "reporting a card lost"),
    Operation.REISSUE_CARD: ("补卡", "reissuing a card"),
    Operation.MEMBER_PIN_SET: ("设置会员密码", "setting a member PIN"),
    Operation.REPRINT: ("重打小票", "reprinting a receipt"),
    Operation.SHIFT_OPEN: ("开班", "opening a shift"),
    Operation.SHIFT_CLOSE: ("交班", "closing a shift"),
    Operation.X_REPORT: ("中途报表", "the X report"),
    Operation.MEMBER_LOOKUP: ("查询会员", "looking up a member"),
    Operation.HOLD_TICKET: ("挂单与取单", "holding and recalling tickets"),
    Operation.MANUAL_PRICE: ("改价或折扣", "a price or discount by hand"),
    Operation.REFUND: ("退货", "a refund"),
    Operation.CARD_RETURN: ("退卡", "returning a card"),
    Operation.UNREPORT: ("解挂", "cancelling a loss report"),
    Operation.FREEZE: ("冻结", "freezing a card"),
    Operation.UNFREEZE: ("解冻", "unfreezing a card"),
    Operation.REISSUE_FEE_WAIVER: ("免收补卡工本费", "waiving the reissue fee"),
    Operation.POINTS_ADJUST: ("积分调整", "adjusting points"),
    Operation.MEMBER_PIN_RESET: ("重置会员密码", "resetting a member PIN"),
    Operation.TIER_LOCK: ("锁定等级", "locking a tier"),
    Operation.PRICE_OVERRIDE: ("超限改价或折扣", "a price or discount above the limit"),
    Operation.SHIFT_CLOSE_OVER_LIMIT: ("长短款超限交班", "closing a shift over the limit"),
    Operation.MANAGER_SCREENS: ("店长功能", "the manager screens"),
    Operation.SYNC_RECOVER: ("从总部恢复本机账本", "restoring the books from head office"),
    Operation.MEMBER_ERASE: ("删除会员个人信息", "erasing a member's personal data"),
    Operation.MEMBER_FULL_DETAILS: ("查看会员完整信息", "full member details"),
    Operation.AUDIT_LOG: ("查看审计日志", "the audit log"),
    Operation.EXPORT: ("导出数据", "exports"),
    Operation.PRODUCT_IMPORT: ("导入商品", "importing products"),
    Operation.BACKUP: ("备份", "a backup"),
    Operation.STAFF_LIST: ("查看员工", "the staff list"),
    Operation.STAFF_UNLOCK_CASHIER: ("解锁收银员", "unlocking a cashier"),
    Operation.STAFF_RESET_PIN_CASHIER: ("重置收银员密码", "resetting a cashier's PIN"),
    Operation.STAFF_DISABLE_CASHIER: ("停用或启用收银员", "disabling or enabling a cashier"),
    Operation.STAFF_ADD: ("添加员工", "adding staff"),
    Operation.STAFF_SET_ROLE: ("修改员工角色", "changing a role"),
    Operation.STAFF_UNLOCK_MANAGER: ("解锁店长或管理员", "unlocking a manager"),
    Operation.STAFF_RESET_PIN_MANAGER: ("重置店长或管理员密码", "resetting a manager's PIN"),
    Operation.STAFF_DISABLE_MANAGER: ("停用或启用店长或管理员", "disabling or enabling a manager"),
    Operation.MEMBER_IMPORT: ("导入会员", "importing members"),
    Operation.RESTORE: ("恢复数据库", "restoring the database"),
    Operation.PROGRAM_SETTINGS: ("修改方案和设置", "the program and settings"),
}


class _OperationRefusal(DomainError):
    """A refusal that names an operation (and a role), each said in the reader's language."""

    def __init__(self, operation: Operation, role: Role = Role.MANAGER) -> None:
        self.operation, self.role = operation, role
        super().__init__(operation=operation.value, role=role.value)

    @property
    def message(self) -> str:
        return self.template.format(
            operation=OPERATION_NAMES[self.operation][0], role=ROLE_NAMES[self.role][0]
        )

    @property
    def message_en(self) -> str:
        text = self.english.format(
            operation=OPERATION_NAMES[self.operation][1], role=ROLE_NAMES[self.role][1]
        )
        return text[0].upper() + text[1:]


class NotPermitted(_OperationRefusal):
    """The logged-in person's role is below what the operation needs; names the role needed."""

    key = "not_permitted"
    template = "{operation}须由{role}操作"
    english = "Only {role} may do this: {operation}"

    @property
    def message(self) -> str:
        return self.template.format(
            operation=OPERATION_NAMES[self.operation][0], role=_AT_LEAST[self.role][0]
        )

    @property
    def message_en(self) -> str:
        text = self.english.format(
            operation=OPERATION_NAMES[self.operation][1], role=_AT_LEAST[self.role][1]
        )
        return text[0].upper() + text[1:]


class SameApprover(_OperationRefusal):
    """The operator tried to approve their own operation where the program forbids it."""

    key = "same_approver"
    template = "{operation}须由另一位{role}审批，不能自己审批"
    english = "{operation}: the approver must be someone other than the operator"


def permits(role: Role, operation: Operation) -> bool:
    return role.at_least(PERMISSIONS[operation].least_role)


def require(role: Role, operation: Operation) -> None:
    """Refuse, naming the role needed, when ``role`` is below the operation's least role."""
    needed = PERMISSIONS[operation].least_role
    if not role.at_least(needed):
        raise NotPermitted(operation, needed)


def needs_approval(operation: Operation) -> bool:
    return PERMISSIONS[operation].approval


# Managing one staff member: a manager looks after cashiers, an admin after everyone.
_OVER_STAFF = {
    "unlock": (Operation.STAFF_UNLOCK_CASHIER, Operation.STAFF_UNLOCK_MANAGER),
    "reset_pin": (Operation.STAFF_RESET_PIN_CASHIER, Operation.STAFF_RESET_PIN_MANAGER),
    "disable": (Operation.STAFF_DISABLE_CASHIER, Operation.STAFF_DISABLE_MANAGER),
}


def staff_operation(action: str, target: Role) -> Operation:
    """The operation of unlocking, resetting the PIN of, or disabling someone of ``target`` role."""
    for_cashier, for_others = _OVER_STAFF[action]
    return for_cashier if target is Role.CASHIER else for_others


def check_role_change(actor_role: Role, actor_no: str, target_no: str) -> None:
    """Only an admin changes roles, and never their own (so nobody raises themselves)."""
    require(actor_role, Operation.STAFF_SET_ROLE)
    if actor_no == target_no:
        raise errors.OwnRoleChange()


def check_last_admin(target_role: Role, new_role: Role | None, active_admins: int) -> None:
    """Demoting (to ``new_role``) or disabling (None) an admin must leave another active admin."""
    if target_role is Role.ADMIN and new_role is not Role.ADMIN and active_admins <= 1:
        raise errors.LastAdmin()


@dataclass(frozen=True)
class ApprovalRules:
    """The program's `[approvals]` section (DOMAIN §7 gives the defaults)."""

    lifetime_minutes: int = 5
    # operations whose approver must be a different person from the operator
    distinct_approver: frozenset[Operation] = field(
        default_factory=lambda: frozenset(
            {
                Operation.REFUND,
                Operation.CARD_RETURN,
                Operation.POINTS_ADJUST,
                Operation.REISSUE_FEE_WAIVER,
            }
        )
    )
    max_tries: int = 5  # wrong approval PINs in a row before approvals pause
    cooloff_minutes: int = 15
    # operation → the largest amount (fen) it may move without an approval; none by default
    free_up_to: Mapping[Operation, int] = field(default_factory=dict)


def check_approver(
    operation: Operation, operator: str, approver: str, rules: ApprovalRules
) -> None:
    if operator == approver and operation in rules.distinct_approver:
        raise SameApprover(operation)


def may_approve(role: Role) -> bool:
    """Approvals are given by a manager (or an admin), with their own staff number and PIN."""
    return role.at_least(Role.MANAGER)
