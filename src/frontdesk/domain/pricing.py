"""Pricing a ticket: the best single member discount, birthday once a year, points redemption."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

from frontdesk.domain import errors, messages
from frontdesk.domain.calendar import in_birthday_window
from frontdesk.domain.money import ZERO, Fen, allocate, apply_rate, total
from frontdesk.domain.points import points_earned, redeemable_blocks
from frontdesk.domain.program import Program


@dataclass(frozen=True)
class Product:
    barcode: str
    name: str
    unit_price: Fen
    member_discount: bool = True
    # Catalog details a store imports; pricing reads none of them (DOMAIN §4 prices by tier).
    member_price: Fen | None = None
    category: str = ""
    unit: str = ""


@dataclass(frozen=True)
class LineInput:
    product: Product
    quantity: int


class DiscountKind(Enum):
    TIER = "tier"
    BIRTHDAY = "birthday"
    POINTS = "points"

    @property
    def label(self) -> str:
        """The Chinese name; `messages.label(kind, lang)` gives it in any language."""
        return messages.label(self)


@dataclass(frozen=True)
class Discount:
    kind: DiscountKind
    amount: Fen


@dataclass(frozen=True)
class PricingMember:
    """What pricing needs to know about the member on the ticket."""

    tier: str
    birthday: date | None
    birthday_benefit_year: int | None  # the year the birthday benefit was last used
    points: int  # usable points balance (may be negative after a refund)


@dataclass(frozen=True)
class PricedLine:
    line_no: int
    product: Product
    quantity: int
    gross: Fen
    member_discount: Fen
    redemption: Fen

    @property
    def net(self) -> Fen:
        return self.gross - self.member_discount - self.redemption


@dataclass(frozen=True)
class PricedTicket:
    lines: tuple[PricedLine, ...]
    tier: str | None
    discounts: tuple[Discount, ...]
    redeemed_points: int
    due: Fen  # what the tenders must pay
    points_earned: int
    points_multiplier: int
    birthday_benefit: bool

    @property
    def gross(self) -> Fen:
        return total([line.gross for line in self.lines])

    @property
    def savings(self) -> Fen:
        return total([d.amount for d in self.discounts])

    def discount(self, kind: DiscountKind) -> Fen:
        return total([d.amount for d in self.discounts if d.kind is kind])


def birthday_benefit_available(
    birthday: date | None, used_in_year: int | None, today: date, program: Program
) -> bool:
    """Inside the birthday window, and the once-a-year benefit not yet used this year."""
    return (
        in_birthday_window(birthday, today, program.birthday_window) and used_in_year != today.year
    )


def _multiplier(today: date, birthday_benefit: bool, program: Program) -> int:
    candidates = [1]
    if birthday_benefit:
        candidates.append(program.birthday_points_multiplier)
    if program.member_day_of_month is not None and today.day == program.member_day_of_month:
        candidates.append(program.member_day_points_multiplier)
    return max(candidates)  # multipliers do not stack: the largest applies


def price_ticket(
    lines: Sequence[LineInput],
    member: PricingMember | None,
    program: Program,
    today: date,
    redeem_blocks: int = 0,
) -> PricedTicket:
    """Price a ticket by DOMAIN §4; pure, so every till and every test gets the same figures."""
    if not lines:
        raise errors.EmptyTicket()
    gross = []
    for line in lines:
        if line.quantity <= 0:
            raise errors.InvalidAmount(amount=str(line.quantity))
        gross.append(line.product.unit_price * line.quantity)

    member_discount = ZERO
    kind: DiscountKind | None = None
    birthday_benefit = False
    rate_per_yuan = Decimal(0)
    if member is not None:
        rule = program.tier(member.tier)
        rate_per_yuan = rule.points_per_yuan
        birthday_benefit = birthday_benefit_available(
            member.birthday, member.birthday_benefit_year, today, program
        )
        pay_rate, kind = rule.pay_rate, DiscountKind.TIER
        if (
            birthday_benefit
            and rule.birthday_pay_rate is not None
            and rule.birthday_pay_rate < pay_rate
        ):
            pay_rate, kind = (
                rule.birthday_pay_rate,
                DiscountKind.BIRTHDAY,
            )  # best single, never both
        eligible = total(
            [g for g, line in zip(gross, lines, strict=True) if line.product.member_discount]
        )
        member_discount = eligible - apply_rate(eligible, pay_rate)

    weights = [
        g.value if line.product.member_discount else 0 for g, line in zip(gross, lines, strict=True)
    ]
    line_discounts = allocate(member_discount, weights) if member_discount else [ZERO] * len(lines)
    after_discount = total(gross) - member_discount

    redemption = ZERO
    redeemed_points = 0
    if redeem_blocks:
        if member is None:
            raise errors.MemberRequired()
        if redeem_blocks < 0:
            raise errors.InvalidAmount(amount=str(redeem_blocks))
        if member.points < 0:
            raise errors.PointsRedemptionBlocked()
        needed = redeem_blocks * program.redemption_block_points
        if member.points < needed:
            raise errors.InsufficientPoints(points=member.points, needed=needed)
        if redeem_blocks > redeemable_blocks(member.points, after_discount, program):
            raise errors.RedemptionTooLarge()
        redemption = program.redemption_block_value * redeem_blocks
        redeemed_points = needed
    line_redemptions = allocate(
        redemption, [(g - d).value for g, d in zip(gross, line_discounts, strict=True)]
    )

    due = after_discount - redemption
    multiplier = _multiplier(today, birthday_benefit, program) if member is not None else 1
    earned = points_earned(due, rate_per_yuan, multiplier) if member is not None else 0

    discounts: list[Discount] = []
    if member_discount and kind is not None:
        discounts.append(Discount(kind, member_discount))
    if redemption:
        discounts.append(Discount(DiscountKind.POINTS, redemption))
    priced_lines = tuple(
        PricedLine(i + 1, line.product, line.quantity, g, d, r)
        for i, (line, g, d, r) in enumerate(
            zip(lines, gross, line_discounts, line_redemptions, strict=True)
        )
    )
    return PricedTicket(
        lines=priced_lines,
        tier=member.tier if member is not None else None,
        discounts=tuple(discounts),
        redeemed_points=redeemed_points,
        due=due,
        points_earned=earned,
        points_multiplier=multiplier,
        birthday_benefit=birthday_benefit,
    )
