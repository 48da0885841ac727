"""Receipts (小票) built from what the use cases return: sale, refund, top-up, 补卡, 退卡, 交班.

Pure functions: the caller passes the result, the names to print and the program; the ledger
entries of a ticket are passed in where a result does not carry the bucket or points split.
"""

from frontdesk.services.receipts.cards import card_return_receipt, reissue_receipt
from frontdesk.services.receipts.held import held_slip
from frontdesk.services.receipts.parts import FOOTER, OFFLINE_NOTICE, SAVING_KINDS, Moved, Printed
from frontdesk.services.receipts.past import ticket_receipt
from frontdesk.services.receipts.sales import refund_receipt, sale_receipt, topup_receipt
from frontdesk.services.receipts.shift import report_from_summary, shift_receipt

__all__ = [
    "FOOTER",
    "OFFLINE_NOTICE",
    "SAVING_KINDS",
    "Moved",
    "Printed",
    "card_return_receipt",
    "held_slip",
    "refund_receipt",
    "reissue_receipt",
    "report_from_summary",
    "sale_receipt",
    "shift_receipt",
    "ticket_receipt",
    "topup_receipt",
]
