"""退卡 rules at the default numbers.

Sources: 《单用途商业预付卡管理办法（试行）》(商务部令 2012 年第 9 号): a named card's return
above ￥100 goes to a bank account in the holder's name, with the holder's identity recorded;
法释〔2025〕4号: what was consumed is valued in proportion to principal and bonus; GB 11643-1999
for the 居民身份证号码's check character.
"""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from frontdesk.config import DEFAULT_PROGRAM
from frontdesk.domain import errors
from frontdesk.domain.card_return import (
    BankAccountInvalid,
    BankAccountRequired,
    BankPayout,
    HolderNotMember,
    IdNumberInvalid,
    Payout,
    calculate,
    check_holder,
    mask_account,
    mask_id_number,
    payout_for,
)
from frontdesk.domain.ledger import Bucket, EntryKind
from frontdesk.domain.money import Fen
from frontdesk.domain.program_file import program_from_mapping
from frontdesk.domain.stored_value import split_spend
from tests.builders import PROGRAM

P, B = Bucket.PRINCIPAL, Bucket.BONUS


def program_toml_mapping() -> dict[str, Any]:
    return tomllib.loads(DEFAULT_PROGRAM.read_text(encoding="utf-8"))


def test_the_default_bank_threshold_is_the_100_yuan_of_the_2012_rules() -> None:
    assert PROGRAM.bank_refund_above == Fen.of("100.00")


def test_above_100_the_principal_must_go_to_a_bank_account() -> None:
    with pytest.raises(BankAccountRequired) as refused:
        payout_for(Fen.of("100.01"), PROGRAM.bank_refund_above, bank_given=False)

    assert "须转入会员本人银行账户" in refused.value.message
    assert payout_for(Fen.of("300.00"), PROGRAM.bank_refund_above, True) is Payout.BANK_TRANSFER


def test_at_or_below_100_it_is_cash_unless_the_member_asks_for_the_bank() -> None:
    assert payout_for(Fen.of("100.00"), PROGRAM.bank_refund_above, False) is Payout.CASH
    assert payout_for(Fen.of("60.00"), PROGRAM.bank_refund_above, False) is Payout.CASH
    assert payout_for(Fen.of("60.00"), PROGRAM.bank_refund_above, True) is Payout.BANK_TRANSFER


def test_a_program_may_lower_the_threshold_but_never_raise_it() -> None:
    data = program_toml_mapping()
    data["stored_value"]["bank_refund_above"] = "50.00"
    assert program_from_mapping(data).bank_refund_above == Fen.of("50.00")

    data["stored_value"]["bank_refund_above"] = "100.01"
    with pytest.raises(errors.DomainError, match="bank_refund_above"):
        program_from_mapping(data)


def test_the_calculation_shows_consumption_in_proportion_and_adds_up() -> None:
    # ￥1,000 top-up brings ￥150 bonus; ￥230 spent proportionally takes ￥200 + ￥30.
    spent = split_spend(Fen.of("1000.00"), Fen.of("150.00"), Fen.of("230.00"), PROGRAM.spend_order)
    moves = [
        (EntryKind.TOPUP, P, 100_000),
        (EntryKind.BONUS, B, 15_000),
        (EntryKind.SPEND, P, -spent.principal.value),
        (EntryKind.SPEND, B, -spent.bonus.value),
        (EntryKind.EARN, Bucket.POINTS, 230),
    ]

    calc = calculate(moves, Fen.of("800.00"), Fen.of("120.00"))

    assert (calc.consumed_principal, calc.consumed_bonus) == (Fen.of("200.00"), Fen.of("30.00"))
    assert (calc.principal_refunded, calc.bonus_forfeited) == (Fen.of("800.00"), Fen.of("120.00"))
    assert calc.paid_in - calc.consumed_principal + calc.other_principal == calc.principal_refunded
    assert calc.bonus_given - calc.consumed_bonus + calc.other_bonus == calc.bonus_forfeited
    assert (calc.other_principal, calc.other_bonus) == (Fen(0), Fen(0))


def test_a_refund_to_the_card_lowers_what_was_consumed() -> None:
    moves = [
        (EntryKind.TOPUP, P, 10_000),
        (EntryKind.SPEND, P, -4_000),
        (EntryKind.REFUND, P, 1_000),
    ]

    calc = calculate(moves, Fen.of("70.00"), Fen(0))

    assert calc.consumed_principal == Fen.of("30.00")


def test_what_the_entries_here_do_not_explain_is_shown_as_other() -> None:
    calc = calculate([(EntryKind.TOPUP, P, 10_000)], Fen.of("80.00"), Fen(0))

    assert calc.other_principal == Fen.of("-20.00")


def test_the_account_is_in_the_members_own_name() -> None:
    check_holder("孙丽", "孙丽")
    check_holder("Li Na", "Li  Na")
    with pytest.raises(HolderNotMember):
        check_holder("李娜", "孙丽")


def test_account_and_id_numbers_are_checked_and_masked() -> None:
    bank = BankPayout.read(
        account="6222 0212 3456 7890 123",
        holder="孙丽",
        bank="工商银行",
        id_number="11010519491231002x",
    )

    assert bank.account == "6222021234567890123"
    assert bank.masked_account == "6222 **** 0123"
    assert bank.id_number == "11010519491231002X"
    assert bank.masked_id == "1101**********002X"
    assert mask_account("123") == "****"
    assert mask_id_number("1") == "****"


@pytest.mark.parametrize(
    "account", ["1234", "6222-abc-1234567", "１２３４５６７８９０１２３" + "x"]
)
def test_a_bank_account_that_is_not_12_to_30_digits_is_refused(account: str) -> None:
    with pytest.raises(BankAccountInvalid):
        BankPayout.read(
            account=account, holder="孙丽", bank="工商银行", id_number="11010519491231002X"
        )


@pytest.mark.parametrize(
    "number", ["110105194912310021", "11010519491231002", "A1010519491231002X"]
)
def test_an_id_number_with_a_wrong_check_character_or_shape_is_refused(number: str) -> None:
    with pytest.raises(IdNumberInvalid):
        BankPayout.read(
            account="6222021234567890123", holder="孙丽", bank="工商银行", id_number=number
        )
