"""The matching rule of the product search: what a cashier's text finds, and in what order."""

from __future__ import annotations

from frontdesk.domain.product_search import (
    BARCODE_EXACT,
    BARCODE_PREFIX,
    FULL_PART,
    FULL_PREFIX,
    INITIALS_PART,
    INITIALS_PREFIX,
    NAME_PART,
    NAME_PREFIX,
    best_matches,
    fold,
    match_rank,
    search_key,
)

RICE = search_key("6900000000026", "大米 5kg", ["da", "mi", " 5kg"])
NOODLES = search_key("6921234500017", "红烧牛肉面", ["hong", "shao", "niu", "rou", "mian"])
COLA = search_key("6954767412345", "可乐 Coca-Cola", ["ke", "le", " Coca-Cola"])


def test_a_key_takes_initials_from_chinese_syllables_and_keeps_other_text() -> None:
    assert (RICE.name, RICE.initials, RICE.full) == ("大米5kg", "dm5kg", "dami5kg")
    assert COLA.initials == "klcoca-cola"


def test_folding_ignores_case_and_spaces() -> None:
    assert fold(" Da Mi ") == "dami"


def test_each_way_of_finding_has_its_rank() -> None:
    assert match_rank(RICE, "6900000000026") == BARCODE_EXACT
    assert match_rank(RICE, "690000") == BARCODE_PREFIX
    assert match_rank(RICE, "大米") == NAME_PREFIX
    assert match_rank(RICE, "dm") == INITIALS_PREFIX
    assert match_rank(RICE, "dami") == FULL_PREFIX
    assert match_rank(NOODLES, "牛肉") == NAME_PART
    assert match_rank(NOODLES, "nr") == INITIALS_PART
    assert match_rank(NOODLES, "niurou") == FULL_PART


def test_a_barcode_matches_from_its_start_only() -> None:
    assert match_rank(RICE, "0026") is None
    assert match_rank(RICE, "") is None


def test_text_that_is_in_no_form_finds_nothing() -> None:
    assert match_rank(RICE, "xyz") is None
    assert match_rank(NOODLES, "dm") is None


def test_best_matches_start_with_the_closest_and_stop_at_the_limit() -> None:
    dumplings = search_key("1", "冻面点", ["dong", "mian", "dian"])
    rice_bag = search_key("2", "大米袋装 10kg", ["da", "mi", "dai", "zhuang", " 10kg"])
    keys = [NOODLES, rice_bag, dumplings, RICE]
    # every one starts with its initials dm; the shorter name comes first among equals
    assert best_matches(keys, "DM", 10) == [dumplings, RICE, rice_bag]
    assert best_matches(keys, "dm", 1) == [dumplings]
    assert best_matches(keys, "大米", 10) == [RICE, rice_bag]
