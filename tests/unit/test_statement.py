"""A member statement from ledger entries: opening, every movement, and a closing that adds up."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from frontdesk.domain.ledger import Bucket, EntryKind, LedgerEntry
from frontdesk.domain.money import Fen
from frontdesk.domain.statement import ZERO_BALANCES, Balances, build_statement, carried_in


def entry(
    seq: int, day: str, txn: str, kind: EntryKind, bucket: Bucket, amount: int
) -> LedgerEntry:
    return LedgerEntry(
        till_id="001-01", seq=seq, entry_uuid=f"e{seq}", txn_uuid=txn,
        created_at=f"{day}T10:00:00+08:00", kind=kind.value, member_id="m", bucket=bucket.value,
        amount=amount, actor="1001", approver=None, ticket_id=f"t-{txn}", lot_year=None,
        offline=False, prev_hash="",
    )  # fmt: skip


ENTRIES = [
    entry(1, "2026-01-05", "a", EntryKind.TOPUP, Bucket.PRINCIPAL, 100_000),
    entry(2, "2026-01-05", "a", EntryKind.BONUS, Bucket.BONUS, 15_000),
    entry(3, "2026-02-10", "b", EntryKind.SPEND, Bucket.PRINCIPAL, -8_696),
    entry(4, "2026-02-10", "b", EntryKind.SPEND, Bucket.BONUS, -1_304),
    entry(5, "2026-02-10", "b", EntryKind.EARN, Bucket.POINTS, 100),
    entry(6, "2026-03-01", "c", EntryKind.REFUND, Bucket.PRINCIPAL, 8_696),
]


def test_movements_group_a_transaction_and_carry_the_balance_after() -> None:
    s = build_statement(
        ENTRIES, carried_in=ZERO_BALANCES, since=None, until=date(2026, 12, 31),
        receipts={"t-b": "R001010000002"},
    )  # fmt: skip

    assert [m.kinds for m in s.movements] == [
        (EntryKind.TOPUP, EntryKind.BONUS),
        (EntryKind.SPEND, EntryKind.EARN),
        (EntryKind.REFUND,),
    ]
    sale = s.movements[1]
    assert (sale.principal, sale.bonus, sale.points, sale.receipt_no) == (
        Fen(-8_696), Fen(-1_304), 100, "R001010000002",
    )  # fmt: skip
    assert sale.after == Balances(Fen(91_304), Fen(13_696), 100)
    assert s.closing == Balances(Fen(100_000), Fen(13_696), 100)


def test_a_period_folds_earlier_entries_into_the_opening_and_leaves_later_ones_out() -> None:
    s = build_statement(
        ENTRIES, carried_in=ZERO_BALANCES, since=date(2026, 2, 1), until=date(2026, 2, 28),
        receipts={},
    )  # fmt: skip

    assert s.opening == Balances(Fen(100_000), Fen(15_000), 0)
    assert len(s.movements) == 1
    assert s.closing == Balances(Fen(91_304), Fen(13_696), 100)


def test_other_stores_totals_are_what_the_balance_holds_beyond_this_tills_entries() -> None:
    now = Balances(Fen(150_000), Fen(13_696), 400)  # 500 principal and 300 points from store B

    elsewhere = carried_in(now, ENTRIES)

    assert elsewhere == Balances(Fen(50_000), Fen(0), 300)
    s = build_statement(
        ENTRIES, carried_in=elsewhere, since=None, until=date(2026, 12, 31), receipts={}
    )
    assert s.closing == now


amounts = st.lists(
    st.tuples(st.sampled_from(list(Bucket)), st.integers(-(10**6), 10**6), st.integers(1, 28)),
    max_size=40,
)


@given(amounts, st.integers(1, 28))
def test_opening_plus_every_line_is_the_closing(
    moves: list[tuple[Bucket, int, int]], cut: int
) -> None:
    entries = [
        entry(i + 1, f"2026-05-{day:02d}", f"t{i // 2}", EntryKind.ADJUST, bucket, amount)
        for i, (bucket, amount, day) in enumerate(sorted(moves, key=lambda m: m[2]))
    ]
    s = build_statement(
        entries, carried_in=ZERO_BALANCES, since=date(2026, 5, cut), until=date(2026, 5, 31),
        receipts={},
    )  # fmt: skip

    total = s.opening
    for m in s.movements:
        total = Balances(
            total.principal + m.principal, total.bonus + m.bonus, total.points + m.points
        )
        assert total == m.after
    assert (
        total
        == s.closing
        == build_statement(
            entries, carried_in=ZERO_BALANCES, since=None, until=date(2026, 5, 31), receipts={}
        ).closing
    )
