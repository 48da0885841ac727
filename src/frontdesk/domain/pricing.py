"""Pricing a ticket: prices and discounts by hand, the best member discount, points redemption."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

from frontdesk.domain import errors, messages
from frontdesk.domain.calendar import in_birthday_window
from frontdesk.domain.counter_rules import ManualMemberDiscount
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
    # 改价: the unit price the cashier set, None for the catalog's.
    price: Fen | None = None
    # 单品折扣: money the cashier took off this line.
    discount: Fen = ZERO

    @property
    def unit_price(self) -> Fen:
        return self.product.unit_price if self.price is None else self.price

    @property
    def manual(self) -> bool:
        """Priced or discounted by hand."""
        overridden = self.price is not None and self.price != self.product.unit_price
        return overridden or bool(self.discount)


class DiscountKind(Enum):
    TIER = "tier"
    BIRTHDAY = "birthday"
    LINE = "line"  # 单品折扣, the cashier's on one line
    TICKET = "ticket"  # 整单折扣, the cashier's on the whole ticket
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
    gross: Fen  # quantity × the unit price sold at (the cashier's, if they set one)
    member_discount: Fen
    redemption: Fen
    unit_price: Fen | None = None  # the price sold at; None: the catalog's
    line_discount: Fen = ZERO
    ticket_discount: Fen = ZERO  # this line's share of the ticket discount

    @property
    def price(self) -> Fen:
        return self.product.unit_price if self.unit_price is None else self.unit_price

    @property
    def overridden(self) -> bool:
        return self.unit_price is not None and self.unit_price != self.product.unit_price

    @property
    def manual_reduction(self) -> Fen:
        """What the cashier took off this line: below the catalog's price, and discounts."""
        lowered = max(self.product.unit_price.value - self.price.value, 0) * self.quantity
        return Fen(lowered) + self.line_discount + self.ticket_discount

    @property
    def net(self) -> Fen:
        return (
            self.gross
            - self.line_discount
            - self.member_discount
            - self.ticket_discount
            - self.redemption
        )


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

    @property
    def manual_reduction(self) -> Fen:
        """What the cashier's prices and discounts took off: what an approval is bound to."""
        return total([line.manual_reduction for line in self.lines])


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


def _member_weights(
    lines: Sequence[LineInput], after_line: Sequence[Fen], program: Program
) -> list[int]:
    """What each line gives the member discount to work on (0: not eligible)."""
    by_hand_too = program.counter.manual_member_discount is ManualMemberDiscount.ON_TOP
    return [
        a.value if line.product.member_discount and (by_hand_too or not line.manual) else 0
        for a, line in zip(after_line, lines, strict=True)
    ]


def _gross(lines: Sequence[LineInput]) -> tuple[list[Fen], list[Fen]]:
    """Each line's gross at the price sold at, and what its own discount leaves of it."""
    gross, after = [], []
    for line in lines:
        if line.quantity <= 0:
            raise errors.InvalidAmount(amount=str(line.quantity))
        if line.unit_price.value < 0 or line.discount.value < 0:
            raise errors.InvalidAmount(amount=str(min(line.unit_price, line.discount)))
        g = line.unit_price * line.quantity
        if line.discount > g:
            raise errors.DiscountTooLarge(discount=line.discount, amount=g)
        gross.append(g)
        after.append(g - line.discount)
    return gross, after


def price_ticket(
    lines: Sequence[LineInput],
    member: PricingMember | None,
    program: Program,
    today: date,
    redeem_blocks: int = 0,
    ticket_discount: Fen = ZERO,
) -> PricedTicket:
    """Price a ticket by DOMAIN §4; pure, so every till and every test gets the same figures.

    The cashier's prices and line discounts come first; the member discount works on what they
    leave (on lines the program lets it: `[counter] manual_member_discount`); a ticket discount
    (整单折扣) is then taken from what is left, and points redemption last.
    """
    if not lines:
        raise errors.EmptyTicket()
    gross, after_line = _gross(lines)

    member_discount = ZERO
    kind: DiscountKind | None = None
    birthday_benefit = False
    rate_per_yuan = Decimal(0)
    weights = _member_weights(lines, after_line, program)
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
        eligible = Fen(sum(weights))
        member_discount = eligible - apply_rate(eligible, pay_rate)

    line_discounts = allocate(member_discount, weights) if member_discount else [ZERO] * len(lines)
    left = [a - d for a, d in zip(after_line, line_discounts, strict=True)]
    if ticket_discount.value < 0:
        raise errors.InvalidAmount(amount=str(ticket_discount))
    if ticket_discount > total(left):
        raise errors.DiscountTooLarge(discount=ticket_discount, amount=total(left))
    ticket_shares = (
        allocate(ticket_discount, [x.value for x in left])
        if ticket_discount
        else [ZERO] * len(lines)
    )
    left = [x - t for x, t in zip(left, ticket_shares, strict=True)]
    after_discount = total(left)

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
    line_redemptions = allocate(redemption, [x.value for x in left])

    due = after_discount - redemption
    multiplier = _multiplier(today, birthday_benefit, program) if member is not None else 1
    earned = points_earned(due, rate_per_yuan, multiplier) if member is not None else 0

    discounts: list[Discount] = []
    by_hand = total([line.discount for line in lines])
    if by_hand:
        discounts.append(Discount(DiscountKind.LINE, by_hand))
    if member_discount and kind is not None:
        discounts.append(Discount(kind, member_discount))
    if ticket_discount:
        discounts.append(Discount(DiscountKind.TICKET, ticket_discount))
    if redemption:
        discounts.append(Discount(DiscountKind.POINTS, redemption))
    priced_lines = tuple(
        PricedLine(i + 1, line.product, line.quantity, g, d, r, line.price, line.discount, t)
        for i, (line, g, d, r, t) in enumerate(
            zip(lines, gross, line_discounts, line_redemptions, ticket_shares, strict=True)
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
