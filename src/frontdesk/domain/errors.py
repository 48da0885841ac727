"""The one family of refusals a rule can give, each with a message for the person at the till."""

from __future__ import annotations

from typing import ClassVar


class DomainError(Exception):
    """A business rule refused the operation; nothing was written.

    ``key`` names the situation for translation tables; ``message`` is the Chinese text shown to
    the cashier (the program's first language), already filled with the details.
    """

    key: ClassVar[str] = "refused"
    template: ClassVar[str] = "操作被拒绝"
    english: ClassVar[str] = "Refused"
    # The command's exit status: 2 is "refused" (a rule or the input); StoreProblem says 1.
    exit_code: ClassVar[int] = 2

    def __init__(self, **details: object) -> None:
        self.details = details
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(**self.details)

    @property
    def message_en(self) -> str:
        return self.english.format(**self.details)


class StoreProblem(DomainError):
    """The till's environment failed, not the person's input: its database file, disk or lock.

    Shown like a refusal (one sentence, no traceback) but it is exit status 1: retrying the same
    input will not help until someone fixes the machine. The cases are in persistence.
    """

    key: ClassVar[str] = "store_problem"
    template: ClassVar[str] = "数据库无法使用"
    english: ClassVar[str] = "The database cannot be used"
    exit_code: ClassVar[int] = 1


def _refusal(name: str, key: str, zh: str, en: str) -> type[DomainError]:
    return type(name, (DomainError,), {"key": key, "template": zh, "english": en})


# Each refusal is a class so callers can catch the situation they handle and tests can name it.
InvalidPhone = _refusal(
    "InvalidPhone", "invalid_phone", "手机号格式不正确：{phone}", "Invalid mobile number: {phone}"
)
DuplicatePhone = _refusal(
    "DuplicatePhone",
    "duplicate_phone",
    "该手机号已注册会员：{phone}（{name}）",
    "This phone is already registered: {phone} ({name})",
)
ConsentRequired = _refusal(
    "ConsentRequired",
    "consent_required",
    "须取得会员对服务条款及个人信息处理的同意",
    "The member must accept the terms and data processing",
)
InvalidName = _refusal("InvalidName", "invalid_name", "请填写会员姓名", "A member name is required")
InvalidCardNumber = _refusal(
    "InvalidCardNumber",
    "invalid_card_number",
    "卡号无效（校验位错误）：{card_no}",
    "Invalid card number (check digit): {card_no}",
)
UnknownCard = _refusal(
    "UnknownCard", "unknown_card", "未找到此卡：{card_no}", "Unknown card: {card_no}"
)
CardReportedLost = _refusal(
    "CardReportedLost", "card_lost", "此卡已挂失", "This card has been reported lost"
)
CardReplaced = _refusal(
    "CardReplaced",
    "card_replaced",
    "此卡已补卡作废，请使用新卡",
    "This card was replaced; use the new card",
)
CardFrozen = _refusal("CardFrozen", "card_frozen", "此卡已冻结", "This card is frozen")
CardReturned = _refusal(
    "CardReturned", "card_returned", "此卡已退卡", "This card has been returned"
)
CardStateChangeRefused = _refusal(
    "CardStateChangeRefused",
    "card_state_change",
    "卡状态为「{state}」，不能{action}",
    "The card is {state}; cannot {action}",
)
UnknownMember = _refusal(
    "UnknownMember", "unknown_member", "未找到会员：{ref}", "Member not found: {ref}"
)
IdentityMismatch = _refusal(
    "IdentityMismatch",
    "identity_mismatch",
    "身份核验失败：手机号或姓名不符",
    "Identity check failed: phone or name does not match",
)
InsufficientBalance = _refusal(
    "InsufficientBalance",
    "insufficient_balance",
    "储值余额不足：余额 {balance}，需付 {amount}",
    "Insufficient balance: {balance} available, {amount} due",
)
InsufficientPoints = _refusal(
    "InsufficientPoints",
    "insufficient_points",
    "积分不足：可用 {points}，需要 {needed}",
    "Not enough points: {points} available, {needed} needed",
)
PointsRedemptionBlocked = _refusal(
    "PointsRedemptionBlocked",
    "points_blocked",
    "积分为负，暂停积分抵现",
    "Points balance is negative: redemption is blocked",
)
RedemptionTooLarge = _refusal(
    "RedemptionTooLarge",
    "redemption_too_large",
    "积分抵现不能超过应付金额",
    "Points redemption cannot exceed the amount due",
)
PinRequired = _refusal(
    "PinRequired",
    "pin_required",
    "储值消费需输入会员密码",
    "The member PIN is required for stored-value spending",
)
WrongPin = _refusal(
    "WrongPin", "wrong_pin", "密码错误，还可尝试 {left} 次", "Wrong PIN, {left} tries left"
)
PinLocked = _refusal(
    "PinLocked",
    "pin_locked",
    "密码错误次数过多，储值消费已锁定，请店长重置密码",
    "Too many wrong PINs: stored-value spending is locked until a manager resets the PIN",
)
WeakPin = _refusal(
    "WeakPin",
    "weak_pin",
    "密码须为 {length} 位数字，且不能过于简单",
    "The PIN must be {length} digits and not trivial",
)
NoPinSet = _refusal("NoPinSet", "no_pin", "会员尚未设置储值密码", "The member has no PIN yet")
InvalidAmount = _refusal(
    "InvalidAmount", "invalid_amount", "金额无效：{amount}", "Invalid amount: {amount}"
)
UnknownProduct = _refusal(
    "UnknownProduct", "unknown_product", "未找到商品：{barcode}", "Unknown product: {barcode}"
)
EmptyTicket = _refusal("EmptyTicket", "empty_ticket", "小票没有商品", "The ticket has no items")
TenderMismatch = _refusal(
    "TenderMismatch",
    "tender_mismatch",
    "付款合计 {paid} 与应付 {due} 不符",
    "Tenders {paid} do not match the amount due {due}",
)
ChangeOnlyFromCash = _refusal(
    "ChangeOnlyFromCash", "change_only_cash", "只有现金可以找零", "Only cash can give change"
)
ReferenceRequired = _refusal(
    "ReferenceRequired",
    "reference_required",
    "{tender}付款须填写交易参考号",
    "A {tender} payment needs a reference",
)
MemberRequired = _refusal(
    "MemberRequired",
    "member_required",
    "储值或积分支付须先刷会员卡",
    "Scan a member card to pay with stored value or points",
)
UnknownTicket = _refusal(
    "UnknownTicket", "unknown_ticket", "未找到小票：{receipt_no}", "Receipt not found: {receipt_no}"
)
NothingToRefund = _refusal(
    "NothingToRefund",
    "nothing_to_refund",
    "该小票没有可退的商品",
    "Nothing left to refund on this receipt",
)
RefundTooLarge = _refusal(
    "RefundTooLarge",
    "refund_too_large",
    "退货数量超过可退数量（第 {line} 行，可退 {left}）",
    "Refund quantity exceeds what is left (line {line}, {left} left)",
)
NotAuthenticated = _refusal(
    "NotAuthenticated", "not_authenticated", "工号或密码错误", "Wrong staff number or PIN"
)
StaffLocked = _refusal(
    "StaffLocked",
    "staff_locked",
    "该工号密码错误次数过多，已锁定",
    "This staff account is locked after too many wrong PINs",
)
NotAManager = _refusal(
    "NotAManager",
    "not_manager",
    "须由店长（本人工号和密码）审批",
    "A manager's own approval is required",
)
ApprovalRequired = _refusal(
    "ApprovalRequired",
    "approval_required",
    "此操作需店长审批：{action}",
    "This action needs a manager approval: {action}",
)
ApprovalMismatch = _refusal(
    "ApprovalMismatch",
    "approval_mismatch",
    "审批与操作不符（操作、对象或金额不同）",
    "The approval does not match this action, subject or amount",
)
ApprovalUsed = _refusal(
    "ApprovalUsed", "approval_used", "此审批已使用过", "This approval has already been used"
)
ReasonRequired = _refusal("ReasonRequired", "reason_required", "请填写原因", "A reason is required")
ShiftNotOpen = _refusal("ShiftNotOpen", "shift_not_open", "请先开班", "Open a shift first")
ShiftAlreadyOpen = _refusal(
    "ShiftAlreadyOpen", "shift_open", "已有未交班的班次", "A shift is already open"
)
OfflineCapExceeded = _refusal(
    "OfflineCapExceeded",
    "offline_cap",
    "离线状态下每卡每日储值消费上限 {cap}，今日已用 {used}",
    "Offline: stored-value spending is capped at {cap} per card per day ({used} used today)",
)
TierLockInvalid = _refusal(
    "TierLockInvalid", "tier_lock_invalid", "未知等级：{tier}", "Unknown tier: {tier}"
)
NotInitialised = _refusal(
    "NotInitialised",
    "not_initialised",
    "收银台尚未初始化，请先运行 frontdesk init",
    "The till is not set up yet: run frontdesk init",
)
BirthdayInvalid = _refusal(
    "BirthdayInvalid", "birthday_invalid", "生日无效：{birthday}", "Invalid birthday: {birthday}"
)
AlreadyInitialised = _refusal(
    "AlreadyInitialised", "already_initialised", "收银台已初始化", "The till is already set up"
)
FeeNotPaid = _refusal(
    "FeeNotPaid",
    "fee_not_paid",
    "补卡工本费 {fee} 未付，或由店长审批免收",
    "The reissue fee {fee} is unpaid; pay it or have a manager waive it",
)
NoActiveCard = _refusal(  # found by phone, but none of the member's cards can be used
    "NoActiveCard",
    "no_active_card",
    "会员{name}（{phone}）没有可用的会员卡：卡{card_no}{state}，请先补卡",
    "Member {name} ({phone}) has no usable card: card {card_no} is {state_en};"
    " reissue a card first",
)

BalanceCapExceeded = _refusal(
    "BalanceCapExceeded",
    "balance_cap_exceeded",
    "充值后卡内余额将超过单卡限额 {cap}（含赠金），本次最多可充值 {allowed}",
    "The card would hold more than its cap of {cap} (bonus included); at most {allowed} may be "
    "topped up now",
)
UnknownStaff = _refusal(
    "UnknownStaff", "unknown_staff", "未找到员工：{staff_no}", "No such staff member: {staff_no}"
)
DuplicateStaff = _refusal(
    "DuplicateStaff",
    "duplicate_staff",
    "工号 {staff_no} 已存在（{name}），不能重复添加",
    "Staff number {staff_no} already exists ({name})",
)
StaffDisabled = _refusal(
    "StaffDisabled", "staff_disabled", "该工号已停用", "This staff account is disabled"
)
OwnRoleChange = _refusal(
    "OwnRoleChange", "own_role_change", "不能修改自己的角色", "Nobody may change their own role"
)
OwnAccountDisable = _refusal(
    "OwnAccountDisable",
    "own_account_disable",
    "不能停用自己的工号",
    "Nobody may disable their own staff account",
)
LastAdmin = _refusal(
    "LastAdmin",
    "last_admin",
    "这是唯一可用的管理员，不能停用或降级",
    "This is the only active administrator: it cannot be disabled or demoted",
)
ApprovalExpired = _refusal(
    "ApprovalExpired",
    "approval_expired",
    "审批已过期（有效期 {minutes} 分钟），请重新审批",
    "The approval has expired (valid for {minutes} minutes); approve again",
)
ApprovalsPaused = _refusal(
    "ApprovalsPaused",
    "approvals_paused",
    "审批密码错误次数过多，该店长的审批暂停至 {until}（登录不受影响）",
    "Too many wrong approval PINs: this manager's approvals are paused until {until}"
    " (their login is not affected)",
)
PinSecretMissing = _refusal(
    "PinSecretMissing",
    "pin_secret_missing",
    "密码密钥（数据库旁的 .pepper 文件）缺失或不符，请从备份恢复",
    "The PIN secret (the .pepper file beside the database) is missing or wrong;"
    " restore it from the backup",
)
UnknownRole = _refusal(
    "UnknownRole",
    "unknown_role",
    "未知角色：{role}（可选 cashier 收银员、manager 店长、admin 管理员）",
    "Unknown role: {role} (cashier, manager or admin)",
)
InvalidStaffNumber = _refusal(
    "InvalidStaffNumber",
    "invalid_staff_number",
    "工号须为数字：{staff_no}",
    "A staff number is digits: {staff_no}",
)
