from dataclasses import replace
from datetime import date

import pytest

from frontdesk.domain import errors
from frontdesk.domain.members import (
    make_registration,
    mask_name,
    mask_phone,
    normalise_name,
    parse_name,
    parse_phone,
    same_person,
)
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import birthday_benefit_available, price_ticket
from frontdesk.domain.program import BirthdayWindow
from frontdesk.domain.stored_value import check_offline_cap, check_pin_strength
from tests.builders import PROGRAM, a_member, at, line


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


def test_a_name_of_50_characters_is_kept_and_51_are_refused_for_their_length() -> None:
    assert parse_name("  张" + "三" * 49 + "  ") == "张" + "三" * 49

    with pytest.raises(errors.NameTooLong) as refused:
        parse_name("张" * 51)

    assert refused.value.message == "姓名最多 50 个字符（现为 51 个）"


def test_a_10_kb_name_is_refused_as_too_long_not_as_missing() -> None:
    with pytest.raises(errors.NameTooLong) as refused:
        parse_name("王" * 10_240)

    assert refused.value.message_en == "A name has at most 50 characters (this one has 10240)"


def test_an_empty_name_is_refused_as_missing() -> None:
    with pytest.raises(errors.InvalidName):
        parse_name(" \u3000 ")


def test_names_are_compared_the_way_registration_kept_them() -> None:
    assert normalise_name("  李\u3000 娜 ") == "李 娜"
    assert same_person("138-0000-1111", " 李  娜", "13800001111", "李 娜")
    assert not same_person("13800001111", "李娜", "13800001111", "李 娜")
    assert not same_person("not a phone", "李 娜", "13800001111", "李 娜")


@pytest.mark.parametrize("pin", ["１３５７９０", "١٣٥٧٩٠", "13579０"])
def test_a_pin_of_full_width_or_other_script_digits_is_refused(pin: str) -> None:
    with pytest.raises(errors.WeakPin):
        check_pin_strength(pin, PROGRAM)


def test_a_pin_of_ascii_digits_is_accepted() -> None:
    check_pin_strength("135790", PROGRAM)


def test_the_birthday_benefit_is_available_in_the_window_once_a_year() -> None:
    today = date(2026, 11, 20)

    assert birthday_benefit_available(date(1990, 11, 3), None, today, PROGRAM)
    assert birthday_benefit_available(date(1990, 11, 3), 2025, today, PROGRAM)
    assert not birthday_benefit_available(date(1990, 11, 3), 2026, today, PROGRAM)
    assert not birthday_benefit_available(date(1990, 10, 3), None, today, PROGRAM)
    assert not birthday_benefit_available(None, None, today, PROGRAM)


@pytest.mark.parametrize("window", list(BirthdayWindow))
def test_pricing_gives_the_birthday_benefit_exactly_when_the_panel_says_it_is_there(
    window: BirthdayWindow,
) -> None:
    program = replace(PROGRAM, birthday_window=window)
    for day in (date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 9), date(2026, 11, 10)):
        member = a_member("gold", birthday=date(1990, 11, 3))

        priced = price_ticket([line("100.00")], member, program, day)

        assert priced.birthday_benefit == birthday_benefit_available(
            member.birthday, member.birthday_benefit_year, day, program
        )


def test_offline_a_card_spends_up_to_the_daily_cap_and_not_a_fen_more() -> None:
    cap = PROGRAM.offline_cap_per_card_per_day
    check_offline_cap(Fen(0), cap, PROGRAM)
    check_offline_cap(cap - Fen(100), Fen(100), PROGRAM)

    with pytest.raises(errors.OfflineCapExceeded) as refused:
        check_offline_cap(cap - Fen(100), Fen(101), PROGRAM)

    assert refused.value.details == {"cap": cap, "used": cap - Fen(100)}
