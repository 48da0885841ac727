"""Shifts: open with a cash float, close with counted cash and the reconciliation of DOMAIN §8."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from frontdesk.domain import errors
from frontdesk.domain.invoicing import InvoiceParts, split_sale
from frontdesk.domain.money import ZERO, Fen, total
from frontdesk.domain.permissions import Operation
from frontdesk.domain.shift_report import TicketFigures, shift_totals
from frontdesk.services import held_tickets
from frontdesk.services.context import TillContext, new_id
from frontdesk.services.ports import UnitOfWork
from frontdesk.services.records import AuditEntry, Shift, Ticket
from frontdesk.services.staff import authorize_in

TENDER_NAMES = {
    "cash": "现金",
    "stored_value": "储值",
    "bank_card": "银行卡",
    "wechat": "微信支付",
    "alipay": "支付宝",
}


def open_shift(ctx: TillContext, *, cashier: str, opening_float: Fen) -> Shift:
    if opening_float.value < 0:
        raise errors.InvalidAmount(amount=str(opening_float))
    now = ctx.now()
    with ctx.uow() as uow:
        authorize_in(uow, cashier, Operation.SHIFT_OPEN)  # DOMAIN §7's table, as every use case
        if uow.shifts.current() is not None:
            raise errors.ShiftAlreadyOpen()
        seq, _ = uow.ledger.head()
        shift = Shift(
            new_id(), uow.till_id, cashier, now, opening_float, uow.accounts.liability(), seq
        )
        uow.shifts.add(shift)
        uow.audit.add(
            at=now,
            actor=cashier,
            action="shift_open",
            subject=shift.shift_id,
            amount=opening_float.value,
        )
        uow.commit()
    return shift


@dataclass(frozen=True)
class OpenShift:
    """The shift the till's drawer is in, with its cashier's name for the one who logs in."""

    shift: Shift
    cashier_name: str


def current(ctx: TillContext) -> OpenShift | None:
    """The shift still open on this till, if any (a login carries it on, with its float)."""
    with ctx.uow(write=False) as uow:
        shift = uow.shifts.current()
        if shift is None:
            return None
        staff = uow.staff.get(shift.cashier)
        return OpenShift(shift, shift.cashier if staff is None else staff.name)


def open_or_resume(ctx: TillContext, *, cashier: str, opening_float: Fen) -> Shift:
    """The shift a login works in: the one still open, else a new one with this float.

    The till has one drawer: a shift left open (the till restarted, the cashier logged in again)
    is carried on, never opened twice.
    """
    with ctx.uow(write=False) as uow:
        current = uow.shifts.current()
    return current or open_shift(ctx, cashier=cashier, opening_float=opening_float)


@dataclass(frozen=True)
class ShiftReport:
    """The figures a shift close prints; every one is recomputed from tickets and the ledger."""

    shift: Shift
    closed_by: str
    sales_count: int
    sales_by_tender: dict[str, Fen]
    refunds: Fen
    refunds_by_tender: dict[str, Fen]
    discounts: dict[str, Fen]
    topups_principal: Fen
    topups_bonus: Fen
    reissue_fees: Fen
    cash_out: Fen
    liability_opening: Fen
    liability_topups: Fen
    liability_spends: Fen
    liability_refunds: Fen
    liability_adjustments: Fen
    liability_closing: Fen
    points_issued: int
    points_redeemed: int
    points_expired: int
    points_adjusted: int
    expected_cash: Fen
    counted_cash: Fen
    approvals: list[AuditEntry] = field(default_factory=list)
    discounts_refunded: dict[str, Fen] = field(default_factory=dict)  # given back by refunds

    @property
    def over_short(self) -> Fen:
        return self.counted_cash - self.expected_cash

    @property
    def net_sales(self) -> Fen:
        """What the shift's sales took less what its refunds gave back, over every tender."""
        return total(list(self.sales_by_tender.values())) - total(
            list(self.refunds_by_tender.values())
        )

    @property
    def invoice(self) -> InvoiceParts:
        """Net sales of the shift in the part paid by stored value and the invoiceable rest."""
        sold = total(list(self.sales_by_tender.values())) - total(
            list(self.refunds_by_tender.values())
        )
        prepaid = self.sales_by_tender.get("stored_value", ZERO) - self.refunds_by_tender.get(
            "stored_value", ZERO
        )
        return split_sale(sold, prepaid)

    @property
    def liability_reconciles(self) -> bool:
        computed = (
            self.liability_opening
            + self.liability_topups
            - self.liability_spends
            + self.liability_refunds
            + self.liability_adjustments
        )
        return computed == self.liability_closing


def close_shift(ctx: TillContext, *, cashier: str, counted_cash: Fen) -> ShiftReport:
    if counted_cash.value < 0:
        raise errors.InvalidAmount(amount=str(counted_cash))
    now = ctx.now()
    with ctx.uow() as uow:
        authorize_in(uow, cashier, Operation.SHIFT_CLOSE)
        shift = uow.shifts.current()
        if shift is None:
            raise errors.ShiftNotOpen()
        held_tickets.refuse_if_held(uow.settings)
        report = _report(uow, shift, cashier, counted_cash)
        # The report is of the closed shift: its close time and count print on the receipt.
        closed = replace(shift, closed_at=now, counted_cash=counted_cash)
        report = replace(report, shift=closed)
        cash = report.expected_cash
        uow.shifts.close(shift.shift_id, now, counted_cash, report_summary(report))
        uow.audit.add(
            at=now,
            actor=cashier,
            action="shift_close",
            subject=shift.shift_id,
            amount=counted_cash.value,
            detail={"expected_cash": cash.value, "over_short": report.over_short.value},
        )
        uow.commit()
    return report


def report_so_far(ctx: TillContext, *, cashier: str) -> ShiftReport:
    """中途报表 (X-report): the open shift's figures now; it closes nothing and counts nothing.

    Its counted cash is the expected cash (over/short zero) and its shift has no close time.
    """
    with ctx.uow(write=False) as uow:
        authorize_in(uow, cashier, Operation.X_REPORT)
        shift = uow.shifts.current()
        if shift is None:
            raise errors.ShiftNotOpen()
        return _report(uow, shift, cashier, None)


def _report(uow: UnitOfWork, shift: Shift, cashier: str, counted_cash: Fen | None) -> ShiftReport:
    """Every figure of the shift from its tickets and ledger entries, as of now."""
    tickets = uow.tickets.in_shift(shift.shift_id)
    entries = uow.ledger.entries(after_seq=shift.opening_seq)
    totals = shift_totals([_figures(tk) for tk in tickets])
    cash = shift.opening_float + totals.cash_in_drawer
    money = [e for e in entries if e.bucket in ("principal", "bonus")]
    pts = [e for e in entries if e.bucket == "points"]

    def fen(kinds: tuple[str, ...]) -> Fen:
        return Fen(sum(e.amount for e in money if e.kind in kinds))

    def points(kinds: tuple[str, ...]) -> int:
        return sum(e.amount for e in pts if e.kind in kinds)

    return ShiftReport(
        shift=shift,
        closed_by=cashier,
        sales_count=totals.sales_count,
        sales_by_tender=totals.tenders.sales,
        refunds=Fen(-sum(tk.total.value for tk in tickets if tk.kind == "refund")),
        refunds_by_tender=totals.tenders.refunds,
        discounts=totals.discounts.sales,  # what the sales gave; the refunds' share apart
        discounts_refunded=totals.discounts.refunds,
        topups_principal=fen(("topup",)),
        topups_bonus=fen(("bonus",)),
        reissue_fees=total([tk.total for tk in tickets if tk.kind == "reissue"]),
        cash_out=Fen(-sum(tk.total.value for tk in tickets if tk.kind == "cashout")),
        liability_opening=shift.opening_liability,
        liability_topups=fen(("topup", "bonus")),
        liability_spends=-fen(("spend",)),
        liability_refunds=fen(("refund",)),
        liability_adjustments=fen(("adjust", "cashout", "forfeit", "expire", "reversal")),
        liability_closing=uow.accounts.liability(),
        points_issued=points(("earn",)),
        points_redeemed=-points(("redeem",)) - points(("refund",)),
        points_expired=-points(("expire",)),
        points_adjusted=points(("adjust", "reversal")),
        expected_cash=cash,
        counted_cash=cash if counted_cash is None else counted_cash,
        # Each approved act once: the act names its approver; the grant before it is not
        # listed again (it was, and the report said 4 for 2).
        approvals=[a for a in uow.audit.since(shift.opened_at) if a.approver is not None],
    )


def _figures(tk: Ticket) -> TicketFigures:
    discounts = {"tier": tk.discount_tier, "birthday": tk.discount_birthday}
    discounts["points"] = tk.redemption
    # The cashier's discounts are kept on the lines (a refund's shares negative, as its own).
    discounts["line"] = total([ln.line_discount for ln in tk.lines])
    discounts["ticket"] = total([ln.ticket_discount for ln in tk.lines])
    tenders = tuple((t.kind, t.amount) for t in tk.tenders)
    return TicketFigures(tk.kind, tenders, discounts, tk.total)


def report_summary(r: ShiftReport) -> dict[str, object]:
    return {
        "sales_count": r.sales_count,
        "sales_by_tender": {k: v.value for k, v in r.sales_by_tender.items()},
        "refunds": r.refunds.value,
        "discounts": {k: v.value for k, v in r.discounts.items()},
        "discounts_refunded": {k: v.value for k, v in r.discounts_refunded.items()},
        "topups_principal": r.topups_principal.value,
        "topups_bonus": r.topups_bonus.value,
        "reissue_fees": r.reissue_fees.value,
        "cash_out": r.cash_out.value,
        "liability": {
            "opening": r.liability_opening.value,
            "topups": r.liability_topups.value,
            "spends": r.liability_spends.value,
            "refunds": r.liability_refunds.value,
            "adjustments": r.liability_adjustments.value,
            "closing": r.liability_closing.value,
            "reconciles": r.liability_reconciles,
        },
        "points": {
            "issued": r.points_issued,
            "redeemed": r.points_redeemed,
            "expired": r.points_expired,
            "adjusted": r.points_adjusted,
        },
        "expected_cash": r.expected_cash.value,
        "counted_cash": r.counted_cash.value,
        "over_short": r.over_short.value,
        "approvals": len(r.approvals),
    }
