"""Refund rules on their own: line shares, tenders, stored-value buckets and points, exactly."""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontdesk.domain import errors
from frontdesk.domain.ledger import Bucket, EntryKind
from frontdesk.domain.money import ZERO, Fen
from frontdesk.domain.refund import RefundPlan, plan_refund, refund_lines, share
from frontdesk.domain.sale import TicketLine
from frontdesk.domain.tenders import Tender
from tests.unit.sale_strategies import Sale, Sold, sales


def a_line(line_no: int, quantity: int, net: int, redemption: int = 0) -> TicketLine:
    gross = net + redemption
    return TicketLine(line_no, f"69{line_no}", "商品", Fen(gross // quantity), quantity,
                      Fen(gross), ZERO, Fen(redemption), Fen(net))  # fmt: skip


def as_refund(plan: RefundPlan) -> Sold:
    return Sold(plan.lines, plan.tenders, -plan.amount)


def test_a_third_of_a_line_refunds_a_rounded_third_and_the_rest_the_remainder() -> None:
    sale = Sold((a_line(1, 3, 1000),), (Tender("cash", Fen(1000)),), Fen(1000))

    first = plan_refund(sale, [], {1: 1}, None, 2026)
    rest = plan_refund(sale, [as_refund(first)], None, None, 2026)

    assert first.amount == Fen(333)
    assert rest.amount == Fen(667)
    assert rest.wanted == {1: 2}
    assert first.lines[0].quantity == -1
    assert first.lines[0].refund_of_line == 1


def test_nothing_left_to_refund_is_refused() -> None:
    sale = Sold((a_line(1, 1, 500),), (Tender("cash", Fen(500)),), Fen(500))
    whole = plan_refund(sale, [], None, None, 2026)

    with pytest.raises(errors.NothingToRefund):
        refund_lines(sale, [as_refund(whole)], None)


@pytest.mark.parametrize("wanted", [{1: 3}, {2: 1}, {1: -1}])
def test_more_than_is_left_or_a_line_not_on_the_sale_is_refused(wanted: dict[int, int]) -> None:
    sale = Sold((a_line(1, 2, 500),), (Tender("cash", Fen(500)),), Fen(500))

    with pytest.raises(errors.RefundTooLarge):
        refund_lines(sale, [], wanted)


def test_money_goes_back_to_each_tender_in_proportion() -> None:
    sale = Sold(
        (a_line(1, 2, 1000),),
        (Tender("stored_value", Fen(600)), Tender("wechat", Fen(400), ZERO, "WX9")),
        Fen(1000),
    )

    plan = plan_refund(sale, [], {1: 1}, None, 2026)

    assert plan.tenders == (
        Tender("stored_value", Fen(-300)),
        Tender("wechat", Fen(-200), ZERO, "WX9"),
    )
    assert plan.moves == ()  # no member: nothing moves in the ledger


@given(st.integers(-(10**9), 10**9), st.integers(1, 1_000))
def test_a_share_of_the_whole_is_the_amount_and_of_nothing_is_nothing(
    amount: int, whole: int
) -> None:
    assert share(amount, whole, whole) == amount
    assert share(amount, 0, whole) == 0


@given(st.integers(0, 10**7), st.lists(st.integers(1, 20), min_size=1, max_size=8))
def test_running_shares_add_up_exactly_and_each_is_within_half_a_fen(
    amount: int, parts: list[int]
) -> None:
    whole = sum(parts)
    done = 0
    pieces = []
    for p in parts:
        pieces.append(share(amount, done + p, whole) - share(amount, done, whole))
        done += p
        assert abs(share(amount, done, whole) - Fraction(amount * done, whole)) <= Fraction(1, 2)

    assert sum(pieces) == amount
    assert all(piece >= 0 for piece in pieces)


def _sale_buckets(sale: Sale) -> Counter[str]:
    c: Counter[str] = Counter()
    for e in sale.entries:
        c["points" if e.bucket == "points" else e.bucket] += e.amount
    return c


def _plan_buckets(plans: list[RefundPlan]) -> Counter[str]:
    c: Counter[str] = Counter()
    for plan in plans:
        for m in plan.moves:
            c["points" if m.bucket is Bucket.POINTS else m.bucket.value] += m.amount
    return c


def _tenders(tenders: list[Tender]) -> Counter[str]:
    c: Counter[str] = Counter()
    for t in tenders:
        c[t.kind] += t.amount.value
    return c


@given(sales())
def test_a_whole_refund_moves_every_bucket_and_tender_back_exactly(sale: Sale) -> None:
    sold = sale.ticket

    plan = plan_refund(sold, [], None, sale.entries, 2026)

    assert plan.amount == sold.total
    assert +_plan_buckets([plan]) == +Counter({k: -v for k, v in _sale_buckets(sale).items()})
    back = _tenders(list(plan.tenders))
    paid = _tenders([t for t in sold.tenders if t.amount.value > 0])
    assert +back == +Counter({k: -v for k, v in paid.items()})
    assert plan.points_back == sold.redeemed_points - sold.points_earned
    for mine, theirs in zip(plan.lines, sold.lines, strict=True):
        assert (mine.quantity, mine.gross, mine.member_discount, mine.redemption, mine.net) == (
            -theirs.quantity, -theirs.gross, -theirs.member_discount, -theirs.redemption,
            -theirs.net,
        )  # fmt: skip


@st.composite
def sales_and_refunds(draw: st.DrawFn) -> tuple[Sale, list[dict[int, int] | None]]:
    """A sale and partial refunds of it, each within what is left, maybe then the rest."""
    sale = draw(sales())
    left = {ln.line_no: ln.quantity for ln in sale.ticket.lines}
    series: list[dict[int, int] | None] = []
    for _ in range(draw(st.integers(0, 6))):
        open_lines = [n for n, q in left.items() if q]
        if not open_lines:
            break
        chosen = draw(st.lists(st.sampled_from(open_lines), min_size=1, unique=True))
        wanted = {n: draw(st.integers(1, left[n])) for n in chosen}
        for n, q in wanted.items():
            left[n] -= q
        series.append(wanted)
    if any(left.values()) and draw(st.booleans()):
        series.append(None)
    return sale, series


@given(sales_and_refunds())
def test_partial_refunds_never_pay_back_more_than_the_sale_and_all_of_them_add_up_to_it(
    case: tuple[Sale, list[dict[int, int] | None]],
) -> None:
    sale, series = case
    sold = sale.ticket
    plans: list[RefundPlan] = []
    paid = [t for t in sold.tenders if t.amount.value > 0]

    for wanted in series:
        plans.append(plan_refund(sold, [as_refund(p) for p in plans], wanted, sale.entries, 2026))
        back = sum(p.amount.value for p in plans)
        assert 0 <= back <= sold.total.value
        # Shared over the tenders by largest remainder: each within a fen of its exact part.
        for t in paid:
            got = -sum(x.amount.value for p in plans for x in p.tenders if x.kind == t.kind)
            exact = Fraction(back * t.amount.value, sold.total.value)
            assert abs(got - exact) < 1

    everything = sum(sum(p.wanted.values()) for p in plans) == sum(ln.quantity for ln in sold.lines)
    if everything:
        assert sum(p.amount.value for p in plans) == sold.total.value
        assert +_plan_buckets(plans) == +Counter({k: -v for k, v in _sale_buckets(sale).items()})
        all_back = _tenders([x for p in plans for x in p.tenders])
        assert +all_back == +Counter({k: -v for k, v in _tenders(paid).items()})
        for ln in sold.lines:
            mine = [x for p in plans for x in p.lines if x.refund_of_line == ln.line_no]
            assert sum(x.net.value for x in mine) == -ln.net.value
            assert sum(x.gross.value for x in mine) == -ln.gross.value
            assert sum(x.redemption.value for x in mine) == -ln.redemption.value


@given(sales_and_refunds())
def test_refunded_stored_value_never_exceeds_what_each_bucket_gave(
    case: tuple[Sale, list[dict[int, int] | None]],
) -> None:
    sale, series = case
    sold = sale.ticket
    plans: list[RefundPlan] = []
    spent = {
        b: -sum(e.amount for e in sale.entries if e.kind == "spend" and e.bucket == b)
        for b in ("principal", "bonus")
    }

    for wanted in series:
        plans.append(plan_refund(sold, [as_refund(p) for p in plans], wanted, sale.entries, 2026))
        for b in ("principal", "bonus"):
            back = sum(
                m.amount for p in plans for m in p.moves
                if m.kind is EntryKind.REFUND and m.bucket.value == b
            )  # fmt: skip
            assert 0 <= back <= spent[b]
