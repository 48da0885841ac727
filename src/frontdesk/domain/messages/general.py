"""The refusals and notices of the till's first shape (sale, cards, members, data files)."""

from __future__ import annotations

from frontdesk.domain.messages.sentence import Sentence

SENTENCES: dict[str, Sentence] = {
    "refused": Sentence("操作被拒绝", "Refused"),
    "store_problem": Sentence("数据库无法使用", "The database cannot be used"),
    "invalid_phone": Sentence("手机号格式不正确：{phone}", "Invalid mobile number: {phone}"),
    "duplicate_phone": Sentence(
        "该手机号已注册会员：{phone}（{name}）",
        "This phone is already registered: {phone} ({name})",
    ),
    "consent_required": Sentence(
        "须取得会员对服务条款及个人信息处理的同意",
        "The member must accept the terms and data processing",
    ),
    "invalid_name": Sentence("请填写会员姓名", "A member name is required"),
    "name_too_long": Sentence(
        "姓名最多 {limit} 个字符（现为 {length} 个）",
        "A name has at most {limit} characters (this one has {length})",
    ),
    "invalid_card_number": Sentence(
        "卡号无效（校验位错误）：{card_no}", "Invalid card number (check digit): {card_no}"
    ),
    "unknown_card": Sentence("未找到此卡：{card_no}", "Unknown card: {card_no}"),
    "card_lost": Sentence("此卡已挂失", "This card has been reported lost"),
    "card_replaced": Sentence(
        "此卡已补卡作废，请使用新卡", "This card was replaced; use the new card"
    ),
    "card_frozen": Sentence("此卡已冻结", "This card is frozen"),
    "card_returned": Sentence("此卡已退卡", "This card has been returned"),
    "card_state_change": Sentence(
        "卡状态为「{state}」，不能{action}",
        "The card is {state}: {action} is not possible",
        {"state": "CardState", "action": "CardAction"},
    ),
    "live_card_exists": Sentence(
        "会员已有未退的会员卡（{card_no}，{state}），不能再发新卡",
        "The member still holds card {card_no} ({state}); no second card is issued",
        {"state": "CardState"},
    ),
    "unknown_member": Sentence("未找到会员：{ref}", "Member not found: {ref}"),
    "identity_mismatch": Sentence(
        "身份核验失败：手机号或姓名不符", "Identity check failed: phone or name does not match"
    ),
    "insufficient_balance": Sentence(
        "储值余额不足：余额 {balance}，需付 {amount}",
        "Insufficient balance: {balance} available, {amount} due",
    ),
    "insufficient_points": Sentence(
        "积分不足：可用 {points}，需要 {needed}",
        "Not enough points: {points} available, {needed} needed",
    ),
    "points_blocked": Sentence(
        "积分为负，暂停积分抵现", "Points balance is negative: redemption is blocked"
    ),
    "redemption_too_large": Sentence(
        "积分抵现不能超过应付金额", "Points redemption cannot exceed the amount due"
    ),
    "pin_required": Sentence(
        "储值消费需输入会员密码", "The member PIN is required for stored-value spending"
    ),
    "wrong_pin": Sentence("密码错误，还可尝试 {left} 次", "Wrong PIN, {left} tries left"),
    "pin_locked": Sentence(
        "密码错误次数过多，储值消费已锁定，请店长重置密码",
        "Too many wrong PINs: stored-value spending is locked until a manager resets the PIN",
    ),
    "weak_pin": Sentence(
        "密码须为 {length} 位数字（0–9），且不能过于简单",
        "The PIN must be {length} digits (0–9) and not trivial",
    ),
    "no_pin": Sentence("会员尚未设置储值密码", "The member has no PIN yet"),
    "invalid_amount": Sentence("金额无效：{amount}", "Invalid amount: {amount}"),
    "unknown_product": Sentence("未找到商品：{barcode}", "Unknown product: {barcode}"),
    "empty_ticket": Sentence("小票没有商品", "The ticket has no items"),
    "tender_mismatch": Sentence(
        "付款合计 {paid} 与应付 {due} 不符", "Tenders {paid} do not match the amount due {due}"
    ),
    "change_only_cash": Sentence("只有现金可以找零", "Only cash can give change"),
    "topup_tender": Sentence(
        "充值须以现金、银行卡、微信或支付宝支付，不能用{tender}",
        "A top-up is paid in cash, by bank card, WeChat Pay or Alipay, not by {tender}",
        {"tender": "TenderKind"},
    ),
    "reference_required": Sentence(
        "{tender}付款须填写交易参考号",
        "A {tender} payment needs a reference",
        {"tender": "TenderKind"},
    ),
    "member_required": Sentence(
        "储值或积分支付须先刷会员卡", "Scan a member card to pay with stored value or points"
    ),
    "unknown_ticket": Sentence("未找到小票：{receipt_no}", "Receipt not found: {receipt_no}"),
    "nothing_to_refund": Sentence("该小票没有可退的商品", "Nothing left to refund on this receipt"),
    "refund_too_large": Sentence(
        "退货数量超过可退数量（第 {line} 行，可退 {left}）",
        "Refund quantity exceeds what is left (line {line}, {left} left)",
    ),
    "not_authenticated": Sentence("工号或密码错误", "Wrong staff number or PIN"),
    "staff_locked": Sentence(
        "该工号密码错误次数过多，已锁定", "This staff account is locked after too many wrong PINs"
    ),
    "not_manager": Sentence(
        "须由店长（本人工号和密码）审批", "A manager's own approval is required"
    ),
    "approval_required": Sentence(
        "此操作需店长审批：{action}",
        "This action needs a manager approval: {action}",
        {"action": "ApprovalAction"},
    ),
    "approval_mismatch": Sentence(
        "审批与操作不符（操作、对象或金额不同）",
        "The approval does not match this action, subject or amount",
    ),
    "approval_used": Sentence("此审批已使用过", "This approval has already been used"),
    "unknown_staff": Sentence("未找到员工：{staff_no}", "No such staff member: {staff_no}"),
    "duplicate_staff": Sentence(
        "工号 {staff_no} 已存在（{name}），不能重复添加",
        "Staff number {staff_no} already exists ({name})",
    ),
    "staff_disabled": Sentence("该工号已停用", "This staff account is disabled"),
    "own_role_change": Sentence("不能修改自己的角色", "Nobody may change their own role"),
    "own_account_disable": Sentence(
        "不能停用自己的工号", "Nobody may disable their own staff account"
    ),
    "last_admin": Sentence(
        "这是唯一可用的管理员，不能停用或降级",
        "This is the only active administrator: it cannot be disabled or demoted",
    ),
    "approval_expired": Sentence(
        "审批已过期（有效期 {minutes} 分钟），请重新审批",
        "The approval has expired (valid for {minutes} minutes); approve again",
    ),
    "approvals_paused": Sentence(
        "审批密码错误次数过多，该店长的审批暂停至 {until}（登录不受影响）",
        "Too many wrong approval PINs: this manager's approvals are paused until {until}"
        " (their login is not affected)",
    ),
    "pin_secret_missing": Sentence(
        "密码密钥缺失或不符（数据库旁的 .pepper 文件，或它指向的系统钥匙串条目）：单店请从备份"
        "恢复该文件；连锁门店的收银台请重新执行 frontdesk hq init 从总部取回",
        "The PIN secret is missing or wrong (the .pepper file beside the database, or the system"
        " keyring entry it names): a single store restores that file from its backup; a chain's"
        " till runs frontdesk hq init again to fetch it from head office",
    ),
    # What a backup says of the PIN secret, which no copy of the database holds.
    "backup_pin_secret_file": Sentence(
        "密码密钥在 {path}，已随备份复制；恢复时务必与备份放在一起，缺少它任何密码都无法验证",
        "The PIN secret is in {path}, copied with the backup; keep it with the backup: without"
        " it no PIN can be checked",
    ),
    "backup_pin_secret_keyring": Sentence(
        "密码密钥保存在本机系统钥匙串中，不在备份里：请另行保管；恢复到其他电脑时，连锁门店执行"
        " frontdesk hq init 从总部取回",
        "The PIN secret is in this computer's system keyring, not in the backup: keep it"
        " separately; restored on another computer, a chain's till fetches it again with"
        " frontdesk hq init",
    ),
    # The role codes are what the command line takes, so they are named as typed.
    "unknown_role": Sentence(
        "未知角色：{role}（可选 cashier 收银员、manager 店长、admin 管理员）",
        "Unknown role: {role} (cashier, manager or admin)",
    ),
    "invalid_staff_number": Sentence(
        "工号须为数字：{staff_no}", "A staff number is digits: {staff_no}"
    ),
    "reason_required": Sentence("请填写原因", "A reason is required"),
    "shift_not_open": Sentence("请先开班", "Open a shift first"),
    "tickets_held": Sentence(
        "还有 {count} 张挂单未取回：请先取单（Ctrl+Q）结账或作废，再交班",
        "{count} held ticket(s) not recalled: recall them (Ctrl+Q), finish or cancel, then close",
    ),
    "held_ticket_unknown": Sentence("没有这张挂单：{held_no}", "No such held ticket: {held_no}"),
    "shift_open": Sentence("已有未交班的班次", "A shift is already open"),
    "offline_cap": Sentence(
        "离线状态下每卡每日储值消费上限 {cap}，今日已用 {used}",
        "Offline: stored-value spending is capped at {cap} per card per day ({used} used today)",
    ),
    "tier_lock_invalid": Sentence("未知等级：{tier}", "Unknown tier: {tier}"),
    "not_initialised": Sentence(
        "收银台尚未初始化，请先运行 frontdesk init",
        "The till is not set up yet: run frontdesk init",
    ),
    "birthday_invalid": Sentence("生日无效：{birthday}", "Invalid birthday: {birthday}"),
    "already_initialised": Sentence("收银台已初始化", "The till is already set up"),
    "fee_not_paid": Sentence(
        "补卡工本费 {fee} 未付，或由店长审批免收",
        "The reissue fee {fee} is unpaid; pay it or have a manager waive it",
    ),
    "scan_refused": Sentence(
        "无法识别的条码：{shown}（{reason}）",
        "Unrecognised code: {shown} ({reason})",
        {"reason": "ScanProblem"},
    ),
    # Files, exports and backups. A parameter written per language (reason/reason_en) is free
    # text the caller has in both; each sentence takes its own.
    # `source` is the file's path, or a ProgramSource code when it came from no file.
    "program_invalid": Sentence(
        "方案文件有误：{source}，{field}：{reason_zh}",
        "The program file is invalid: {source}, {field}: {reason}",
        {"source": "ProgramSource"},
    ),
    "unknown_export": Sentence(
        "未知的导出类型：{kind}（可选：members、tickets、shifts、liability）",
        "Unknown export: {kind} (choose members, tickets, shifts or liability)",
    ),
    "backup_behind_head_office": Sentence(
        "此备份早于总部已收到的数据（{stream}：备份到第 {backup_seq} 条，总部已有本收银台第 "
        "{hq_seq} 条），恢复后会重复使用已上传的编号。"
        "请改用最新的备份，或在总部授权后运行 frontdesk sync --recover 从总部取回本收银台的账本",
        "This backup is older than what head office holds ({stream}: the backup reaches "
        "{backup_seq}, head office has this till's {hq_seq}); restoring it would reuse numbers "
        "already sent. Use a newer backup, or, once head office allows it, run frontdesk sync "
        "--recover to take this till's ledger back from head office",
        {"stream": "SyncStream"},
    ),
    "backup_hq_unchecked": Sentence(
        "无法连接总部，不能确认此备份是否为最新。请恢复网络后重试；确认无误时可加 --without-hq",
        "Head office cannot be reached to confirm this backup is the newest. Retry when the "
        "network is back, or add --without-hq if you are sure",
    ),
    "restore_not_permitted": Sentence(
        "恢复数据库须由管理员操作（以备份中的管理员工号和密码登录）",
        "Only an admin may restore the database (sign in as an admin of the backup)",
    ),
    "catalog_refused": Sentence(
        "商品文件有 {count} 处错误，未导入任何商品",
        "The product file has {count} problem(s); nothing was imported",
    ),
    "sheet_unwritable": Sentence(
        "无法写入文件 {path}：{reason}", "Cannot write the file {path}: {reason_en}"
    ),
    "sheet_unreadable": Sentence(
        "无法读取文件 {path}：{reason}", "Cannot read the file {path}: {reason_en}"
    ),
    "statement_period": Sentence(
        "对账期间不正确：起始日期 {since} 晚于截止日期 {until}",
        "Bad statement period: {since} is after {until}",
    ),
    # Notices beside the member panel: not refusals, said the same way.
    "notice_pin_locked": Sentence("储值密码已锁定", "Stored-value PIN locked"),
    "notice_points_negative": Sentence("积分为负，暂停抵现", "Points negative: redemption paused"),
    "notice_points_expiring": Sentence(
        "{points} 积分将于 {on} 过期", "{points} points expire on {on}"
    ),
    "no_active_card": Sentence(
        "会员{name}（{phone}）没有可用的会员卡：卡{card_no}{state}，请先补卡",
        "Member {name} ({phone}) has no usable card: card {card_no} is {state};"
        " reissue a card first",
        {"state": "CardState"},
    ),
}
