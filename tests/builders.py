"""Small builders for tests: the default program, products, members, a fixed clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from frontdesk.config import load_program
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import LineInput, PricingMember, Product
from frontdesk.domain.program import Program

CST = timezone(timedelta(hours=8))
PROGRAM: Program = load_program()


def product(
    price: str, *, barcode: str = "6901234567892", discount: bool = True, name: str = "商品"
) -> Product:
    return Product(barcode, name, Fen.of(price), discount)


def line(price: str, quantity: int = 1, *, discount: bool = True) -> LineInput:
    return LineInput(product(price, discount=discount), quantity)


def a_member(
    tier: str = "normal", *, birthday: date | None = None, used: int | None = None, points: int = 0
) -> PricingMember:
    return PricingMember(tier=tier, birthday=birthday, birthday_benefit_year=used, points=points)


@dataclass
class FixedClock:
    moment: datetime

    def now(self) -> datetime:
        return self.moment

    def advance(self, **kwargs: float) -> None:
        self.moment = self.moment + timedelta(**kwargs)


def at(year: int, month: int, day: int, hour: int = 12) -> datetime:
    return datetime(year, month, day, hour, tzinfo=CST)


def hq_member_row(member_id: str, phone: str, at: str, change_seq: int) -> dict[str, object]:
    """A member as head office's member stream sends it (no PIN, no cards)."""
    return {
        "member_id": member_id,
        "phone": phone,
        "name": f"会员{change_seq}",
        "birthday": None,
        "gender": None,
        "consent_marketing_at": None,
        "tier_lock": None,
        "tier_lock_reason": None,
        "store": "002",
        "recruiter": "9001",
        "created_at": at,
        "consent_terms_at": at,
        "pin_hash": None,
        "cards": [],
        "change_seq": change_seq,
    }
