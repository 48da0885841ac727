"""The help of receipts, the print queue and the devices."""

from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
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
}
