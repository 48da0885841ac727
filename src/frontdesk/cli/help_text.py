"""Every help text of the command, in Chinese and English: one table, one entry per key.

The Chinese column is the default; `--lang en` picks the English one. A test checks that both
columns are complete and that no English text holds a Chinese character.
"""

from __future__ import annotations

LANGUAGES = ("zh_CN", "en")

HELP: dict[str, tuple[str, str]] = {
    # The program, its global options, and the words of the help screen
    "frontdesk": ("frontdesk 会员收银台", "frontdesk membership till"),
    "command": ("命令", "COMMAND"),
    "verb": ("操作", "ACTION"),
    "global options": (
        "通用选项（可写在命令前或命令后）",
        "global options (before or after the command)",
    ),
    "--version": ("显示版本号并退出", "show the version and exit"),
    "--db": (
        "收银台数据库（默认：本用户数据目录）",
        "till database (default: per-user data folder)",
    ),
    "--program": (
        "方案文件（默认：resources/program.toml）",
        "program file (default: resources/program.toml)",
    ),
    "--json": ("以 JSON 输出，供程序读取", "machine-readable output"),
    "--lang": ("界面语言：zh_CN（默认）或 en", "language: zh_CN (default) or en"),
    "--staff": (
        "操作员工号（或环境变量 FRONTDESK_STAFF）",
        "operator staff number (or FRONTDESK_STAFF)",
    ),
    "--pin": ("操作员密码（或环境变量 FRONTDESK_PIN）", "operator PIN (or FRONTDESK_PIN)"),
    "--manager": ("审批店长的工号", "approving manager's staff number"),
    "--manager-pin": ("审批店长本人的密码", "approving manager's own PIN"),
    "--print": (
        "即使没有 <db>.devices.toml 也打印小票（默认打印机设置）",
        "print the receipt even without <db>.devices.toml (default printer settings)",
    ),
    "--no-print": ("不打印小票", "do not print the receipt"),
    # Setting up and checking the till
    "init": ("初始化本收银台", "set up this till"),
    "--store": ("门店编号", "store number"),
    "--till": ("收银台编号", "till number"),
    "--store-name": ("门店名称", "store name"),
    "--admin": ("管理员工号", "administrator's staff number"),
    "--admin-name": ("管理员姓名", "administrator's name"),
    "--admin-pin": ("管理员密码", "administrator's PIN"),
    "demo": ("建立一个现成的示范门店", "create a ready demo store"),
    "till": ("打开收银窗口", "open the till window"),
    "--selftest": (
        "以 --staff（默认示范收银员 1001）离屏打开窗口，截图保存后退出",
        "open the window offscreen as --staff (default the demo cashier 1001), save it, exit",
    ),
    "verify": (
        "重算余额与积分并核对账本哈希链",
        "recompute projections and check the ledger chain",
    ),
    "audit": ("查看审计日志（需登录）", "show the audit log (login needed)"),
    "--limit": ("最多显示的条数", "how many entries at most"),
    # Staff
    "staff": ("员工管理", "staff management"),
    "staff add": ("添加员工", "add a staff member"),
    "staff_no": ("员工工号", "staff number"),
    "staff name": ("员工姓名", "staff member's name"),
    "role": ("角色：cashier 收银员、manager 店长、admin 管理员", "role: cashier, manager or admin"),
    "staff --new-pin": ("新员工的密码", "the new staff member's PIN"),
    "staff list": ("列出员工（店长）", "list the staff (manager)"),
    "staff disable": ("停用员工工号", "disable a staff account"),
    "staff enable": ("重新启用员工工号", "enable a staff account again"),
    "staff unlock": ("解锁密码错误过多的员工", "unlock a staff member after too many wrong PINs"),
    "staff reset-pin": ("重置员工密码（同时解锁）", "reset a staff member's PIN (also unlocks)"),
    "staff reset --new-pin": ("员工的新密码", "the staff member's new PIN"),
    "staff set-role": ("修改员工角色（管理员）", "change a staff member's role (administrator)"),
    "hq staff": (
        "总部统一管理员工（各收银台同步后生效）",
        "the chain's staff, kept at head office",
    ),
    "hq staff add": ("在总部添加员工", "add a staff member at head office"),
    "hq staff list": ("列出总部的员工", "list head office's staff"),
    "hq staff set-role": ("在总部修改员工角色", "change a staff member's role at head office"),
    # Members
    "member": ("会员", "members"),
    "member add": ("注册会员并发卡", "register a member and issue a card"),
    "--phone": ("手机号", "mobile number"),
    "--name": ("姓名", "name"),
    "--birthday": ("生日，YYYY-MM-DD", "birthday, YYYY-MM-DD"),
    "--gender": ("性别：F 女、M 男", "gender: F or M"),
    "--consent-terms": ("会员已同意会员条款", "the member accepted the membership terms"),
    "--consent-marketing": ("会员同意接收营销信息", "the member accepts marketing messages"),
    "--member-pin": ("会员储值密码", "the member's stored-value PIN"),
    "member show": ("查看会员（需登录）", "show a member (login needed)"),
    "member find": (
        "按手机号或姓名查找会员（需登录）",
        "find members by phone or name (login needed)",
    ),
    "find text": ("手机号或姓名的一部分", "part of a phone number or name"),
    "member --card": ("会员卡号", "member card number"),
    "member --phone": ("会员手机号", "member's mobile number"),
    "member --member": ("会员编号", "member id"),
    "member --new-pin": ("新的会员密码", "the new member PIN"),
    # Cards
    "card": ("会员卡", "member cards"),
    "card_no": ("会员卡号", "member card number"),
    "card issue": (
        "给没有卡的会员发卡（记名卡），或 --bearer 发不记名卡",
        "issue a card to a member without one, or --bearer a bearer card",
    ),
    "card issue --bearer": (
        "不记名卡：不登记姓名和手机号，单卡限额 ￥1,000",
        "a bearer card: no name or phone, holds at most 1,000 yuan",
    ),
    "card lost": ("挂失", "report a card lost"),
    "card unlost": ("解挂（需店长审批）", "cancel a loss report (manager approval)"),
    "card freeze": ("冻结（需店长审批）", "freeze a card (manager approval)"),
    "card unfreeze": ("解冻（需店长审批）", "unfreeze a card (manager approval)"),
    "card return": (
        "退卡：退还本金，赠金作废（需店长审批）；超过 ￥100 须转入会员本人银行账户并核验身份证",
        "return a card: principal paid back, bonus forfeited (manager approval); above 100 yuan to "
        "a bank account in the member's name, ID card checked",
    ),
    "return --bank-account": ("收款银行账号（会员本人）", "bank account number (the member's)"),
    "return --holder": ("账户户名，须与会员实名一致", "account holder, the member's own name"),
    "return --bank": ("开户行", "the account's bank"),
    "return --id-number": (
        "会员居民身份证号码（已当面核验）",
        "the member's ID card number (checked in person)",
    ),
    "card reissue": (
        "补卡：旧卡作废，发新卡",
        "reissue a card: the old one is voided, a new one issued",
    ),
    "card print": (
        "把会员卡保存为 CR80 PDF，供制卡机打印",
        "member card as a CR80 PDF for the card printer",
    ),
    "card out": ("PDF 文件的保存位置", "where to save the PDF"),
    "--reason": ("原因", "reason"),
    "reissue --phone": ("会员手机号（核对身份）", "member's mobile number (identity check)"),
    "reissue --name": ("会员姓名（核对身份）", "member's name (identity check)"),
    "fee --tender": ("工本费的付款方式", "how the card fee is paid"),
    "--ref": (
        "付款参考号（微信、支付宝、银行卡）",
        "payment reference (WeChat, Alipay, bank card)",
    ),
    "--waive-reason": (
        "免收工本费的原因（需店长审批）",
        "why the card fee is waived (manager approval)",
    ),
    # Money
    "topup": ("储值充值", "top up stored value"),
    "topup amount": ("充值金额，例如 100.00", "amount, e.g. 100.00"),
    "topup-return": (
        "冷静期退款：充值后未消费的，7 日内全额退还，赠金收回，不收手续费",
        "cooling-off refund: an unused top-up returned whole within 7 days, bonus reversed, no fee",
    ),
    "topup-return receipt_no": ("充值小票号", "the top-up's receipt number"),
    "topup --tender": ("付款方式", "how the top-up is paid"),
    "sale": ("计价，或用 --pay 结账", "price a sale, or with --pay check it out"),
    "sale --card": ("会员卡号（非会员可不填）", "member card number (none for a walk-in)"),
    "--item": (
        "商品：条码[x数量][@改价单价][-单品折扣金额]，可重复",
        "item: BARCODE[xQTY][@PRICE][-OFF] (price override, money off the line), repeatable",
    ),
    "sale --ticket-discount": (
        "整单折扣金额（元）；超过限额须 --manager 审批",
        "money off the whole ticket (yuan); above the limit --manager approves",
    ),
    "--pay": (
        "付款：方式:金额[:参考号]，可重复；不写则只计价",
        "payment KIND:AMOUNT[:REF], repeatable; without --pay the sale is only priced",
    ),
    "--redeem": ("抵现的积分块数", "points blocks to redeem"),
    "sale --member-pin": (
        "会员储值密码（用储值付款时）",
        "the member's PIN (when paying with stored value)",
    ),
    "--txn": (
        "本笔销售的幂等键（UUID），重试时沿用",
        "idempotency key (UUID) of this sale; reuse it when retrying",
    ),
    "refund": ("按小票号退货", "refund by receipt number"),
    "receipt_no": ("小票号", "receipt number"),
    "--line": (
        "退货行：行号:数量，可重复；不写则整单退货",
        "LINE_NO:QTY, repeatable; none means the whole ticket",
    ),
    "refund --txn": ("本笔退货的幂等键（UUID）", "idempotency key (UUID) of this refund"),
    "points": ("积分", "points"),
    "points adjust": ("调整积分（需店长审批）", "adjust points (manager approval)"),
    "points amount": ("积分变动，例如 100 或 -50", "points to add, e.g. 100 or -50"),
    "adjust --reason": ("调整原因", "why the points are adjusted"),
    # Member rules
    "pin": ("会员密码", "member PINs"),
    "pin set": (
        "设置或重置会员密码（重置需店长审批）",
        "set or reset a member PIN (a reset needs manager approval)",
    ),
    "tier": ("会员等级", "member tiers"),
    "tier lock": (
        "锁定会员等级；不写 --tier 则解除锁定",
        "lock a member's tier; without --tier, unlock it",
    ),
    "--tier": ("锁定的等级代码", "tier code to lock at"),
    "tier --reason": ("锁定或解除的原因", "why the tier is locked or unlocked"),
    # Head office
    "hq": ("总部", "head office"),
    "hq init": (
        "建立或升级总部数据库，并为本收银台生成登录信息",
        "create/upgrade head office and give this till its login",
    ),
    "hq migrate": (
        "只升级总部数据库（不改任何收银台的登录）",
        "upgrade head office's database only (no till's login changes)",
    ),
    "hq enrol": (
        "为一台收银台生成一次性注册码（在总部执行）",
        "issue a one-time enrolment code for a till (run at head office)",
    ),
    "hq min-version": (
        "设置总部接受的最低收银台版本",
        "set the oldest till version head office serves",
    ),
    "hq min-version version": ("版本号，如 0.2.0", "a version such as 0.2.0"),
    "init --enrol": (
        "总部给的注册码：向总部注册本收银台",
        "the enrolment code head office gave: enrol this till with head office",
    ),
    "init --hq": (
        "总部地址：主机[:端口][/数据库]，或 postgresql://主机/数据库?sslmode=…",
        "head office: host[:port][/database], or postgresql://host/db?sslmode=…",
    ),
    "--sslmode": (
        "与总部连接的 TLS 方式（建议 verify-full）",
        "TLS to head office (verify-full recommended)",
    ),
    "--sslrootcert": (
        "签发总部证书的 CA 文件",
        "the CA file that signed head office's certificate",
    ),
    "hq report": ("负余额账户与挂失后的消费", "negative accounts and spends after revocation"),
    "hq kpi": ("全部门店的会员指标", "member KPIs over every store"),
    "--hq-url": (
        "总部管理员连接地址（postgresql://…）",
        "head-office admin address (postgresql://…)",
    ),
    "--as-of": ("统计日期 YYYY-MM-DD（默认今天）", "YYYY-MM-DD (default: today)"),
    "sync": (
        "上传到总部再下载（供定时任务使用）",
        "push to head office, then pull (for timers and cron)",
    ),
    "--batch": ("每个总部事务的行数", "rows per head-office transaction"),
    "--push-only": ("只上传（例如挂失后立即上传）", "push only (a loss report right away)"),
    "--recover": (
        "总部拒收本机账本后，经店长批准从总部恢复本机账本",
        "after head office refused this till's chain: restore its books from head office, "
        "with a manager's approval",
    ),
    # Shifts
    "shift": ("班次", "shifts"),
    "shift open": ("开班", "open a shift"),
    "--float": ("备用金，例如 200.00", "opening float, e.g. 200.00"),
    "shift close": ("交班并打印交班报表", "close the shift and print its report"),
    "--counted": ("实点现金，例如 1234.50", "cash counted, e.g. 1234.50"),
    # Receipts and devices
    "receipt": ("小票", "receipts"),
    "receipt reprint": (
        "重印一张过去的小票（标注重印，需登录）",
        "print a past receipt again, marked as a reprint (login needed)",
    ),
    "receipt pdf": (
        "把一张过去的小票保存为 PDF（需登录）",
        "save a past receipt as PDF (login needed)",
    ),
    "pdf out": ("PDF 文件的保存位置", "where to save the PDF"),
    "print": ("打印队列", "print queue"),
    "print pending": ("补打仍在排队的小票", "print receipts still waiting for the printer"),
    "devices": ("外设", "devices"),
    "devices test-scan": (
        "在已配置的扫码枪上等待一次扫码",
        "wait for one scan on the configured scanner",
    ),
    "--timeout": ("等待秒数", "seconds to wait"),
    "devices test-print": (
        "在已配置的打印机上打印测试小票",
        "print a test receipt on the configured printer",
    ),
    "member import": (
        "从旧系统导入会员及期初余额（管理员操作并需店长审批；有错误整体不导入）",
        "import members with opening balances from an old system (admin, manager approval; "
        "all or nothing)",
    ),
    "member statement": (
        "会员对账单：本金、赠金、积分及期间内每笔变动和余额",
        "a member's statement: balances and every movement over a period",
    ),
    "statement --from": (
        "起始日期 YYYY-MM-DD（默认：开户起）",
        "first day, YYYY-MM-DD (default: since joining)",
    ),
    "statement --to": (
        "截止日期 YYYY-MM-DD（含，默认：今天）",
        "last day, YYYY-MM-DD (inclusive; default: today)",
    ),
    "statement --pdf": ("同时写出 PDF 文件", "also write it as a PDF file"),
    "member export": (
        "会员个人信息副本（个人信息保护法）：写出为 JSON 文件（需店长）",
        "a copy of the member's personal data (PIPL) as a JSON file (manager)",
    ),
    "member export --out": ("JSON 文件的保存位置", "where to write the JSON file"),
    "member consent": (
        "营销同意：会员可单独撤回或重新同意，不影响会员服务",
        "marketing consent, withdrawn or given on its own; membership is unaffected",
    ),
    "member erase": (
        "删除会员个人信息（个人信息保护法第四十七条）：余额为零或已退卡且过保存期，需店长批准",
        "erase the member's personal data (PIPL art. 47): zero balance or after a card return, "
        "after the retention period, with a manager's approval",
    ),
    "--withdraw-marketing": ("撤回营销同意", "withdraw marketing consent"),
    "--give-marketing": ("同意接收营销信息", "give marketing consent"),
    "kpi --pdf": ("同时写出带图表的 PDF 报告", "also write a PDF report with charts"),
    "hq products --store": (
        "只作为该门店自己的售价导入（商品须已在总部）",
        "import the prices as this store's own (the products must be head office's already)",
    ),
    "hq products": ("总部商品资料", "head office's catalog"),
    "hq products import": (
        "在总部导入商品文件（CSV/Excel，有错误整体不导入），各收银台同步后可售",
        "import a product file at head office (CSV/Excel, all or nothing); tills sell it after sync",
    ),
    "hq program": ("总部会员方案", "head office's membership program"),
    "hq program publish": (
        "校验并发布新版会员方案到所有收银台",
        "validate and publish a new program version to every till",
    ),
    "program file": ("方案文件（TOML）", "the program file (TOML)"),
    "hq settlement": (
        "跨店清分（本金先进先出：谁应付谁）和各门店每日预付负债，与总部账本核对",
        "cross-store settlement (principal, first in first out) and daily prepaid liability "
        "per store, reconciled with head office's ledger",
    ),
    # Data in and out
    "product": ("商品资料", "the product catalog"),
    "product import": (
        "从 CSV 或 Excel 文件导入商品（有错误的文件整体不导入，逐行列出错误）",
        "import products from a CSV or Excel file (a file with any bad row imports nothing)",
    ),
    "file": ("CSV 或 .xlsx 文件", "a CSV or .xlsx file"),
    "product template": (
        "写出一个可填写的商品模板文件",
        "write a product file template to fill in",
    ),
    "out": ("输出文件（.xlsx 或 .csv）", "output file (.xlsx or .csv)"),
    "export": ("导出数据到 Excel", "export data to Excel"),
    "export kind": (
        "members 会员、tickets 小票、shifts 班次、liability 储值与积分负债、kpis 经营指标",
        "members, tickets, shifts, liability or kpis (the store's KPIs)",
    ),
    "kpi": (
        "本店会员经营指标（店长），可写出带图表的 PDF 报告",
        "this store's member KPIs (a manager's), optionally as a PDF report with charts",
    ),
    "--xlsx": ("输出的 Excel 文件", "the Excel file to write"),
    "export --since": ("起始日期 YYYY-MM-DD", "first day, YYYY-MM-DD"),
    "export --until": ("截止日期 YYYY-MM-DD（含）", "last day, YYYY-MM-DD (inclusive)"),
    "backup": (
        "在收银时在线备份数据库（经完整性检查，默认保留 14 天）",
        "back up the database while the till runs (checked; kept 14 days by default)",
    ),
    "backup --to": (
        "备份文件夹（默认：数据库旁的 backups）",
        "backup folder (default: backups beside the database)",
    ),
    "--keep": ("备份保留天数", "days to keep backups"),
    "backup --nightly": (
        "定时任务的夜间备份（无需登录，记为 system）",
        "the scheduled nightly backup (no sign-in; audited as system)",
    ),
    "restore": (
        "从备份恢复数据库（须管理员；不得早于总部已收到的数据）",
        "restore the database from a backup (admin; never older than what head office holds)",
    ),
    "restore file": ("备份文件", "the backup file"),
    "--without-hq": (
        "总部无法连接时仍恢复（不核对总部）",
        "restore without checking head office (when it cannot be reached)",
    ),
    "--marketing-only": (
        "只导出同意接收营销信息的会员",
        "only members who agreed to marketing",
    ),
}

# argparse's own words, for the languages it has no catalogue for here (English is its own).
ARGPARSE_TEXT: dict[str, dict[str, str]] = {
    "zh_CN": {
        "usage: ": "用法：",
        "positional arguments": "参数",
        "options": "选项",
        "show this help message and exit": "显示本帮助并退出",
        "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
        "the following arguments are required: %s": "缺少必填参数：%s",
        "unrecognized arguments: %s": "无法识别的参数：%s",
        "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
        "expected one argument": "需要一个值",
        "invalid %(type)s value: %(value)r": "%(type)s 值无效：%(value)r",
        "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
        "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
        "not allowed with argument %s": "不能与参数 %s 同时使用",
    },
    "en": {},
}
