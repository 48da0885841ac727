"""Tenders: what a sale is paid with, the reference a card or app payment needs, settlement."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from frontdesk.domain import errors
from frontdesk.domain.money import ZERO, Fen, total


class TenderKind(Enum):
    """What a ticket is paid with: the one vocabulary of tenders (window, CLI, receipts)."""

    CASH = "cash"
    STORED_VALUE = "stored_value"
    BANK_CARD = "bank_card"
    WECHAT = "wechat"
    ALIPAY = "alipay"
    BANK_TRANSFER = "bank_transfer"  # a 退卡 principal paid to the member's own bank account

    @property
    def label(self) -> str:
        """The Chinese name; `messages.label(kind, lang)` gives it in any language."""
        from frontdesk.domain import messages  # the catalogue renders; tenders only name

        return messages.label(self)


STORED_VALUE = TenderKind.STORED_VALUE.value
CASH = TenderKind.CASH.value
# What a customer can pay with at the counter; stored value is spent, never bought with itself.
PAID_TENDERS = tuple(
    k.value for k in (TenderKind.CASH, TenderKind.BANK_CARD, TenderKind.WECHAT, TenderKind.ALIPAY)
)
TENDER_KINDS = (STORED_VALUE, *PAID_TENDERS)
# A payment made on another system is only traceable by that system's transaction reference.
NEEDS_REFERENCE = tuple(k for k in PAID_TENDERS if k != CASH)


@dataclass(frozen=True)
class Payment:
    """A tender as the cashier enters it."""

    kind: str
    amount: Fen  # for cash: what the customer handed over (change is given back)
    reference: str | None = None


@dataclass(frozen=True)
class Tender:
    """A tender as the till keeps it on the ticket."""

    kind: str  # stored_value | cash | bank_card | wechat | alipay
    amount: Fen  # kept by the till; negative when the till pays out
    change: Fen = ZERO
    reference: str | None = None


@dataclass(frozen=True)
class Settlement:
    tenders: tuple[Tender, ...]
    change: Fen


def check_topup_tender(kind: str) -> None:
    """A top-up buys stored value: it is paid with money, never with the stored value itself."""
    if kind not in PAID_TENDERS:
        raise errors.TopupTenderRefused(tender=kind)


def check_reference(kind: str, reference: str | None) -> None:
    """A bank card, WeChat or Alipay payment is refused without its transaction reference."""
    if kind in NEEDS_REFERENCE and not (reference or "").strip():
        raise errors.ReferenceRequired(tender=kind)


def settle(payments: Sequence[Payment], due: Fen) -> Settlement:
    """The tenders the till keeps and the change; refuses anything that does not add up.

    Only cash gives change, so the other tenders together may not exceed what is due; all cash
    handed over becomes one cash tender of what was kept, after the other tenders.
    """
    for p in payments:
        if p.kind not in TENDER_KINDS:
            raise ValueError(f"unknown tender {p.kind}")
        if p.amount.value <= 0:
            raise errors.InvalidAmount(amount=str(p.amount))
        check_reference(p.kind, p.reference)
    non_cash = total([p.amount for p in payments if p.kind != CASH])
    cash = total([p.amount for p in payments if p.kind == CASH])
    if non_cash > due:
        raise errors.ChangeOnlyFromCash()
    if non_cash + cash < due:
        raise errors.TenderMismatch(paid=str(non_cash + cash), due=str(due))
    change = non_cash + cash - due
    tenders = [Tender(p.kind, p.amount, ZERO, p.reference) for p in payments if p.kind != CASH]
    if cash.value:
        tenders.append(Tender(CASH, cash - change, change))
    return Settlement(tuple(tenders), change)


def stored_value_paid(payments: Sequence[Payment]) -> Fen:
    return total([p.amount for p in payments if p.kind == STORED_VALUE])
