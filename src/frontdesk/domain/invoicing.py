"""Which money may be invoiced: the part of a sale paid from a prepaid card never is.

国家税务总局公告 2016 年第 53 号 (单用途商业预付卡): the card's seller issues an ordinary
invoice marked 不征税 (code 未发生销售行为的不征税项目) when the card is topped up, and may issue no
VAT special invoice for it; when the holder later buys goods with the card, the store issues no
VAT invoice for the part paid with it. So a receipt and a shift report separate the two.
"""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.domain.money import ZERO, Fen

PREPAID_NOT_INVOICED = "储值支付（不开具发票）"
INVOICEABLE = "可开票金额"
TOP_UP_NOTICE = "预付卡充值：仅开不征税普通发票"
SHIFT_PREPAID = "储值消费（不开具发票）"
SHIFT_INVOICEABLE = "可开票销售额"
SHIFT_TOP_UPS = "预付卡充值（不征税）"


@dataclass(frozen=True)
class InvoiceParts:
    prepaid: Fen  # paid with stored value: no VAT invoice
    invoiceable: Fen  # paid with cash, bank card, wallets: the customer may ask for an invoice


def split_totals(sales: Fen, prepaid: Fen) -> InvoiceParts:
    """A day's net sales (refunds deducted) in its two parts, as head office reports them."""
    return InvoiceParts(prepaid, sales - prepaid)


def split_sale(total: Fen, paid_by_stored_value: Fen) -> InvoiceParts:
    """A sale's total in its two parts; cash handed over beyond the total is change, not sale."""
    prepaid = min(max(paid_by_stored_value, ZERO), max(total, ZERO))
    return InvoiceParts(prepaid, total - prepaid)
