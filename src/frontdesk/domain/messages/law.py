"""Sentences of prepaid-card law and personal data.

Caps, 退卡, cooling-off, statements, PIPL rights.
"""

from __future__ import annotations

from frontdesk.domain.messages.sentence import Sentence

SENTENCES: dict[str, Sentence] = {
    "balance_cap_exceeded": Sentence(
        "充值后{kind}余额将超过单卡限额 {cap}（含赠金），本次最多可充值 {allowed}",
        "The {kind} would hold more than its cap of {cap} (bonus included); at most {allowed} "
        "may be topped up now",
        {"kind": "CardKind"},
    ),
    "bearer_card_refused": Sentence(
        "不记名卡不能{action}（《单用途商业预付卡管理办法（试行）》：不记名卡不挂失）",
        "A bearer card cannot be given this: {action} (bearer cards are never reported lost "
        "or replaced)",
        {"action": "CardAction"},
    ),
    "bank_account_required": Sentence(
        "退还本金 {amount} 超过 {threshold}，须转入会员本人银行账户：请填写账号、户名、开户行，"
        "并核验会员身份证",
        "The principal of {amount} is above {threshold}: it must go to a bank account in the "
        "member's name; give the account, holder, bank and the member's ID number",
    ),
    "bank_account_invalid": Sentence(
        "银行账号不正确（应为 12 至 30 位数字）：{account}",
        "Invalid bank account number (12 to 30 digits): {account}",
    ),
    "holder_not_member": Sentence(
        "收款账户户名须与会员实名一致，请核对",
        "The account holder must be the member, by the registered name",
    ),
    "id_number_invalid": Sentence(
        "身份证号码不正确（18 位，末位校验码不符）",
        "Invalid ID card number (18 characters, check character wrong)",
    ),
    "cooling_off_over": Sentence(
        "已超过 {days} 天冷静期（最后一天为 {last_day}），不能按冷静期退款",
        "The {days}-day cooling-off period is over (its last day was {last_day})",
    ),
    "cooling_off_used": Sentence(
        "充值 {receipt_no} 之后已使用储值，不能按冷静期全额退款",
        "Stored value was spent after top-up {receipt_no}: no cooling-off refund",
    ),
    "cooling_off_done": Sentence(
        "充值 {receipt_no} 已按冷静期退款",
        "Top-up {receipt_no} has already been refunded in the cooling-off period",
    ),
    "not_a_top_up": Sentence(
        "没有这张充值小票：{receipt_no}",
        "No top-up receipt {receipt_no}",
    ),
    "member_already_erased": Sentence(
        "该会员的个人信息已删除",
        "This member's personal data has already been erased",
    ),
    "erase_balance_left": Sentence(
        "会员卡内仍有余额（本金 ￥{principal}，赠金 ￥{bonus}），"
        "须先退卡或用完余额才能删除个人信息",
        "The card still holds a balance (principal ￥{principal}, bonus ￥{bonus}): return the "
        "card or use it up before erasing the member's personal data",
    ),
    "erase_retention": Sentence(
        "个人信息须保存至最后一笔交易后 {days} 天（至 {last_day}），期满后才能删除",
        "Personal data is kept {days} days after the member's last movement (until {last_day}); "
        "it can be erased after that",
    ),
}
