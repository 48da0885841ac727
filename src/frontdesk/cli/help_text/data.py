"""The help of data in and out: products, exports, KPIs, backups."""

from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
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
