"""The command's own refusals, kept free of the database stack so `main` can catch them cheaply.

A UsageError names its message by key in `USAGE` (Chinese and English); a plain sentence is
accepted too and shown as written.
"""

from __future__ import annotations

USAGE: dict[str, tuple[str, str]] = {
    "login_needed": (
        "此命令需要登录：请用 --staff 和 --pin（或环境变量 FRONTDESK_STAFF / FRONTDESK_PIN）指定操作员",
        "This command needs a login: give --staff and --pin (or FRONTDESK_STAFF / FRONTDESK_PIN)",
    ),
    "member_ref": (
        "请用 --card、--phone 或 --member 指定会员",
        "Name the member with --card, --phone or --member",
    ),
    "bad_date": ("日期格式应为 YYYY-MM-DD：{text}", "A date is written YYYY-MM-DD: {text}"),
    "bad_amount": (
        "金额格式不正确：{text}（例如 100.00）",
        "Not an amount: {text} (for example 100.00)",
    ),
    "bad_item": (
        "商品写法应为 条码 或 条码x数量：{text}",
        "An item is BARCODE or BARCODExQTY: {text}",
    ),
    "bad_payment": (
        "付款写法应为 方式:金额[:参考号]，方式为 {kinds}：{text}",
        "A payment is KIND:AMOUNT[:REF], KIND one of {kinds}: {text}",
    ),
    "bad_tender": ("付款方式应为 {kinds} 之一：{text}", "The tender is one of {kinds}: {text}"),
    "bad_refund_line": (
        "退货行写法应为 行号:数量：{text}",
        "A refund line is LINE_NO:QTY: {text}",
    ),
    "no_receipt": ("找不到小票 {text}", "No receipt {text}"),
    "no_card": ("找不到会员卡 {text}", "No member card {text}"),
    "consent_choice": (
        "请指定 --withdraw-marketing 或 --give-marketing 之一",
        "Give one of --withdraw-marketing or --give-marketing",
    ),
    "issue_whom": (
        "请指定 --member 会员编号（记名卡）或 --bearer（不记名卡）之一",
        "Give one of --member ID (a named card) or --bearer (a bearer card)",
    ),
    "return_bank": (
        "转账退卡须同时填写 --bank-account、--holder、--bank 和 --id-number",
        "A return by bank transfer needs --bank-account, --holder, --bank and --id-number",
    ),
    "init_needs_store": (
        "请用 --store 和 --till 指定门店与收银台，或用 --enrol 注册码 --hq 总部地址 向总部注册",
        "Give --store and --till, or enrol with head office: --enrol CODE --hq HOST",
    ),
    "enrol_needs_hq": (
        "注册需要总部地址：--hq 主机[:端口][/数据库]",
        "Enrolling needs head office's address: --hq host[:port][/database]",
    ),
    "not_initialised": (
        "收银台尚未初始化，请先执行 frontdesk init",
        "This till is not set up yet: run frontdesk init first",
    ),
}


class UsageError(Exception):
    """Bad command-line input: said plainly, nothing written (exit 2)."""

    def __init__(self, key: str, **params: object) -> None:
        self.key, self.params = key, params
        super().__init__(self.message("zh_CN"))

    def message(self, lang: str) -> str:
        texts = USAGE.get(self.key)
        if texts is None:
            return self.key  # a sentence given as it is
        return texts[0 if lang == "zh_CN" else 1].format(**self.params)


class CommandFailed(Exception):
    """The command could not do its job for a reason that is no rule's refusal (exit 1)."""
