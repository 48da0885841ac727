"""What a command says after it did its work: each result line in Chinese and English."""

from __future__ import annotations

from frontdesk.domain.messages.sentence import Sentence

# Keys start with "said_" so a result is never mistaken for a refusal of the same name.
SENTENCES: dict[str, Sentence] = {
    "said_card_issued": Sentence("已发卡 {card_no}", "Card {card_no} issued"),
    "said_bearer_card_issued": Sentence(
        "已发不记名卡 {card_no}（单卡限额 {cap}，不登记姓名和手机号）",
        "Bearer card {card_no} issued (cap {cap}, no name or phone recorded)",
    ),
    "said_card_reissued": Sentence(
        "补卡完成：旧卡 {old} 作废，新卡 {new}，工本费 {fee}",
        "Card reissued: old card {old} void, new card {new}, fee {fee}",
    ),
    "said_card_returned": Sentence(
        "退卡完成：退还本金 {cash}，赠金 {bonus} 作废",
        "Card returned: principal {cash} paid back, bonus {bonus} forfeited",
    ),
    "said_paid_to_bank": Sentence(
        "；转入 {account}（{holder}）", "; paid to account {account} ({holder})"
    ),
    "said_paid_in_cash": Sentence("；现金退还", "; paid back in cash"),
    "said_card_changed": Sentence(
        "卡 {card_no}：{action}完成，当前状态 {state}",
        "Card {card_no}: {action} done, now {state}",
        {"action": "CardAction", "state": "CardState"},
    ),
    "said_card_saved": Sentence(
        "会员卡已保存 {path}（CR80）", "Member card saved to {path} (CR80)"
    ),
    "said_till_ready": Sentence(
        "收银台 {till} 已初始化，管理员工号 {admin}",
        "Till {till} is set up; the administrator is staff number {admin}",
    ),
    "said_demo_ready": Sentence(
        "示范门店已建立（工号/密码：收银员 1001/1001，店长 8001/8001，管理员 9001/9001；"
        "会员密码 135790）",
        "Demo store ready (staff number/PIN: cashier 1001/1001, manager 8001/8001, "
        "admin 9001/9001; member PIN 135790)",
    ),
    "said_demo_member": Sentence(
        "{name}  {phone}  {tier}  卡号 {card_no}  余额 {balance}（本金 {principal} 赠金 {bonus}）"
        "积分 {points}",
        "{name}  {phone}  {tier}  card {card_no}  balance {balance} (principal {principal}, "
        "bonus {bonus}) points {points}",
    ),
    "said_member": Sentence("会员：{name}  {phone}  {tier}", "Member: {name}  {phone}  {tier}"),
    "said_member_card": Sentence("卡号：{card_no}", "Card: {card_no}"),
    "said_member_no_card": Sentence("卡号：（无有效卡）", "Card: (no usable card)"),
    "said_member_balance": Sentence(
        "储值余额：{balance}（本金 {principal}，赠金 {bonus}）",
        "Stored value: {balance} (principal {principal}, bonus {bonus})",
    ),
    "said_member_points": Sentence("积分：{points}", "Points: {points}"),
    "said_member_birthday": Sentence("生日礼遇：本次可用", "Birthday benefit: available now"),
    "said_member_notice": Sentence("提示：{notice}", "Note: {notice}"),
    "said_member_registered": Sentence(
        "已注册会员，卡号 {card_no}", "Member registered, card {card_no}"
    ),
    "said_no_member": Sentence("未找到会员", "No member found"),
    "said_pin_set": Sentence("会员密码已设置", "Member PIN set"),
    "said_points_adjusted": Sentence(
        "积分已调整 {points}，当前积分 {now}", "Points adjusted by {points}, now {now}"
    ),
    "said_tier_locked": Sentence("等级已锁定为 {tier}", "Tier locked at {tier}"),
    "said_tier_unlocked": Sentence("等级锁定已解除", "Tier lock released"),
    "said_quote": Sentence(
        "应付 {due}，优惠 {savings}，可得积分 {points}",
        "To pay {due}, savings {savings}, points to earn {points}",
    ),
    "said_sold": Sentence(
        "小票 {receipt_no}：合计 {gross}，优惠 {savings}，实付 {paid}，找零 {change}",
        "Receipt {receipt_no}: total {gross}, savings {savings}, paid {paid}, change {change}",
    ),
    "said_points_earned": Sentence("，积分 +{points}", ", points +{points}"),
    "said_upgraded": Sentence("恭喜升级为{tier}", "Upgraded to {tier}"),
    "said_refunded": Sentence(
        "退货完成：小票 {receipt_no}，退款 {amount}",
        "Refund done: receipt {receipt_no}, {amount} paid back",
    ),
    "said_topped_up": Sentence(
        "充值 {amount}，赠送 {bonus}；余额 {balance}（本金 {principal}，赠金 {bonus_now}）"
        "小票 {receipt_no}",
        "Topped up {amount}, bonus {bonus}; balance {balance} (principal {principal}, "
        "bonus {bonus_now}) receipt {receipt_no}",
    ),
    "said_shift_open": Sentence("已开班，备用金 {float}", "Shift open, float {float}"),
    "said_shift_closed": Sentence(
        "交班：销售 {sales} 笔；现金应有 {expected}，实点 {counted}，长短款 {over_short}",
        "Shift closed: {sales} sales; cash expected {expected}, counted {counted}, "
        "over/short {over_short}",
    ),
    "said_liability": Sentence(
        "储值负债：期初 {opening} + 充值 {topups} − 消费 {spends} + 退款 {refunds} "
        "± 调整 {adjustments} = 期末 {closing}（{balanced}）",
        "Stored-value liability: opening {opening} + top-ups {topups} − spends {spends} "
        "+ refunds {refunds} ± adjustments {adjustments} = closing {closing} ({balanced})",
    ),
    "said_balanced": Sentence("平", "reconciles"),
    "said_not_balanced": Sentence("不平", "DOES NOT reconcile"),
    "said_verified": Sentence(
        "核对通过：账本哈希链完整，余额与积分投影与账本一致",
        "Verified: the ledger's hash chain is whole, balances and points match the ledger",
    ),
    "said_verify_problems": Sentence("核对发现问题：", "Verification found problems:"),
    "said_reprinted": Sentence("小票 {receipt_no} 已重印", "Receipt {receipt_no} reprinted"),
    "said_reprint_queued": Sentence(
        "小票 {receipt_no} 已重印（排队中）", "Receipt {receipt_no} reprinted (queued)"
    ),
    "said_saved": Sentence("已保存 {path}", "Saved {path}"),
    "said_pdf_written": Sentence("PDF 已写入 {path}", "PDF written to {path}"),
    "said_exported": Sentence("已导出 {rows} 行到 {path}", "Exported {rows} rows to {path}"),
    "said_print_pending": Sentence(
        "补打 {printed} 张，仍排队 {left} 张", "{printed} printed, {left} still queued"
    ),
    "said_warning": Sentence("警告：{text}", "Warning: {text}"),
    "said_print_queued": Sentence(
        "警告：{fault}（小票 {receipt_no} 已排队，可用 frontdesk print pending 补打）",
        "Warning: {fault} (receipt {receipt_no} is queued; frontdesk print pending prints it)",
    ),
    "said_hq_ready": Sentence(
        "总部已就绪：收银台 {till} 以角色 {role} 同步，登录信息保存在 {path}（仅本用户可读）",
        "Head office ready: till {till} syncs as role {role}; the login is saved in {path} "
        "(readable by this user only)",
    ),
    "said_whole_chain": Sentence("全连锁", "Whole chain"),
}
