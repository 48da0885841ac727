"""Rules of provisioning a till: the enrolment code's shape, and whether a till is too old."""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontdesk.domain import errors


class EnrolmentCodeMalformed(errors.DomainError):
    key = "enrolment_code_malformed"


class EnrolmentCodeInvalid(errors.DomainError):
    key = "enrolment_code_invalid"


class EnrolmentUnreachable(errors.DomainError):
    """Head office did not answer (address, network, TLS): the code is still unused."""

    key = "hq_unreachable_enrol"
    exit_code = 1


class TillTooOld(errors.DomainError):
    """Head office serves no till older than its minimum: the till must be updated first."""

    key = "till_too_old"


class VersionMalformed(errors.DomainError):
    key = "version_malformed"


# 001-01 or 12345-03 (DOMAIN's till ids), a dot, then the secret head office made.
_CODE = re.compile(r"(?P<store>\d{3,5})-(?P<till>\d{2})\.(?P<secret>[A-Za-z0-9_-]{16,64})")


@dataclass(frozen=True)
class EnrolmentCode:
    store_no: str
    till_id: str
    secret: str

    def __str__(self) -> str:
        return f"{self.till_id}.{self.secret}"


def parse_enrolment_code(text: str) -> EnrolmentCode:
    """The code as typed (spaces forgiven); refused when it cannot be one."""
    found = _CODE.fullmatch("".join(text.split()))
    if found is None:
        raise EnrolmentCodeMalformed()
    store, till = found.group("store"), found.group("till")
    return EnrolmentCode(store, f"{store}-{till}", found.group("secret"))


def parse_version(text: str) -> tuple[int, ...]:
    """1.2.10 as (1, 2, 10), compared number by number (1.10 is newer than 1.9)."""
    parts = text.strip().split(".")
    if not parts or not all(p.isdigit() for p in parts) or len(parts) > 4:
        raise VersionMalformed(version=text.strip())
    return tuple(int(p) for p in parts)


def check_version(mine: str, minimum: str) -> None:
    """Refuses a till older than head office's minimum; equal or newer is served."""
    have, need = parse_version(mine), parse_version(minimum)
    width = max(len(have), len(need))
    if have + (0,) * (width - len(have)) < need + (0,) * (width - len(need)):
        raise TillTooOld(version=mine, minimum=minimum)
