"""Settlement of mixed tenders and the reference rule, on the pure functions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontdesk.domain import errors
from frontdesk.domain.money import ZERO, Fen
from frontdesk.domain.tenders import (
    PAID_TENDERS,
    Payment,
    Tender,
    check_reference,
    settle,
)


def test_cash_over_the_amount_due_gives_change_after_the_other_tenders() -> None:
    settled = settle(
        [Payment("cash", Fen.of("100.00")), Payment("stored_value", Fen.of("20.00"))],
        Fen.of("88.50"),
    )

    assert settled.change == Fen.of("31.50")
    assert settled.tenders == (
        Tender("stored_value", Fen.of("20.00")),
        Tender("cash", Fen.of("68.50"), Fen.of("31.50")),
    )


def test_two_cash_payments_are_kept_as_one_cash_tender() -> None:
    settled = settle([Payment("cash", Fen(500)), Payment("cash", Fen(700))], Fen(1000))

    assert settled.tenders == (Tender("cash", Fen(1000), Fen(200)),)


def test_only_cash_gives_change() -> None:
    with pytest.raises(errors.ChangeOnlyFromCash):
        settle([Payment("wechat", Fen(1200), "WX1")], Fen(1000))


def test_tenders_short_of_the_amount_due_are_refused() -> None:
    with pytest.raises(errors.TenderMismatch):
        settle([Payment("cash", Fen(999))], Fen(1000))


@pytest.mark.parametrize("reference", [None, "", "   "])
@pytest.mark.parametrize("kind", ["bank_card", "wechat", "alipay"])
def test_card_and_app_payments_need_their_reference(kind: str, reference: str | None) -> None:
    with pytest.raises(errors.ReferenceRequired):
        settle([Payment(kind, Fen(1000), reference)], Fen(1000))


def test_cash_and_stored_value_need_no_reference() -> None:
    check_reference("cash", None)
    check_reference("stored_value", None)


def test_the_reference_is_kept_as_given() -> None:
    settled = settle([Payment("alipay", Fen(1000), " AP-77 ")], Fen(1000))

    assert settled.tenders == (Tender("alipay", Fen(1000), ZERO, " AP-77 "),)


@pytest.mark.parametrize("amount", [0, -100])
def test_a_tender_of_nothing_or_less_is_refused(amount: int) -> None:
    with pytest.raises(errors.InvalidAmount):
        settle([Payment("cash", Fen(amount))], Fen(0))


def test_an_unknown_tender_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown tender"):
        settle([Payment("cheque", Fen(100))], Fen(100))


payments = st.lists(
    st.tuples(st.sampled_from(["stored_value", *PAID_TENDERS]), st.integers(1, 100_000)).map(
        lambda kp: Payment(kp[0], Fen(kp[1]), "REF")
    ),
    max_size=5,
)


@given(payments, st.integers(0, 300_000))
def test_settlement_keeps_exactly_the_amount_due_or_refuses(
    paid: list[Payment], due_fen: int
) -> None:
    due = Fen(due_fen)
    non_cash = sum(p.amount.value for p in paid if p.kind != "cash")
    handed = sum(p.amount.value for p in paid)

    try:
        settled = settle(paid, due)
    except errors.ChangeOnlyFromCash:
        assert non_cash > due_fen
        return
    except errors.TenderMismatch:
        assert handed < due_fen
        return

    assert sum(t.amount.value for t in settled.tenders) == due_fen
    assert settled.change.value == handed - due_fen >= 0
    assert all(t.change == ZERO for t in settled.tenders if t.kind != "cash")
    assert [t.kind for t in settled.tenders].count("cash") <= 1
