"""Sentences of the counter.

Held tickets, search, line editing, tender, refunds in the window, reports.
"""

from __future__ import annotations

from frontdesk.domain.messages.sentence import Sentence

SENTENCES: dict[str, Sentence] = {
    "discount_too_large": Sentence(
        "折扣 {discount} 超过金额 {amount}",
        "The discount {discount} is more than the amount {amount}",
    ),
    "not_a_sale": Sentence(
        "小票 {receipt_no} 是{kind}，不是销售小票，不能退货",
        "Receipt {receipt_no} is a {kind}, not a sale: only sales are refunded",
        {"kind": "ReceiptKind"},
    ),
    "member_search_empty": Sentence(
        "请输入手机号、手机尾号后四位、卡号或姓名",
        "Type a mobile number, its last four digits, a card number or a name",
    ),
    "member_search_digits": Sentence(
        "「{ref}」不是手机号（11 位）、尾号（4 位）或会员卡号",
        "“{ref}” is no mobile number (11 digits), last four digits or card number",
    ),
}
