"""The sale and refund use cases under their first name, for callers not yet moved to them."""

from __future__ import annotations

from frontdesk.domain.tenders import STORED_VALUE, TENDER_KINDS, Payment
from frontdesk.services.accounts import account_of
from frontdesk.services.refund import RefundResult, refund, refund_amount
from frontdesk.services.sale import Quote, SaleItem, SaleResult, checkout, quote

__all__ = [
    "STORED_VALUE",
    "TENDER_KINDS",
    "Payment",
    "Quote",
    "RefundResult",
    "SaleItem",
    "SaleResult",
    "account_of",
    "checkout",
    "quote",
    "refund",
    "refund_amount",
]
