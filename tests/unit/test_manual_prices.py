"""改价, 单品折扣 and 整单折扣 go into the one pricing; the program says what the member gets."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontdesk.domain import errors
from frontdesk.domain.approvals import ApprovalAction, required_approval
from frontdesk.domain.counter_rules import CounterRules, ManualMemberDiscount
from frontdesk.domain.money import ZERO, Fen, total
from frontdesk.domain.permissions import PERMISSIONS, Operation, Role
from frontdesk.domain.pricing import Discount, DiscountKind, price_ticket
from frontdesk.domain.record_chain import TICKET_FIELDS, ticket_hash
from frontdesk.domain.sale import sale_lines
from tests.builders import PROGRAM, a_member, line

TODAY = date(2026, 3, 3)  # no birthday, no member day
ON_TOP = replace(PROGRAM, counter=CounterRules(manual_member_discount=ManualMemberDiscount.ON_TOP))


def test_a_price_override_sells_the_line_at_the_cashiers_price() -> None:
    overridden = replace(line("12.00", 2), price=Fen.of("10.00"))

    priced = price_ticket([overridden, line("5.00")], None, PROGRAM, TODAY)

    assert priced.lines[0].gross == Fen.of("20.00")
    assert priced.lines[0].price == Fen.of("10.00")
    assert priced.lines[0].overridden
    assert priced.due == Fen.of("25.00")
    assert priced.manual_reduction == Fen.of("4.00")  # 2 × (12 − 10)
    assert priced.discounts == ()  # a lower price is no saving: the line says its list price


def test_by_default_a_line_priced_by_hand_gets_no_member_discount() -> None:
    by_hand = replace(line("100.00"), discount=Fen.of("10.00"))

    priced = price_ticket([by_hand, line("100.00")], a_member("gold"), PROGRAM, TODAY)

    assert [ln.member_discount for ln in priced.lines] == [ZERO, Fen.of("10.00")]
    assert priced.due == Fen.of("180.00")  # 90 by hand, 90 at 9折
    assert priced.discounts == (
        Discount(DiscountKind.LINE, Fen.of("10.00")),
        Discount(DiscountKind.TIER, Fen.of("10.00")),
    )


def test_a_program_may_give_the_member_discount_on_the_cashiers_price() -> None:
    by_hand = replace(line("100.00"), discount=Fen.of("10.00"))

    priced = price_ticket([by_hand], a_member("gold"), ON_TOP, TODAY)

    assert priced.lines[0].member_discount == Fen.of("9.00")  # 9折 of the 90 left
    assert priced.due == Fen.of("81.00")


def test_a_ticket_discount_comes_after_the_member_discount_and_is_shared_to_the_fen() -> None:
    lines = [line("10.00"), line("20.00"), line("3.33")]

    priced = price_ticket(lines, a_member("gold"), PROGRAM, TODAY, ticket_discount=Fen.of("1.00"))

    assert priced.discount(DiscountKind.TIER) == Fen.of("3.33")
    assert priced.due == Fen.of("29.00")  # 33.33 − 3.33 − 1.00
    assert total([ln.ticket_discount for ln in priced.lines]) == Fen.of("1.00")
    assert total([ln.net for ln in priced.lines]) == priced.due


def test_a_discount_larger_than_its_amount_is_refused() -> None:
    with pytest.raises(errors.DiscountTooLarge):
        price_ticket([replace(line("5.00"), discount=Fen.of("5.01"))], None, PROGRAM, TODAY)
    with pytest.raises(errors.DiscountTooLarge):
        price_ticket([line("5.00")], None, PROGRAM, TODAY, ticket_discount=Fen.of("5.01"))
    with pytest.raises(errors.InvalidAmount):
        price_ticket([replace(line("5.00"), price=Fen.of("-1.00"))], None, PROGRAM, TODAY)


@given(
    prices=st.lists(st.integers(1, 100_000), min_size=1, max_size=6),
    cut=st.integers(0, 100),
    tier=st.sampled_from(["normal", "silver", "gold", "diamond"]),
    on_top=st.booleans(),
)
def test_lines_always_add_up_to_what_is_due(
    prices: list[int], cut: int, tier: str, on_top: bool
) -> None:
    lines = [
        replace(line("1.00"), product=replace(line("1.00").product, unit_price=Fen(p)))
        for p in prices
    ]
    lines[0] = replace(lines[0], discount=Fen(prices[0] * cut // 100))
    program = ON_TOP if on_top else PROGRAM
    first = price_ticket(lines, a_member(tier), program, TODAY)
    ticket_discount = Fen(first.due.value * cut // 200)

    priced = price_ticket(lines, a_member(tier), program, TODAY, ticket_discount=ticket_discount)

    assert total([ln.net for ln in priced.lines]) == priced.due
    assert priced.gross - priced.savings == priced.due
    assert all(ln.net.value >= 0 for ln in priced.lines)


def test_above_the_counters_limit_a_manager_approves_the_whole_reduction() -> None:
    program = replace(PROGRAM, counter=CounterRules(discount_without_approval=Fen.of("10.00")))
    priced = price_ticket(
        [replace(line("30.00"), price=Fen.of("25.00"))],
        None,
        program,
        TODAY,
        ticket_discount=Fen.of("5.01"),
    )

    binding = required_approval(
        Operation.PRICE_OVERRIDE, "txn", priced.manual_reduction.value, program
    )

    assert binding is not None
    assert binding.action is ApprovalAction.PRICE_OVERRIDE
    assert binding.amount == 1001
    assert required_approval(Operation.PRICE_OVERRIDE, "txn", 1000, program) is None
    assert PERMISSIONS[Operation.MANUAL_PRICE].least_role is Role.CASHIER
    assert not PERMISSIONS[Operation.MANUAL_PRICE].approval


def test_a_line_sold_as_the_catalog_says_hashes_as_before_the_columns_existed() -> None:
    plain = sale_lines(price_ticket([line("5.00")], None, PROGRAM, TODAY))[0]
    row = {
        "line_no": plain.line_no,
        "barcode": plain.barcode,
        "name": plain.name,
        "unit_price": plain.unit_price.value,
        "quantity": plain.quantity,
        "gross": plain.gross.value,
        "member_discount": 0,
        "redemption": 0,
        "net": plain.net.value,
        "refund_of_line": None,
    }
    ticket = dict.fromkeys(TICKET_FIELDS)
    unset = {**row, "list_price": None, "line_discount": None, "ticket_discount": None}
    set_one = {**unset, "line_discount": 100}

    before = ticket_hash("T1", 1, ticket, [row], [], "0" * 64)

    assert ticket_hash("T1", 1, ticket, [unset], [], "0" * 64) == before
    assert ticket_hash("T1", 1, ticket, [set_one], [], "0" * 64) != before


def test_the_program_file_says_what_a_line_by_hand_gets_and_is_checked_at_load() -> None:
    from importlib.resources import files

    from frontdesk.domain.program import ProgramInvalid
    from frontdesk.domain.program_file import parse_program

    text = (files("frontdesk.resources") / "program.toml").read_text(encoding="utf-8")

    assert parse_program(text).counter == CounterRules()
    with pytest.raises(ProgramInvalid, match="manual_member_discount"):
        parse_program(
            text.replace('manual_member_discount = "none"', 'manual_member_discount = "x"')
        )
    with pytest.raises(ProgramInvalid, match="discount_without_approval"):
        parse_program(
            text.replace('discount_without_approval = "10.00"', 'discount_without_approval = "-1"')
        )
