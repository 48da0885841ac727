"""A member's statement from the till's ledger, for the member to take home (on paper or PDF)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from frontdesk.domain import errors
from frontdesk.domain.money import Fen
from frontdesk.domain.permissions import Operation
from frontdesk.domain.points import last_day
from frontdesk.domain.statement import (
    ZERO_BALANCES,
    Balances,
    Statement,
    build_statement,
    carried_in,
    describe,
)
from frontdesk.services.context import TillContext
from frontdesk.services.staff import authorize_in


class BadPeriod(errors.DomainError):
    key = "statement_period"


@dataclass(frozen=True)
class PointsLot:
    points: int
    expires_on: date


@dataclass(frozen=True)
class MemberStatement:
    """The member's own copy: their name and phone in full (it is theirs), no staff data."""

    store_name: str
    name: str
    phone: str
    card_no: str | None
    statement: Statement
    lots: tuple[PointsLot, ...]


def member_statement(
    ctx: TillContext, *, actor: str, member_id: str, since: date | None, until: date | None
) -> MemberStatement:
    now = ctx.now()
    until = until or now.date()
    if since is not None and since > until:
        raise BadPeriod(since=since.isoformat(), until=until.isoformat())
    with ctx.uow() as uow:
        authorize_in(uow, actor, Operation.MEMBER_LOOKUP)
        member = uow.members.get(member_id)
        account = uow.accounts.get(member_id)
        if member is None or account is None:
            raise errors.UnknownMember(ref=member_id)
        entries = uow.ledger.for_member(member_id)
        tickets = {e.ticket_id for e in entries if e.ticket_id}
        receipts = {
            ticket_id: tk.receipt_no
            for ticket_id in tickets
            if (tk := uow.tickets.get(ticket_id)) is not None
        }
        lots = uow.accounts.lots(member_id)
        cards = uow.cards.for_member(member_id)
        now_held = Balances(account.principal, account.bonus, account.points)
        statement = build_statement(
            entries,
            carried_in=carried_in(now_held, entries),
            since=since,
            until=until,
            receipts=receipts,
        )
        # The member's full details were shown: who printed them is on record (PIPL).
        uow.audit.add(
            at=now,
            actor=actor,
            action="member_statement",
            subject=member_id,
            detail={"since": since.isoformat() if since else None, "until": until.isoformat()},
        )
        store_name = uow.settings.get("store_name") or ""
        uow.commit()
    newest = max(cards, key=lambda c: c.generation, default=None)
    return MemberStatement(
        store_name=store_name,
        name=member.name,
        phone=member.phone,
        card_no=newest.card_no if newest else None,
        statement=statement,
        lots=tuple(
            PointsLot(points, last_day(year, ctx.program))
            for year, points in sorted(lots.items())
            if points > 0
        ),
    )


@dataclass(frozen=True)
class StatementLayout:
    """The statement as rows of text: the same words on screen, on paper and in the PDF."""

    title: str
    header: tuple[str, ...]
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    footer: tuple[str, ...]


def _signed(amount: Fen) -> str:
    return "" if amount.value == 0 else (f"+{amount}" if amount.value > 0 else f"-{-amount}")


def _points(n: int) -> str:
    return "" if n == 0 else f"{n:+d}"


def layout(ms: MemberStatement, lang: str) -> StatementLayout:
    zh = lang == "zh_CN"
    st = ms.statement
    period = f"{st.since.isoformat() if st.since else '开户' if zh else 'opening'} – {st.until}"

    def held(b: Balances) -> str:
        if zh:
            return (
                f"本金 {b.principal}  赠金 {b.bonus}  合计 {b.principal + b.bonus}  积分 {b.points}"
            )
        return (
            f"principal {b.principal}  bonus {b.bonus}  total {b.principal + b.bonus}  "
            f"points {b.points}"
        )

    header = (
        f"门店：{ms.store_name}" if zh else f"Store: {ms.store_name}",
        f"会员：{ms.name}  {ms.phone}" if zh else f"Member: {ms.name}  {ms.phone}",
        (f"卡号：{ms.card_no}" if zh else f"Card: {ms.card_no}") if ms.card_no else "",
        f"期间：{period}" if zh else f"Period: {period}",
        (f"期初：{held(st.opening)}" if zh else f"Opening: {held(st.opening)}"),
    )
    columns = (
        ("日期", "门店/收银台", "类型", "小票号", "本金", "赠金", "积分", "储值余额", "积分余额")
        if zh
        else (
            "Date",
            "Till",
            "Kind",
            "Receipt",
            "Principal",
            "Bonus",
            "Points",
            "Balance",
            "Points",
        )
    )
    rows = tuple(
        (
            f"{m.at:%Y-%m-%d %H:%M}",
            m.till_id,
            describe(m.kinds, lang),
            m.receipt_no or "",
            _signed(m.principal),
            _signed(m.bonus),
            _points(m.points),
            str(m.after.principal + m.after.bonus),
            str(m.after.points),
        )
        for m in st.movements
    )
    lots = [
        (
            f"{lot.points} 分于 {lot.expires_on} 到期"
            if zh
            else f"{lot.points} expire {lot.expires_on}"
        )
        for lot in ms.lots
    ]
    footer = (
        f"期末：{held(st.closing)}" if zh else f"Closing: {held(st.closing)}",
        (("积分有效期：" if zh else "Points expiry: ") + "；".join(lots)) if lots else "",
        "储值不设有效期。" if zh else "Stored value never expires.",
        ""
        if st.from_elsewhere == ZERO_BALANCES
        else "其他门店的交易（截至最近一次同步）计入期初余额。"
        if zh
        else "Other stores' movements (as of the last sync) are included in the opening.",
    )
    title = "会员对账单" if zh else "Member statement"
    return StatementLayout(
        title, tuple(h for h in header if h), columns, rows, tuple(f for f in footer if f)
    )
