"""Reading what the cashier typed into the member search."""

from __future__ import annotations

import pytest

from frontdesk.domain import errors
from frontdesk.domain.member_search import MemberQuery, MemberQueryKind, read_member_query


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1234", MemberQuery(MemberQueryKind.PHONE_TAIL, "1234")),
        ("１２３４", MemberQuery(MemberQueryKind.PHONE_TAIL, "1234")),  # full-width, from an IME
        ("138 1234 1234", MemberQuery(MemberQueryKind.PHONE, "13812341234")),
        ("+8613812341234", MemberQuery(MemberQueryKind.PHONE, "13812341234")),
        ("800101000000107", MemberQuery(MemberQueryKind.CARD, "800101000000107")),
        ("  张　三丰 ", MemberQuery(MemberQueryKind.NAME, "张 三丰")),
    ],
)
def test_a_search_is_read_as_a_phone_its_tail_a_card_or_a_name(
    typed: str, expected: MemberQuery
) -> None:
    assert read_member_query(typed) == expected


@pytest.mark.parametrize("typed", ["12345", "1381234123", "12812341234"])
def test_digits_that_can_be_none_of_them_are_refused(typed: str) -> None:
    with pytest.raises((errors.MemberSearchDigits, errors.InvalidPhone)):
        read_member_query(typed)


def test_a_misread_card_is_refused_before_any_lookup() -> None:
    with pytest.raises(errors.InvalidCardNumber):
        read_member_query("800101000000108")


def test_an_empty_search_asks_for_something_to_search() -> None:
    with pytest.raises(errors.MemberSearchEmpty):
        read_member_query("   ")
