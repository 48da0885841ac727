"""A member's personal fields sealed with the member's key: they open only as and where sealed.

Source: 个人信息保护法 第五十一条 (encryption as a security measure) and 第四十七条 (erasure: the
member's key destroyed, every sealed copy unreadable).
"""

from __future__ import annotations

import base64

import pytest

from frontdesk.domain.erasure import ERASED_NAME, erased_phone
from frontdesk.persistence.member_keys import PREFIX, new_key
from frontdesk.persistence.member_personal import (
    FIELDS,
    Personal,
    SealBroken,
    open_row,
    phone_key,
    seal_row,
    tail_key,
    tail_key_of_digits,
)

LOOKUP = bytes(range(32))
ZHANG = Personal("张伟", "13800001111", "1990-05-06", "m")


def _sealed(row: dict[str, str | None]) -> list[str | None]:
    return [row[f] for f in FIELDS]


def _flip_a_bit(sealed: str) -> str:
    raw = bytearray(base64.b64decode(sealed[len(PREFIX) :]))
    raw[-1] ^= 1
    return PREFIX + base64.b64encode(bytes(raw)).decode()


def test_a_sealed_row_holds_no_plaintext_and_opens_back_to_the_same_fields() -> None:
    key = new_key()

    row = seal_row(key, LOOKUP, "m-1", ZHANG)

    assert all(str(v).startswith(PREFIX) for v in _sealed(row))
    assert not any(text in repr(row) for text in ("张伟", "13800001111", "1990-05-06", "1111"))
    assert open_row(key, "m-1", _sealed(row)) == ZHANG


def test_a_tampered_sealed_name_is_refused() -> None:
    key = new_key()
    row = seal_row(key, LOOKUP, "m-1", ZHANG)
    row["name"] = _flip_a_bit(str(row["name"]))

    with pytest.raises(SealBroken):
        open_row(key, "m-1", _sealed(row))


def test_a_field_moved_onto_another_member_does_not_open_even_under_the_same_key() -> None:
    key = new_key()  # the same key for both: only the binding to the member refuses it
    zhang = seal_row(key, LOOKUP, "m-1", ZHANG)
    li = seal_row(key, LOOKUP, "m-2", Personal("李娜", "13900002222", None, None))
    li["name"] = zhang["name"]

    with pytest.raises(SealBroken):
        open_row(key, "m-2", _sealed(li))


def test_a_field_moved_into_another_column_of_the_same_member_does_not_open() -> None:
    key = new_key()
    row = seal_row(key, LOOKUP, "m-1", ZHANG)
    row["name"], row["phone"] = row["phone"], row["name"]

    with pytest.raises(SealBroken):
        open_row(key, "m-1", _sealed(row))


def test_another_members_key_does_not_open_the_row() -> None:
    row = seal_row(new_key(), LOOKUP, "m-1", ZHANG)

    with pytest.raises(SealBroken):
        open_row(new_key(), "m-1", _sealed(row))


def test_a_destroyed_key_reads_as_the_erased_member() -> None:
    row = seal_row(new_key(), LOOKUP, "m-1", ZHANG)

    assert open_row(None, "m-1", _sealed(row)) == Personal(
        ERASED_NAME, erased_phone("m-1"), None, None
    )


def test_the_phone_key_is_of_the_normalised_phone_and_under_the_lookup_key() -> None:
    assert phone_key(LOOKUP, "+86 138-0000-1111") == phone_key(LOOKUP, "13800001111")
    assert phone_key(LOOKUP, "１３８００００１１１１") == phone_key(LOOKUP, "13800001111")
    assert phone_key(LOOKUP, "13800001111") != phone_key(LOOKUP, "13800001112")
    assert phone_key(bytes(32), "13800001111") != phone_key(LOOKUP, "13800001111")


def test_the_tail_key_finds_the_last_four_digits_and_a_phone_that_is_no_number_has_none() -> None:
    assert tail_key(LOOKUP, "13800001111") == tail_key_of_digits(LOOKUP, "1111")
    assert tail_key(LOOKUP, "13800001111") != phone_key(LOOKUP, "1111")  # its own label
    assert tail_key(LOOKUP, "bearer:0a1b2c3d") is None
    assert tail_key(LOOKUP, erased_phone("m-1")) is None
