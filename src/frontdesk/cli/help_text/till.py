"""The help of the program, its global options, setting up and checking the till, its staff."""

from __future__ import annotations

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
}
