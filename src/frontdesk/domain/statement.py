"""A member's statement (对账单): opening balances, every movement with the balance after it.

Consumers' associations ask for it and the prepaid-card rules expect it: a member can see where
every fen of 本金 and 赠金 and every point went. The statement is worked out from ledger
entries alone, so its closing balance is the ledger's own and its lines add up by construction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from frontdesk.domain.ledger import Bucket, EntryKind, LedgerEntry
from frontdesk.domain.money import Fen

# What a member reads for each kind of movement (their words, not the till's codes).
KIND_WORDS: dict[EntryKind, tuple[str, str]] = {
    EntryKind.TOPUP: ("充值", "top-up"),
    EntryKind.BONUS: ("充值赠送", "top-up bonus"),
    EntryKind.SPEND: ("消费", "purchase"),
    EntryKind.REFUND: ("退货退回", "refund"),
    EntryKind.ADJUST: ("调整", "adjustment"),
    EntryKind.EXPIRE: ("积分过期", "points expired"),
    EntryKind.REVERSAL: ("冲正", "reversal"),
    EntryKind.CASHOUT: ("退卡退款", "card return payout"),
    EntryKind.FORFEIT: ("退卡放弃赠金", "bonus forfeited on return"),
    EntryKind.EARN: ("消费得积分", "points earned"),
    EntryKind.REDEEM: ("积分抵现", "points redeemed"),
}


@dataclass(frozen=True)
class Balances:
    principal: Fen
    bonus: Fen
    points: int

    def plus(self, bucket: Bucket, amount: int) -> Balances:
        if bucket is Bucket.PRINCIPAL:
            return Balances(self.principal + Fen(amount), self.bonus, self.points)
        if bucket is Bucket.BONUS:
            return Balances(self.principal, self.bonus + Fen(amount), self.points)
        return Balances(self.principal, self.bonus, self.points + amount)


ZERO_BALANCES = Balances(Fen(0), Fen(0), 0)


@dataclass(frozen=True)
class Movement:
    """One transaction as the member sees it: what moved in each bucket and where it left them."""

    at: datetime
    till_id: str
    kinds: tuple[EntryKind, ...]
    receipt_no: str | None
    principal: Fen
    bonus: Fen
    points: int
    after: Balances


@dataclass(frozen=True)
class Statement:
    since: date | None
    until: date
    opening: Balances
    movements: tuple[Movement, ...]
    closing: Balances
    from_elsewhere: Balances  # other stores' movements, known only as totals (in the opening)


def build_statement(
    entries: Iterable[LedgerEntry],
    *,
    carried_in: Balances,
    since: date | None,
    until: date,
    receipts: dict[str, str],
) -> Statement:
    """The statement over [since, until] from one member's entries in ledger order.

    `carried_in` is what the member held before any of `entries` (other stores' movements a
    chain till knows only as totals); entries before `since` fold into the opening balance.
    `receipts` maps ticket ids to receipt numbers.
    """
    opening = carried_in
    groups: dict[str, list[LedgerEntry]] = {}
    order: list[str] = []
    for e in entries:
        day = datetime.fromisoformat(e.created_at).date()
        if day > until:
            continue
        if since is not None and day < since:
            opening = opening.plus(Bucket(e.bucket), e.amount)
            continue
        if e.txn_uuid not in groups:
            groups[e.txn_uuid] = []
            order.append(e.txn_uuid)
        groups[e.txn_uuid].append(e)
    balance = opening
    movements: list[Movement] = []
    for txn in order:
        moved = ZERO_BALANCES
        for e in groups[txn]:
            moved = moved.plus(Bucket(e.bucket), e.amount)
            balance = balance.plus(Bucket(e.bucket), e.amount)
        first = groups[txn][0]
        kinds = tuple(dict.fromkeys(EntryKind(e.kind) for e in groups[txn]))
        ticket = next((e.ticket_id for e in groups[txn] if e.ticket_id), None)
        movements.append(
            Movement(
                at=datetime.fromisoformat(first.created_at),
                till_id=first.till_id,
                kinds=kinds,
                receipt_no=receipts.get(ticket) if ticket else None,
                principal=moved.principal,
                bonus=moved.bonus,
                points=moved.points,
                after=balance,
            )
        )
    return Statement(since, until, opening, tuple(movements), balance, carried_in)


def carried_in(now: Balances, entries: Iterable[LedgerEntry]) -> Balances:
    """What the member's balance holds beyond these entries.

    Those are other stores' movements, which a chain till knows only as the totals head office
    sends.
    """
    rest = now
    for e in entries:
        rest = rest.plus(Bucket(e.bucket), -e.amount)
    return rest


def describe(kinds: Sequence[EntryKind], lang: str) -> str:
    column = 0 if lang == "zh_CN" else 1
    separator = "、" if lang == "zh_CN" else ", "
    return separator.join(KIND_WORDS[k][column] for k in kinds)
