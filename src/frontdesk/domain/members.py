"""Member registration rules: mainland phone format, consents, masking."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from frontdesk.domain import errors

_PHONE = re.compile(r"1[3-9]\d{9}")


def parse_phone(text: str) -> str:
    phone = text.strip().replace(" ", "").replace("-", "")
    if phone.startswith("+86"):
        phone = phone[3:]
    if not _PHONE.fullmatch(phone):
        raise errors.InvalidPhone(phone=text.strip())
    return phone


def mask_phone(phone: str) -> str:
    """138****1234: what a cashier sees (DOMAIN §7)."""
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 7 else "****"


def mask_name(name: str) -> str:
    """张*丰 / 张*: the name as printed on cards and receipts."""
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


NAME_LIMIT = 50  # characters, as the member card and the receipt have room for a name


def normalise_name(text: str) -> str:
    """A name as kept and compared: runs of any whitespace (full-width too) as one space."""
    return " ".join(text.split())


def parse_name(text: str) -> str:
    name = normalise_name(text)
    if not name:
        raise errors.InvalidName()
    if len(name) > NAME_LIMIT:
        raise errors.NameTooLong(limit=NAME_LIMIT, length=len(name))
    return name


def same_person(phone: str, name: str, member_phone: str, member_name: str) -> bool:
    """补卡's identity check: the phone and the name the member gives match the registration.

    Both are read the way registration read them; a phone that cannot be one never matches.
    """
    try:
        same_phone = parse_phone(phone) == member_phone
    except errors.DomainError:
        return False
    return same_phone and normalise_name(name) == member_name


@dataclass(frozen=True)
class Registration:
    """What the counter collects; consents are separate and timestamped (PIPL)."""

    phone: str
    name: str
    birthday: date | None
    gender: str | None
    consent_terms_at: datetime
    consent_marketing_at: datetime | None
    recruiter: str
    store: str


def make_registration(
    *,
    phone: str,
    name: str,
    birthday: date | None,
    gender: str | None,
    consent_terms: bool,
    consent_marketing: bool,
    recruiter: str,
    store: str,
    now: datetime,
) -> Registration:
    if not consent_terms:
        raise errors.ConsentRequired()
    if birthday is not None and (birthday > now.date() or birthday.year < 1900):
        raise errors.BirthdayInvalid(birthday=birthday.isoformat())
    if gender not in (None, "F", "M"):
        raise ValueError("gender is F, M or unset")
    return Registration(
        phone=parse_phone(phone),
        name=parse_name(name),
        birthday=birthday,
        gender=gender,
        consent_terms_at=now,
        consent_marketing_at=now if consent_marketing else None,
        recruiter=recruiter,
        store=store,
    )
