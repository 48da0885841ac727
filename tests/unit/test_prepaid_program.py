"""The program's prepaid-card settings: defaults with their sources, and what is refused."""

from __future__ import annotations

import tomllib

import pytest

from frontdesk.config import DEFAULT_PROGRAM, load_program
from frontdesk.domain.money import Fen
from frontdesk.domain.program import ProgramInvalid, SpendOrder
from frontdesk.domain.program_file import program_from_mapping


def _raw() -> dict[str, object]:
    return tomllib.loads(DEFAULT_PROGRAM.read_text(encoding="utf-8"))


def test_the_named_card_cap_of_the_2012_rules_ships_as_the_default() -> None:
    """《单用途商业预付卡管理办法（试行）》第十九条: 记名卡单张限额不得超过 5000 元."""
    assert load_program().balance_cap == Fen.of("5000.00")


def test_principal_first_is_refused_because_it_leaves_nothing_to_refund() -> None:
    """法释〔2025〕4号 values consumption in proportion to principal and bonus."""
    data = _raw()
    data["stored_value"]["spend_order"] = "principal_first"  # type: ignore[index]

    with pytest.raises(ProgramInvalid) as refused:
        program_from_mapping(data, "shop.toml")

    assert refused.value.field == "stored_value.spend_order"
    assert "法释〔2025〕4号" in str(refused.value)


def test_bonus_first_keeps_principal_for_a_refund_and_is_allowed() -> None:
    data = _raw()
    data["stored_value"]["spend_order"] = "bonus_first"  # type: ignore[index]

    assert program_from_mapping(data).spend_order is SpendOrder.BONUS_FIRST


def test_a_program_published_before_the_cap_existed_still_loads_with_the_legal_default() -> None:
    data = _raw()
    del data["stored_value"]["balance_cap"]  # type: ignore[attr-defined]

    assert program_from_mapping(data).balance_cap == Fen.of("5000.00")
