"""What a scanned or typed code is: card, product, receipt, phone or payment code — or refused."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import ClassVar

from frontdesk.domain.cards import looks_like_card_number, luhn_valid
from frontdesk.domain.errors import DomainError
from frontdesk.domain.members import parse_phone
from frontdesk.domain.numbering import store_digits

# R + store (3, or 5 above store 999) + till (2) + serial (7): the number printed (and barcoded) on
# every receipt, so a refund starts by scanning it.
RECEIPT_NO = re.compile(r"R(\d{3}|\d{5})(\d{2})(\d{7})")

# 挂单号: G + the held ticket's number, typed (G3) or scanned (G000003); it recalls that ticket.
HELD_NO = re.compile(r"[Gg]([0-9]{1,6})")

# Printable ASCII only: a scanner sends codes, and a control byte or a multi-byte character in a
# frame means line noise or a wrong baud rate.
_PRINTABLE = re.compile(r"[\x20-\x7e]+")


# 付款码 shown by the customer's wallet: WeChat Pay 18 digits from 10–15, Alipay 16–24 digits from
# 25–30 (the wallets' published code ranges); the till only carries them into the reference.
_PAYMENT_CODE = re.compile(r"1[0-5]\d{16}|(2[5-9]|30)\d{14,22}")


def held_barcode(held_no: int) -> str:
    """The 挂单号 as the held-ticket slip barcodes it (G000003); scanned, it recalls the ticket."""
    return f"G{held_no:06d}"


class ScanKind(Enum):
    MEMBER_CARD = "member_card"
    PRODUCT = "product"
    RECEIPT_NUMBER = "receipt_number"
    PHONE = "phone"  # a member's mobile number, typed to find them (DOMAIN §1: 1[3-9] + 9 digits)
    PAYMENT_CODE = "payment_code"  # a wallet's 付款码, the reference of a WeChat/Alipay payment
    HELD_TICKET = "held_ticket"  # a held ticket's number (挂单号); the code is its digits


class Symbology(Enum):
    EAN13 = "EAN-13"
    EAN8 = "EAN-8"
    UPCA = "UPC-A"


@dataclass(frozen=True)
class Scan:
    kind: ScanKind
    code: str
    symbology: Symbology | None = None


class ScanRefused(DomainError):
    """A frame that is no code the till knows; the cashier sees why and nothing happens."""

    key: ClassVar[str] = "scan_refused"


def gtin_check_digit(payload: str) -> str:
    """The GS1 mod-10 check digit shared by EAN-13, EAN-8 and UPC-A (weights 3,1 from the right)."""
    total = sum(int(ch) * (3 if i % 2 == 0 else 1) for i, ch in enumerate(reversed(payload)))
    return str((10 - total % 10) % 10)


def gtin_valid(code: str) -> bool:
    return code.isdigit() and len(code) >= 2 and gtin_check_digit(code[:-1]) == code[-1]


def is_receipt_number(text: str) -> bool:
    return RECEIPT_NO.fullmatch(text) is not None


def make_receipt_number(store: int, till: int, serial: int) -> str:
    if not (0 <= till <= 99 and 0 <= serial <= 9_999_999):
        raise ValueError("till or serial out of range for a receipt number")
    return f"R{store_digits(store)}{till:02d}{serial:07d}"


_PRODUCT_LENGTHS = {13: Symbology.EAN13, 8: Symbology.EAN8, 12: Symbology.UPCA}


def _shown(frame: str) -> str:
    # Show what arrived without letting control bytes or a huge frame reach the status bar.
    text = "".join(ch if ch.isprintable() else "?" for ch in frame)
    return text if len(text) <= 24 else text[:21] + "..."


def _refuse(frame: str, reason: str) -> ScanRefused:
    """`reason` is a code of the catalogue's ScanProblem vocabulary."""
    return ScanRefused(shown=_shown(frame), reason=reason)


def _phone(code: str) -> str | None:
    try:
        return parse_phone(code)
    except DomainError:
        return None


def _scale_label(code: str) -> bool:
    from frontdesk.domain.scale_codes import read_scale_code  # it reads the check digit here

    return len(code) == 18 and read_scale_code(code) is not None


def classify(frame: str) -> Scan:
    """Tell what a whole frame is; raise ScanRefused for anything else, before any lookup."""
    code = frame.strip()
    if not code:
        raise _refuse(frame, "empty")
    if not _PRINTABLE.fullmatch(code):
        raise _refuse(frame, "invalid_characters")
    if is_receipt_number(code):
        return Scan(ScanKind.RECEIPT_NUMBER, code)
    held = HELD_NO.fullmatch(code)
    if held is not None:
        return Scan(ScanKind.HELD_TICKET, str(int(held.group(1))))
    if looks_like_card_number(code):
        if not luhn_valid(code):
            raise _refuse(frame, "card_check_digit")
        return Scan(ScanKind.MEMBER_CARD, code)
    if _scale_label(code):
        return Scan(ScanKind.PRODUCT, code)  # 称重条码: before the 付款码 it may look like
    if _PAYMENT_CODE.fullmatch(code):
        return Scan(ScanKind.PAYMENT_CODE, code)
    phone = _phone(code)
    if phone is not None:
        return Scan(ScanKind.PHONE, phone)
    if code.isdigit() and len(code) in _PRODUCT_LENGTHS:
        if not gtin_valid(code):
            raise _refuse(frame, "product_check_digit")
        return Scan(ScanKind.PRODUCT, code, _PRODUCT_LENGTHS[len(code)])
    raise _refuse(frame, "unknown_shape")
