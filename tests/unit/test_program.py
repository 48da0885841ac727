import copy
import dataclasses
import tomllib
from pathlib import Path
from typing import Any

import pytest

from frontdesk.config import DEFAULT_PROGRAM, load_program
from frontdesk.domain.counter_rules import CounterRules, SameScan
from frontdesk.domain.money import Fen
from frontdesk.domain.permissions import ApprovalRules, Operation
from frontdesk.domain.program import Program, ProgramInvalid, SpendOrder
from frontdesk.domain.program_fields import FIELDS
from frontdesk.domain.program_file import program_from_mapping


def test_the_shipped_program_carries_the_domain_defaults() -> None:
    p = load_program()

    assert [t.code for t in p.tiers] == ["normal", "silver", "gold", "diamond"]
    assert p.reissue_fee == Fen.of("38.00")
    assert p.offline_cap_per_card_per_day == Fen.of("300.00")
    assert p.spend_order is SpendOrder.PROPORTIONAL
    assert (p.redemption_block_points, p.redemption_block_value) == (10_000, Fen.of("200.00"))
    assert p.pin_max_tries == 5


def _raw() -> dict[str, Any]:
    return tomllib.loads(DEFAULT_PROGRAM.read_text(encoding="utf-8"))


def _refused(data: dict[str, Any], source: str = "shop.toml") -> ProgramInvalid:
    with pytest.raises(ProgramInvalid) as caught:
        program_from_mapping(data, source)
    return caught.value


def test_a_bad_field_is_refused_naming_the_file_the_field_and_the_reason() -> None:
    data = _raw()
    data["tiers"][2]["pay_rate"] = 0.9

    refused = _refused(data)

    assert refused.field == "tiers[2].pay_rate"
    assert refused.message.startswith(
        "方案文件有误：shop.toml，tiers[2].pay_rate：应为文本形式的小数"
    )
    assert refused.message_en.startswith("The program file is invalid: shop.toml, tiers[2]")
    assert refused.exit_code == 2


def _spoil(path: str, value: Any = None, *, delete: bool = False) -> dict[str, Any]:
    """The shipped program with one value changed, e.g. _spoil("tiers.3.min_single_ticket", …)."""
    data = copy.deepcopy(_raw())
    *parents, last = path.split(".")
    node: Any = data
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    key: Any = int(last) if last.isdigit() else last
    if delete:
        del node[key]
    else:
        node[key] = value
    return data


# Each case: what is changed, the field named, and words of the Chinese reason.
REFUSALS = {
    "a misspelt key": (_spoil("tier.hold_monthz", 6), "tier.hold_monthz", "未知的设置项"),
    "a misspelt section": (_spoil("tierz", {"hold_months": 6}), "tierz", "未知的段落"),
    "a misspelt tier key": (_spoil("tiers.1.pay_rat", "0.9"), "tiers[1].pay_rat", "未知的设置项"),
    "a misspelt bonus key": (
        _spoil("stored_value.topup_bonus.0.bonux", "1.00"),
        "stored_value.topup_bonus[0].bonux",
        "未知的设置项",
    ),
    "a missing section": (_spoil("pin", delete=True), "pin", "缺少此段"),
    "a missing key": (_spoil("pin.length", delete=True), "pin.length", "缺少此项"),
    "a bonus above its top-up": (
        _spoil("stored_value.topup_bonus.0.bonus", "1000.00"),
        "stored_value.topup_bonus[0].bonus",
        "赠送金额须低于其充值门槛 ￥100.00",
    ),
    "a bonus below the rule under it": (
        _spoil("stored_value.topup_bonus.2.bonus", "50.00"),
        "stored_value.topup_bonus[2].bonus",
        "赠送不能更少",
    ),
    "a diamond threshold below gold's": (
        _spoil("tiers.3.min_single_ticket", "10000.00"),
        "tiers[3].min_single_ticket",
        "须高于较低等级 tiers[2] 的门槛 ￥15,000.00",
    ),
    "points thresholds out of order": (
        _spoil("tiers.3.min_12m_points", 20000),
        "tiers[3].min_12m_points",
        "须高于较低等级",
    ),
    "a discount over 100 %": (_spoil("tiers.0.pay_rate", "1.5"), "tiers[0].pay_rate", "不超过 1"),
    "a pay rate of zero": (_spoil("tiers.0.pay_rate", "0"), "tiers[0].pay_rate", "应大于 0"),
    "a rate in exponent form": (
        _spoil("tiers.1.pay_rate", "9e-1"),
        "tiers[1].pay_rate",
        "应大于 0",
    ),
    "a birthday price above the tier's": (
        _spoil("tiers.1.birthday_pay_rate", "0.99"),
        "tiers[1].birthday_pay_rate",
        "生日折扣不能比平时少",
    ),
    "an amount in exponent form": (
        _spoil("card.reissue_fee", "1e5"),
        "card.reissue_fee",
        "金额格式不正确",
    ),
    "an amount in full-width digits": (
        _spoil("card.reissue_fee", "３８"),
        "card.reissue_fee",
        "金额格式不正确",
    ),
    "a negative amount": (_spoil("card.reissue_fee", "-1.00"), "card.reissue_fee", "不能为负数"),
    "a word for a number": (_spoil("pin.length", "six"), "pin.length", "应为整数"),
    "a choice not offered": (
        _spoil("birthday.window", "year"),
        "birthday.window",
        "应为 day, week, month 之一",
    ),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_a_program_that_makes_no_sense_is_refused_naming_field_and_reason(case: str) -> None:
    data, field, said = REFUSALS[case]

    refused = _refused(data)

    assert refused.field == field
    assert said in refused.message
    assert "{" not in refused.message_en


def test_bonus_rules_out_of_order_are_refused() -> None:
    data = _raw()
    data["stored_value"]["topup_bonus"].reverse()

    refused = _refused(data)

    assert "ascending" in refused.reason
    assert "从小到大" in refused.message


def test_member_day_may_be_left_out_and_means_none() -> None:
    assert (
        program_from_mapping(_spoil("member_day.day_of_month", delete=True)).member_day_of_month
        is None
    )


def test_every_program_setting_is_read_through_the_one_table() -> None:
    # A new setting (e.g. an [approvals] section) is a row in FIELDS, or it is never read.
    listed = {f.attribute.partition(".")[0] for f in FIELDS}
    fields = {f.name for f in dataclasses.fields(Program)} - {"tiers", "topup_bonuses"}

    assert listed == fields
    assert len({(f.section, f.key) for f in FIELDS}) == len(FIELDS)


def test_approvals_are_read_from_their_section_and_default_when_left_out() -> None:
    data = _raw()
    data["approvals"] = {"lifetime_minutes": 3, "distinct_approver": ["refund"]}

    rules = program_from_mapping(data).approvals
    refused = _refused(_spoil("approvals.distinct_approver", ["refnud"]))

    assert rules.lifetime_minutes == 3
    assert rules.distinct_approver == {Operation.REFUND}
    assert rules.max_tries == ApprovalRules().max_tries
    assert refused.field == "approvals.distinct_approver"


def test_a_file_that_is_not_toml_is_refused_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "program.toml"
    bad.write_text('[store]\nname = "店"\n[tiers\n', encoding="utf-8")

    with pytest.raises(ProgramInvalid) as caught:
        load_program(bad)

    assert caught.value.field == "(syntax)"
    assert "TOML 语法错误（第 3 行" in caught.value.message


@pytest.mark.parametrize(
    ("encoding", "said"),
    [
        ("gb18030", "文件是 GB18030/GBK 编码，不是 UTF-8"),
        ("utf-8-sig", "BOM"),
        ("utf-16", "UTF-16"),
    ],
)
def test_a_file_in_another_encoding_is_named(tmp_path: Path, encoding: str, said: str) -> None:
    bad = tmp_path / "program.toml"
    bad.write_bytes(DEFAULT_PROGRAM.read_text(encoding="utf-8").encode(encoding))

    with pytest.raises(ProgramInvalid) as caught:
        load_program(bad)

    assert caught.value.field == "(encoding)"
    assert said in caught.value.message
    assert str(bad) in caught.value.message


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ProgramInvalid) as caught:
        load_program(tmp_path / "nope.toml")

    assert caught.value.message.endswith("(file)：找不到此文件")


def test_the_counter_section_is_read_validated_and_defaults_when_left_out() -> None:
    data = _raw()
    default = program_from_mapping(data).counter
    data["counter"] = {"confirm_topup_above": "300.00", "same_scan": "new_line"}

    rules = program_from_mapping(data).counter
    data["counter"] = {"confirm_over_short_above": "-5"}
    negative = _refused(data)
    data["counter"] = {"same_scan": "merge"}
    unknown = _refused(data)

    assert default == CounterRules()
    assert rules.confirm_topup_above == Fen(30_000)
    assert rules.same_scan is SameScan.NEW_LINE
    assert rules.discount_without_approval == CounterRules().discount_without_approval
    assert negative.field == "counter.confirm_over_short_above"
    assert unknown.field == "counter.same_scan"
