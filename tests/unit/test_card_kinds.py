"""Card kinds and their caps.

Source: 《单用途商业预付卡管理办法（试行）》（商务部令 2012 年第 9 号）第十八条 (记名卡 and
不记名卡), 第十九条 (单张记名卡限额不得超过 5000 元，单张不记名卡限额不得超过 1000 元),
第二十条 (不记名卡不挂失).
"""

from __future__ import annotations

import tomllib

import pytest

from frontdesk.config import DEFAULT_PROGRAM
from frontdesk.domain import errors
from frontdesk.domain.cards import (
    CardAction,
    CardKind,
    bearer_phone,
    card_kind,
    check_kind_allows,
)
from frontdesk.domain.money import Fen
from frontdesk.domain.program import ProgramInvalid
from frontdesk.domain.program_file import program_from_mapping
from frontdesk.domain.stored_value import check_balance_cap, topup_allowance
from tests.builders import PROGRAM


def _raw() -> dict[str, dict[str, object]]:
    return tomllib.loads(DEFAULT_PROGRAM.read_text(encoding="utf-8"))


def test_banfa_art19_caps_ship_as_defaults_named_5000_bearer_1000() -> None:
    assert PROGRAM.cap_for(CardKind.NAMED) == Fen.of("5000.00")
    assert PROGRAM.cap_for(CardKind.BEARER) == Fen.of("1000.00")
    data = _raw()
    assert data["stored_value"]["balance_cap"] == "5000.00"
    assert data["stored_value"]["bearer_card_cap"] == "1000.00"


def test_banfa_art19_a_bearer_top_up_over_1000_is_refused_with_what_still_fits() -> None:
    with pytest.raises(errors.BalanceCapExceeded) as refused:
        check_balance_cap(Fen(0), Fen.of("1000.00"), PROGRAM, CardKind.BEARER)
    # ￥940 + its ￥60 bonus is exactly ￥1,000.
    assert refused.value.message == (
        "充值后不记名卡余额将超过单卡限额 ￥1,000.00（含赠金），本次最多可充值 ￥940.00"
    )
    check_balance_cap(Fen(0), Fen.of("940.00"), PROGRAM, CardKind.BEARER)
    assert topup_allowance(Fen.of("950.00"), PROGRAM, CardKind.BEARER) == Fen.of("50.00")
    # The same ￥1,000 fits a named card: the cap is the kind's, not one for all cards.
    check_balance_cap(Fen(0), Fen.of("1000.00"), PROGRAM, CardKind.NAMED)


@pytest.mark.parametrize(
    ("key", "value"), [("balance_cap", "5000.01"), ("bearer_card_cap", "1000.01")]
)
def test_banfa_art19_a_cap_above_the_law_is_refused_at_load(key: str, value: str) -> None:
    data = _raw()
    data["stored_value"][key] = value
    with pytest.raises(ProgramInvalid) as refused:
        program_from_mapping(data)
    assert refused.value.field == f"stored_value.{key}"
    assert "第十九条" in refused.value.message


def test_banfa_art19_a_chain_may_set_a_lower_bearer_cap_and_an_old_file_gets_the_law() -> None:
    data = _raw()
    data["stored_value"]["bearer_card_cap"] = "500.00"
    assert program_from_mapping(data).cap_for(CardKind.BEARER) == Fen.of("500.00")
    del data["stored_value"]["bearer_card_cap"]
    assert program_from_mapping(data).cap_for(CardKind.BEARER) == Fen.of("1000.00")


def test_banfa_art18_a_bearer_account_names_nobody_and_is_known_by_its_row() -> None:
    assert card_kind(bearer_phone("m1")) is CardKind.BEARER
    assert card_kind("13800001111") is CardKind.NAMED
    assert card_kind(None) is CardKind.NAMED


NOT_FOR_BEARER = [CardAction.REPORT_LOST, CardAction.UNREPORT, CardAction.REPLACE]


@pytest.mark.parametrize("action", NOT_FOR_BEARER)
def test_banfa_art20_a_bearer_card_is_never_reported_lost_nor_replaced(action: CardAction) -> None:
    with pytest.raises(errors.BearerCardRefused):
        check_kind_allows(CardKind.BEARER, action)
    check_kind_allows(CardKind.NAMED, action)


@pytest.mark.parametrize("action", [CardAction.FREEZE, CardAction.RETURN])
def test_banfa_a_bearer_card_may_be_frozen_and_returned(action: CardAction) -> None:
    check_kind_allows(CardKind.BEARER, action)
