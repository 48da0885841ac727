"""Sentences of failure semantics.

Replays, online holds, the floor limit, head-office versions, bad input: a command's own
refusals of what was typed (``usage_``) and the failures that are no rule's refusal
(``failed_``: the till database, the file system, head office, a bug).
"""

from __future__ import annotations

from frontdesk.domain.messages.sentence import Sentence

SENTENCES: dict[str, Sentence] = {
    # Why head office could not be reached, in the till's words (never the driver's English).
    "hq_cause_refused": Sentence(
        "总部服务器拒绝连接（服务未启动或地址端口不对）",
        "head office's server refused the connection (not running, or a wrong address or port)",
    ),
    "hq_cause_timeout": Sentence("连接总部超时", "connecting to head office timed out"),
    "hq_cause_host": Sentence(
        "找不到总部服务器的地址", "head office's server address cannot be found"
    ),
    "hq_cause_login": Sentence("总部拒绝了本收银台的登录", "head office refused this till's login"),
    "hq_cause_database": Sentence("总部数据库不存在", "head office's database does not exist"),
    "hq_cause_slow": Sentence(
        "总部处理超时，本次已中断", "head office took too long; this attempt was stopped"
    ),
    "hq_cause_dropped": Sentence("与总部的连接中途断开", "the connection to head office broke off"),
    "hq_cause_other": Sentence("总部连接出错", "the connection to head office failed"),
    # verify-full: the till refuses a head office it cannot verify; what to fix is named.
    "hq_cause_tls_untrusted": Sentence(
        "总部的证书未通过验证（不是所配 CA 文件签发的，或已过期），已拒绝连接；请检查 CA 文件",
        "head office's certificate did not verify (not signed by the CA file given, or expired); "
        "the connection was refused: check the CA file",
    ),
    "hq_cause_tls_name": Sentence(
        "总部证书上的名称与所填的总部地址不符，已拒绝连接；请填写证书上的主机名",
        "the name on head office's certificate is not the address given; the connection was "
        "refused: use the host name on the certificate",
    ),
    "hq_cause_tls_ca_missing": Sentence(
        "找不到总部的 CA 文件（sslrootcert），无法验证总部",
        "head office's CA file (sslrootcert) cannot be found, so head office cannot be verified",
    ),
    "hold_refused": Sentence(
        "总部核定的可用储值余额为 {balance}，不足以支付 {amount}（该会员可能刚在其他门店消费）",
        "Head office counts {balance} of stored value available, not enough for {amount} "
        "(the member may just have spent at another store)",
    ),
    # A command's input it cannot take (exit 2); {text} is what was typed.
    "usage_login_needed": Sentence(
        "此命令需要登录：请用 --staff 和 --pin（或环境变量 FRONTDESK_STAFF / FRONTDESK_PIN）"
        "指定操作员",
        "This command needs a login: give --staff and --pin (or FRONTDESK_STAFF / FRONTDESK_PIN)",
    ),
    "usage_member_ref": Sentence(
        "请用 --card、--phone 或 --member 指定会员",
        "Name the member with --card, --phone or --member",
    ),
    "usage_bad_date": Sentence(
        "日期格式应为 YYYY-MM-DD：{text}", "A date is written YYYY-MM-DD: {text}"
    ),
    "usage_bad_amount": Sentence(
        "金额格式不正确：{text}（例如 100.00）", "Not an amount: {text} (for example 100.00)"
    ),
    "usage_bad_item": Sentence(
        "商品写法应为 条码 或 条码x数量：{text}", "An item is BARCODE or BARCODExQTY: {text}"
    ),
    "usage_bad_payment": Sentence(
        "付款写法应为 方式:金额[:参考号]，方式为 {kinds}：{text}",
        "A payment is KIND:AMOUNT[:REF], KIND one of {kinds}: {text}",
    ),
    "usage_bad_tender": Sentence(
        "付款方式应为 {kinds} 之一：{text}", "The tender is one of {kinds}: {text}"
    ),
    "usage_bad_refund_line": Sentence(
        "退货行写法应为 行号:数量：{text}", "A refund line is LINE_NO:QTY: {text}"
    ),
    "usage_no_receipt": Sentence("找不到小票 {text}", "No receipt {text}"),
    "usage_no_card": Sentence("找不到会员卡 {text}", "No member card {text}"),
    "usage_consent_choice": Sentence(
        "请指定 --withdraw-marketing 或 --give-marketing 之一",
        "Give one of --withdraw-marketing or --give-marketing",
    ),
    "usage_issue_whom": Sentence(
        "请指定 --member 会员编号（记名卡）或 --bearer（不记名卡）之一",
        "Give one of --member ID (a named card) or --bearer (a bearer card)",
    ),
    "usage_return_bank": Sentence(
        "转账退卡须同时填写 --bank-account、--holder、--bank 和 --id-number",
        "A return by bank transfer needs --bank-account, --holder, --bank and --id-number",
    ),
    "usage_init_needs_store": Sentence(
        "请用 --store 和 --till 指定门店与收银台，或用 --enrol 注册码 --hq 总部地址 向总部注册",
        "Give --store and --till, or enrol with head office: --enrol CODE --hq HOST",
    ),
    "usage_enrol_needs_hq": Sentence(
        "注册需要总部地址：--hq 主机[:端口][/数据库]",
        "Enrolling needs head office's address: --hq host[:port][/database]",
    ),
    "usage_not_connected": Sentence(
        "本收银台尚未连接总部，请先执行 frontdesk hq init",
        "This till is not connected to head office yet: run frontdesk hq init first",
    ),
    "usage_credentials_open": Sentence(
        "总部登录文件 {path} 权限过宽，请执行 chmod 600",
        "Others can read the head-office login file {path}: run chmod 600 on it",
    ),
    "usage_credentials_keyring": Sentence(
        "总部登录密码不在本机系统钥匙串中（{path}），请重新运行 frontdesk hq init",
        "The head-office password is not in this machine's keyring ({path}): "
        "run frontdesk hq init again",
    ),
    "usage_not_initialised": Sentence(
        "收银台尚未初始化，请先执行 frontdesk init",
        "This till is not set up yet: run frontdesk init first",
    ),
    # A command that could not do its job (exit 1); {db} is the till database, {detail} a file
    # name or a reason.
    "failed_db_newer": Sentence(
        "此数据库由更新版本的 frontdesk 创建，请安装新版本的 frontdesk",
        "This database was made by a newer version of frontdesk; install the newer frontdesk",
    ),
    "failed_disk_full": Sentence(
        "磁盘已满，无法写入。请腾出空间后重试", "The disk is full. Free some space and retry"
    ),
    "failed_db_error": Sentence(
        "数据库出错，命令未完成：{db}", "Database error; the command did not finish: {db}"
    ),
    "failed_migration": Sentence(
        "数据库升级失败，命令未完成。请从备份恢复或联系技术支持",
        "Upgrading the database failed; nothing was done. Restore a backup or call support",
    ),
    "failed_no_permission": Sentence("没有权限访问 {detail}", "No permission to access {detail}"),
    "failed_not_found": Sentence("找不到文件 {detail}", "File not found: {detail}"),
    "failed_is_folder": Sentence("{detail} 是文件夹，不是文件", "{detail} is a folder, not a file"),
    "failed_os_error": Sentence(
        "系统错误，命令未完成：{detail}", "System error; the command did not finish: {detail}"
    ),
    "failed_hq_unreachable": Sentence(
        "无法连接总部数据库，请检查网络和地址后重试",
        "Cannot reach the head-office database; check the network and the address, then retry",
    ),
    "failed_hq_tls": Sentence("无法连接总部：{detail}", "Cannot reach head office: {detail}"),
    "failed_hq_no_database": Sentence(
        "总部数据库不存在，请先在总部服务器上建立它（createdb），或检查地址中的数据库名",
        "The head-office database does not exist: create it on the server (createdb) or check "
        "the database name in the address",
    ),
    "failed_hq_login": Sentence(
        "总部拒绝了登录，请检查地址中的用户名和密码",
        "Head office refused the login; check the user name and password in the address",
    ),
    "failed_hq_url": Sentence(
        "总部连接地址格式不正确（应为 postgresql://…）",
        "The head-office address is malformed (postgresql://…)",
    ),
    "failed_hq_error": Sentence(
        "总部数据库出错，命令未完成", "The head-office database failed; the command did not finish"
    ),
    "failed_program": Sentence("方案文件有误：{detail}", "The program file is invalid: {detail}"),
    "failed_unexpected": Sentence(
        "意外错误，命令未完成（详情已记入 {detail}）",
        "Unexpected error; the command did not finish (details in {detail})",
    ),
    "failed_backup_broken": Sentence(
        "备份文件不可用：{detail}", "The backup cannot be used: {detail}"
    ),
}
