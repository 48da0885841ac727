"""Hypothesis strategies for whole priced sales, built by the real pure rules (no database)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from hypothesis import assume
from hypothesis import strategies as st

from frontdesk.domain.balances import Balances
from frontdesk.domain.ledger import GENESIS_HASH, EntryDraft, LedgerEntry, TxnDrafts, seal
from frontdesk.domain.money import ZERO, Fen
from frontdesk.domain.points import redeemable_blocks
from frontdesk.domain.pricing import DiscountKind, LineInput, PricedTicket, Product, price_ticket
from frontdesk.domain.program import SpendOrder
from frontdesk.domain.sale import TicketLine, sale_drafts, sale_lines
from frontdesk.domain.tenders import Payment, Settlement, Tender, settle
from tests.builders import PROGRAM, a_member

TODAY = date(2026, 3, 10)


@dataclass(frozen=True)
class Sold:
    """A committed ticket as the refund rules read it (the till keeps more)."""

    lines: tuple[TicketLine, ...]
    tenders: tuple[Tender, ...]
    total: Fen
    points_earned: int = 0
    redeemed_points: int = 0
    redemption: Fen = ZERO
    discount_tier: Fen = ZERO
    discount_birthday: Fen = ZERO


@dataclass(frozen=True)
class Sale:
    priced: PricedTicket
    funds: Balances
    stored: Fen
    settlement: Settlement
    drafts: list[EntryDraft]
    entries: list[LedgerEntry] = field(default_factory=list)

    @property
    def ticket(self) -> Sold:
        p = self.priced
        return Sold(
            lines=sale_lines(p),
            tenders=self.settlement.tenders,
            total=p.due,
            points_earned=p.points_earned,
            redeemed_points=p.redeemed_points,
            redemption=p.discount(DiscountKind.POINTS),
            discount_tier=p.discount(DiscountKind.TIER),
            discount_birthday=p.discount(DiscountKind.BIRTHDAY),
        )


def sealed(drafts: list[EntryDraft]) -> list[LedgerEntry]:
    out, prev = [], GENESIS_HASH
    for i, d in enumerate(drafts, start=1):
        e = seal(d, till_id="001-01", seq=i, created_at="2026-03-10T12:00:00+08:00", prev_hash=prev)
        out.append(e)
        prev = e.hash
    return out


products = st.builds(
    Product,
    barcode=st.just(""),
    name=st.just("商品"),
    unit_price=st.integers(1, 60_000).map(Fen),
    member_discount=st.booleans(),
)


@st.composite
def sales(draw: st.DrawFn, *, member: bool = True) -> Sale:
    """A sale priced, settled and drafted by the rules, from random basket, member and tenders."""
    basket = draw(st.lists(st.tuples(products, st.integers(1, 6)), min_size=1, max_size=5))
    lines = [
        LineInput(Product(f"69{i:011d}", p.name, p.unit_price, p.member_discount), q)
        for i, (p, q) in enumerate(basket)
    ]
    lots: dict[int, int] = {}
    pm = None
    if member:
        lots = draw(st.dictionaries(st.sampled_from([2024, 2025, 2026]), st.integers(-300, 40_000)))
        tier = draw(st.sampled_from([t.code for t in PROGRAM.tiers]))
        pm = a_member(tier, points=sum(lots.values()))
    priced = price_ticket(lines, pm, PROGRAM, TODAY)
    if pm is not None:
        most = redeemable_blocks(pm.points, priced.due, PROGRAM)
        blocks = draw(st.integers(0, min(most, 3)))
        priced = price_ticket(lines, pm, PROGRAM, TODAY, blocks)
    funds = Balances(
        Fen(draw(st.integers(0, 500_000))),
        Fen(draw(st.integers(0, 100_000))),
        sum(lots.values()),
        lots,
    )
    balance = (funds.principal + funds.bonus).value if member else 0
    stored = draw(st.integers(0, min(balance, priced.due.value)))
    other = draw(st.integers(0, priced.due.value - stored))
    cash = priced.due.value - stored - other
    pays = []
    if stored:
        pays.append(Payment("stored_value", Fen(stored)))
    if other:
        kind = draw(st.sampled_from(["bank_card", "wechat", "alipay"]))
        pays.append(Payment(kind, Fen(other), "REF-1"))
    handed = cash + draw(st.integers(0, 10_000))
    if handed:
        pays.append(Payment("cash", Fen(handed)))
    assume(pays or priced.due == ZERO)
    settlement = settle(pays, priced.due)
    drafts: list[EntryDraft] = []
    if member:
        entries = TxnDrafts("t-sale", "m1", "1001", ticket_id="t-sale")
        order = draw(st.sampled_from(list(SpendOrder)))
        drafts = sale_drafts(entries, funds, priced, stored=Fen(stored), order=order, year=2026)
    return Sale(priced, funds, Fen(stored), settlement, drafts, sealed(drafts))
