"""The help of head office: setting it up, its staff, its reports, the sync."""

from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
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
}
