"""The vocabularies: each code a person may read, in Chinese and English."""

from __future__ import annotations

# Vocabularies: code → (Chinese, English). An enum member is looked up in the vocabulary named
# after its class, by its value.
VOCABULARIES: dict[str, dict[str, tuple[str, str]]] = {
    "CardState": {
        "active": ("正常", "active"),
        "lost": ("已挂失", "reported lost"),
        "frozen": ("已冻结", "frozen"),
        "replaced": ("已补卡作废", "replaced by a new card"),
        "returned": ("已退卡", "returned"),
    },
    "CardAction": {
        "report_lost": ("挂失", "report lost"),
        "unreport": ("解挂", "un-report"),
        "replace": ("补卡", "reissue"),
        "freeze": ("冻结", "freeze"),
        "unfreeze": ("解冻", "unfreeze"),
        "return": ("退卡", "card return"),
        "issue": ("发新卡", "issue a new card"),
    },
    "TenderKind": {
        "cash": ("现金", "cash"),
        "stored_value": ("储值", "stored value"),
        "bank_card": ("银行卡", "bank card"),
        "wechat": ("微信支付", "WeChat Pay"),
        "alipay": ("支付宝", "Alipay"),
        "bank_transfer": ("银行转账", "bank transfer"),
    },
    "Bucket": {
        "principal": ("本金", "principal"),
        "bonus": ("赠金", "bonus"),
        "points": ("积分", "points"),
    },
    "ReceiptKind": {
        "sale": ("销售小票", "Sales receipt"),
        "top_up": ("充值小票", "Top-up receipt"),
        "refund": ("退货小票", "Refund receipt"),
        "card_reissue": ("补卡小票", "Card reissue receipt"),
        "card_return": ("退卡单", "Card return statement"),
        "shift_report": ("交班报表", "Shift report"),
        "cooling_off": ("冷静期退款小票", "Cooling-off refund receipt"),
    },
    "DiscountKind": {
        "tier": ("会员折扣", "member discount"),
        "birthday": ("生日折扣", "birthday discount"),
        "points": ("积分抵现", "points redemption"),
    },
    "Activity": {
        "active": ("活跃", "active"),
        "cooling": ("沉默", "cooling"),
        "at_risk": ("流失预警", "at risk"),
        "dormant": ("休眠", "dormant"),
    },
    # What a manager approval is bound to; both spellings in use are named until they are one.
    "ApprovalAction": {
        "manager_screens": ("进入店长功能", "manager screens"),
        "unreport": ("解挂", "un-report a card"),
        "freeze": ("冻结", "freeze a card"),
        "unfreeze": ("解冻", "unfreeze a card"),
        "reissue_fee_waiver": ("免收补卡工本费", "waive the reissue fee"),
        "waive_reissue_fee": ("免收补卡工本费", "waive the reissue fee"),
        "card_return": ("退卡", "card return"),
        "return": ("退卡", "card return"),
        "refund": ("退货", "refund"),
        "pin_reset": ("重置会员密码", "PIN reset"),
        "points_adjust": ("积分调整", "points adjustment"),
        "tier_lock": ("等级锁定", "tier lock"),
        "topup_cancel": ("撤销充值", "top-up cancellation"),
    },
    # Why a scanned frame is no code the till knows.
    "ScanProblem": {
        "empty": ("空条码", "empty"),
        "invalid_characters": ("含非法字符", "invalid characters"),
        "card_check_digit": ("会员卡校验位错误", "card check digit"),
        "product_check_digit": ("商品条码校验位错误", "product check digit"),
        "unknown_shape": ("不是会员卡、商品条码或小票号", "not a card, product or receipt number"),
    },
    # The audit log's action codes, as the audit screen and the CLI name them.
    "AuditAction": {
        "sale": ("销售", "sale"),
        "refund": ("退货", "refund"),
        "topup": ("充值", "top-up"),
        "card_issue": ("发卡", "card issued"),
        "card_refused": ("拒收会员卡", "card refused"),
        "card_report_lost": ("挂失", "card reported lost"),
        "card_unreport": ("解挂", "card un-reported"),
        "card_freeze": ("冻结", "card frozen"),
        "card_unfreeze": ("解冻", "card unfrozen"),
        "card_replace": ("补卡", "card reissued"),
        "card_return": ("退卡", "card returned"),
        "member_register": ("会员注册", "member registered"),
        "member_pin_wrong": ("会员密码错误", "wrong member PIN"),
        "pin_set": ("设置会员密码", "member PIN set"),
        "pin_reset": ("重置会员密码", "member PIN reset"),
        "points_adjust": ("积分调整", "points adjusted"),
        "tier_lock": ("等级锁定", "tier locked"),
        "shift_open": ("开班", "shift opened"),
        "shift_close": ("交班", "shift closed"),
        "staff_add": ("添加员工", "staff added"),
        "staff_pin_wrong": ("员工密码错误", "wrong staff PIN"),
        "login": ("登录", "login"),
        "till_init": ("收银台初始化", "till set up"),
        "approval": ("店长审批", "manager approval"),
        "receipt_reprint": ("重打小票", "receipt reprinted"),
    },
}
