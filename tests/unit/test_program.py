import tomllib
from pathlib import Path

import pytest

from frontdesk.config import DEFAULT_PROGRAM, load_program
from frontdesk.domain.money import Fen
from frontdesk.domain.program import ProgramInvalid, SpendOrder, program_from_mapping


def test_the_shipped_program_carries_the_domain_defaults() -> None:
    p = load_program()

    assert [t.code for t in p.tiers] == ["normal", "silver", "gold", "diamond"]
    assert p.reissue_fee == Fen.of("38.00")
    assert p.offline_cap_per_card_per_day == Fen.of("300.00")
    assert p.spend_order is SpendOrder.PROPORTIONAL
    assert (p.redemption_block_points, p.redemption_block_value) == (10_000, Fen.of("200.00"))
    assert p.pin_max_tries == 5


def _raw() -> dict[str, object]:
    return tomllib.loads(DEFAULT_PROGRAM.read_text(encoding="utf-8"))


def test_a_bad_field_is_refused_naming_the_file_the_field_and_the_reason() -> None:
    data = _raw()
    data["tiers"][2]["pay_rate"] = 0.9  # type: ignore[index]

    with pytest.raises(ProgramInvalid) as caught:
        program_from_mapping(data, "shop.toml")

    assert caught.value.field == "tiers[2].pay_rate"
    assert "shop.toml" in str(caught.value)


def test_a_missing_section_is_refused() -> None:
    data = _raw()
    del data["pin"]

    with pytest.raises(ProgramInvalid, match="pin: missing"):
        program_from_mapping(data)


def test_bonus_rules_out_of_order_are_refused() -> None:
    data = _raw()
    data["stored_value"]["topup_bonus"].reverse()  # type: ignore[index]

    with pytest.raises(ProgramInvalid, match="ascending"):
        program_from_mapping(data)


def test_a_file_that_is_not_toml_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "program.toml"
    bad.write_text("[tiers\n", encoding="utf-8")

    with pytest.raises(ProgramInvalid, match="syntax"):
        load_program(bad)
