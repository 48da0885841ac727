"""The help of money at the counter (top-ups, sales, refunds, points) and of the shift."""

from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
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
    # Shifts
    "shift": ("班次", "shifts"),
    "shift open": ("开班", "open a shift"),
    "--float": ("备用金，例如 200.00", "opening float, e.g. 200.00"),
    "shift close": ("交班并打印交班报表", "close the shift and print its report"),
    "--counted": ("实点现金，例如 1234.50", "cash counted, e.g. 1234.50"),
}
