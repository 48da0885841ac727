from datetime import date

import pytest

from frontdesk.domain import errors
from frontdesk.domain.members import make_registration, mask_name, mask_phone, parse_phone
from tests.builders import at


@pytest.mark.parametrize("phone", ["13800001111", "+86 138-0000-1111", "19912345678"])
def test_mainland_mobile_numbers_are_accepted(phone: str) -> None:
    assert parse_phone(phone).startswith("1")


@pytest.mark.parametrize("phone", ["12800001111", "1380000111", "138000011112", "abc"])
def test_other_numbers_are_refused(phone: str) -> None:
    with pytest.raises(errors.InvalidPhone):
        parse_phone(phone)


def test_phones_and_names_are_masked_for_cashiers() -> None:
    assert mask_phone("13812341234") == "138****1234"
    assert mask_name("张三丰") == "张*丰"


def test_registration_needs_terms_consent_and_timestamps_both_consents() -> None:
    with pytest.raises(errors.ConsentRequired):
        make_registration(
            phone="13800001111",
            name="张伟",
            birthday=None,
            gender=None,
            consent_terms=False,
            consent_marketing=True,
            recruiter="1001",
            store="001",
            now=at(2026, 1, 1),
        )

    reg = make_registration(
        phone="13800001111",
        name="张伟",
        birthday=date(1990, 1, 1),
        gender="M",
        consent_terms=True,
        consent_marketing=False,
        recruiter="1001",
        store="001",
        now=at(2026, 1, 1),
    )

    assert reg.consent_terms_at == at(2026, 1, 1)
    assert reg.consent_marketing_at is None
    assert reg.recruiter == "1001"
