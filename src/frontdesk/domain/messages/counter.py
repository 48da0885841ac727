"""Sentences of the counter.

Held tickets, search, line editing, tender, refunds in the window, reports.
"""

from __future__ import annotations

from frontdesk.domain.messages.sentence import Sentence

SENTENCES: dict[str, Sentence] = {
    "not_a_sale": Sentence(
        "小票 {receipt_no} 是{kind}，不是销售小票，不能退货",
        "Receipt {receipt_no} is a {kind}, not a sale: only sales are refunded",
        {"kind": "ReceiptKind"},
    ),
}
