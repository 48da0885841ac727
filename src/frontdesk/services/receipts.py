"""Receipts (小票) built from what the use cases return: sale, refund, top-up, 补卡, 退卡, 交班.

Pure functions: the caller passes the result, the names to print and the program; the ledger
entries of a ticket are passed in where a result does not carry the bucket or points split.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from frontdesk.domain.invoicing import SHIFT_INVOICEABLE, SHIFT_PREPAID, SHIFT_TOP_UPS
from frontdesk.domain.ledger import LedgerEntry
from frontdesk.domain.members import mask_phone
from frontdesk.domain.money import ZERO, Fen, total
from frontdesk.domain.program import Program
from frontdesk.domain.receipt import (
    BalanceChange,
    Bucket,
    Figure,
    MemberBlock,
    Receipt,
    ReceiptHeader,
    ReceiptKind,
    ReceiptLine,
    Saving,
    Tender,
    TenderKind,
    shift_number,
)
from frontdesk.services.accounts import TopUp
from frontdesk.services.checkout import RefundResult, SaleResult
from frontdesk.services.membership import MemberView, Reissued, Returned
from frontdesk.services.records import AuditEntry, Shift, Ticket
from frontdesk.services.shifts import TENDER_NAMES, ShiftReport

FOOTER = ("谢谢惠顾，欢迎再次光临",)
OFFLINE_NOTICE = "离线交易，余额以总部为准"
SAVING_KINDS = ("会员折扣", "生日折扣", "积分抵现")

# Audit actions that carry a manager's approval, as the shift report names them.
_APPROVED = {
    "refund": "退货",
    "card_return": "退卡",
    "card_replace": "免补卡费",
    "card_unlost": "解挂",
    "points_adjust": "积分调整",
    "pin_reset": "重置密码",
    "tier_lock": "等级锁定",
}


@dataclass(frozen=True)
class Printed:
    """Who and where, as printed in every header."""

    store_name: str
    till: str
    cashier: str


@dataclass(frozen=True)
class Moved:
    """What one ticket's ledger entries did to the member: per bucket and points in/out."""

    principal: Fen = ZERO
    bonus: Fen = ZERO
    points_in: int = 0  # earned, or restored by a refund (退回)
    points_out: int = 0  # redeemed, or clawed back by a refund (扣回); positive

    @classmethod
    def of(cls, entries: Sequence[LedgerEntry]) -> Moved:
        pts = [e.amount for e in entries if e.bucket == "points"]
        return cls(
            principal=Fen(sum(e.amount for e in entries if e.bucket == "principal")),
            bonus=Fen(sum(e.amount for e in entries if e.bucket == "bonus")),
            points_in=sum(p for p in pts if p > 0),
            points_out=-sum(p for p in pts if p < 0),
        )


def _header(ticket: Ticket, kind: ReceiptKind, who: Printed) -> ReceiptHeader:
    return ReceiptHeader(
        who.store_name, who.till, who.cashier, ticket.created_at, ticket.receipt_no, kind
    )


def _tenders(ticket: Ticket, sign: int = 1) -> tuple[tuple[Tender, ...], Fen]:
    """Tenders as the customer handed them over (cash includes the change), and the change."""
    tenders = tuple(
        Tender(TenderKind(t.kind), Fen(sign * (t.amount + t.change).value), t.reference or "")
        for t in ticket.tenders
    )
    return tenders, total([t.change for t in ticket.tenders])


def _lines(ticket: Ticket, sign: int = 1) -> tuple[ReceiptLine, ...]:
    return tuple(
        ReceiptLine(ln.name, sign * ln.quantity, ln.unit_price, Fen(sign * ln.gross.value))
        for ln in ticket.lines
    )


def _savings(ticket: Ticket, sign: int = 1) -> tuple[Saving, ...]:
    amounts = (ticket.discount_tier, ticket.discount_birthday, ticket.redemption)
    return tuple(
        Saving(kind, Fen(sign * a.value))
        for kind, a in zip(SAVING_KINDS, amounts, strict=True)
        if a.value
    )


def _tier_name(program: Program, code: str | None) -> str:
    return "" if code is None else program.tier(code).name


def _balances(principal: tuple[Fen, Fen], bonus: tuple[Fen, Fen]) -> tuple[BalanceChange, ...]:
    """A bucket is shown when it held or holds money; an empty bucket is left off the paper."""
    out = []
    for bucket, (before, after) in ((Bucket.PRINCIPAL, principal), (Bucket.BONUS, bonus)):
        if before.value or after.value:
            out.append(BalanceChange(bucket, before, after))
    return tuple(out)


def _notes(ticket: Ticket) -> tuple[str, ...]:
    notes = []
    if ticket.points_multiplier > 1:
        notes.append(f"本单积分×{ticket.points_multiplier}")
    if ticket.offline:
        notes.append(OFFLINE_NOTICE)
    return tuple(notes)


def sale_receipt(result: SaleResult, who: Printed, program: Program) -> Receipt:
    """The sale as the member sees it; a replayed sale (no before/after) prints from the ticket."""
    ticket = result.ticket
    before, after = result.member_before, result.member_after
    if before is None or after is None:
        return ticket_receipt(ticket, who, program)
    tenders, change = _tenders(ticket)
    member = MemberBlock(
        masked_phone=after.masked_phone,
        tier_name=_tier_name(program, ticket.tier) or after.tier_name,
        points_before=before.points,
        points_earned=ticket.points_earned,
        points_redeemed=ticket.redeemed_points,
        points_after=after.points,
        balances=_balances((before.principal, after.principal), (before.bonus, after.bonus)),
        points_expiring=0 if after.expiring is None else after.expiring.points,
        points_expiring_on=None if after.expiring is None else after.expiring.on,
        upgraded_to=_tier_name(program, result.upgraded_to) or None,
    )
    return Receipt(
        header=_header(ticket, ReceiptKind.SALE, who),
        lines=_lines(ticket),
        savings=_savings(ticket),
        total=ticket.total,
        tenders=tenders,
        change=change,
        member=member,
        text_lines=_notes(ticket),
        footer=FOOTER,
    )


def refund_receipt(
    result: RefundResult, who: Printed, program: Program, entries: Sequence[LedgerEntry] = ()
) -> Receipt:
    """退货: figures printed positive under 退 labels; `entries` are the refund's ledger entries.

    Points: 积分退回 is what the sale redeemed and comes back, 积分扣回 what it earned and goes.
    Without the entries only the net movement is known and it is printed on the matching line.
    """
    ticket = result.ticket
    tenders, _ = _tenders(ticket, sign=-1)
    moved = Moved.of(entries) if entries else _net_points(ticket.points_earned)
    member = None
    after = result.member_after
    if after is not None:
        member = MemberBlock(
            masked_phone=after.masked_phone,
            tier_name=after.tier_name,
            points_before=after.points - moved.points_in + moved.points_out,
            points_earned=moved.points_in,
            points_redeemed=moved.points_out,
            points_after=after.points,
            balances=_balances(
                (after.principal - moved.principal, after.principal),
                (after.bonus - moved.bonus, after.bonus),
            ),
        )
    notes = [f"原小票：{result.original.receipt_no}"]
    if ticket.approver:
        notes.append(f"审批店长：{ticket.approver}")
    return Receipt(
        header=_header(ticket, ReceiptKind.REFUND, who),
        lines=_lines(ticket, sign=-1),
        savings=_savings(ticket, sign=-1),
        total=-ticket.total,
        tenders=tenders,
        member=member,
        text_lines=tuple(notes),
        footer=FOOTER,
    )


def _net_points(net: int) -> Moved:
    return Moved(points_in=max(net, 0), points_out=max(-net, 0))


def topup_receipt(
    result: TopUp, who: Printed, program: Program, member: MemberView | None = None
) -> Receipt:
    """充值: principal and bonus, balance per bucket before → after; `member` gives the phone."""
    ticket = result.ticket
    tenders, change = _tenders(ticket)
    b, a = result.before, result.after
    block = MemberBlock(
        masked_phone="" if member is None else member.masked_phone,
        tier_name=_tier_name(program, a.tier),
        points_before=b.points,
        points_earned=0,
        points_redeemed=0,
        points_after=a.points,
        balances=_balances((b.principal, a.principal), (b.bonus, a.bonus)),
        points_expiring=0 if member is None or member.expiring is None else member.expiring.points,
        points_expiring_on=None
        if member is None or member.expiring is None
        else member.expiring.on,
    )
    return Receipt(
        header=_header(ticket, ReceiptKind.TOP_UP, who),
        figures=(Figure("充值本金", result.principal), Figure("赠送赠金", result.bonus)),
        total=ticket.total,
        tenders=tenders,
        change=change,
        member=block,
        footer=FOOTER,
    )


def reissue_receipt(result: Reissued, who: Printed, program: Program) -> Receipt | None:
    """补卡 with its fee; a waived fee made no ticket, so there is nothing to print (None)."""
    if result.ticket is None:
        return None
    tenders, change = _tenders(result.ticket)
    return Receipt(
        header=_header(result.ticket, ReceiptKind.CARD_REISSUE, who),
        figures=(
            Figure("原卡号", text=result.old_card),
            Figure("新卡号", text=result.new_card),
            Figure("补卡工本费", result.fee),
        ),
        total=result.fee,
        tenders=tenders,
        change=change,
        text_lines=("原卡已作废；余额与积分属于会员，不随卡变动",),
        footer=FOOTER,
    )


def card_return_receipt(result: Returned, who: Printed, program: Program) -> Receipt:
    """退卡: principal paid back in cash, bonus forfeited."""
    ticket = result.ticket
    tenders, _ = _tenders(ticket, sign=-1)
    notes = []
    if ticket.approver:
        notes.append(f"审批店长：{ticket.approver}")
    return Receipt(
        header=_header(ticket, ReceiptKind.CARD_RETURN, who),
        figures=(
            Figure("卡号", text=result.card_no),
            Figure("退还本金", result.cash_paid),
            Figure("作废赠金", result.bonus_forfeited),
        ),
        total=result.cash_paid,
        tenders=tenders,
        text_lines=(*notes, "此卡已退，不能再用"),
        footer=FOOTER,
    )


def shift_receipt(
    report: ShiftReport, who: Printed, store_no: int, till_no: int, approver_names: dict[str, str]
) -> Receipt:
    """交班报表: every figure of DOMAIN §8, numbered by the shift (it has no ticket)."""
    s = report.shift
    closed = report.shift.closed_at
    span = f"{s.opened_at:%Y-%m-%d %H:%M} — " + ("" if closed is None else f"{closed:%H:%M}")
    invoice = report.invoice
    figures = [
        Figure("班次", text=span),
        Figure("销售笔数", text=str(report.sales_count)),
        Figure("备用金", s.opening_float),
    ]
    figures += [
        Figure(f"{TENDER_NAMES.get(kind, kind)}销售", amount)
        for kind, amount in sorted(report.sales_by_tender.items())
    ]
    figures += [
        Figure(label, report.discounts.get(key, ZERO))
        for label, key in zip(SAVING_KINDS, ("tier", "birthday", "points"), strict=True)
    ]
    figures += [
        Figure("退款", report.refunds),
        Figure(SHIFT_PREPAID, invoice.prepaid),
        Figure(SHIFT_INVOICEABLE, invoice.invoiceable),
        Figure(SHIFT_TOP_UPS, report.topups_principal),
        Figure("充值本金", report.topups_principal),
        Figure("充值赠金", report.topups_bonus),
        Figure("补卡工本费", report.reissue_fees),
        Figure("退卡退现", report.cash_out),
        Figure("储值期初", report.liability_opening),
        Figure("+充值", report.liability_topups),
        Figure("-消费", report.liability_spends),
        Figure("+退款", report.liability_refunds),
        Figure("±调整", report.liability_adjustments),
        Figure("储值期末", report.liability_closing),
        Figure("发放积分", text=f"{report.points_issued:,}"),
        Figure("抵用积分", text=f"{report.points_redeemed:,}"),
        Figure("过期积分", text=f"{report.points_expired:,}"),
        Figure("调整积分", text=f"{report.points_adjusted:,}"),
        Figure("应有现金", report.expected_cash),
        Figure("实点现金", report.counted_cash),
        Figure("长短款", report.over_short),
    ]
    notes = [] if report.liability_reconciles else ["储值余额核对不符，请联系总部"]
    notes += [
        f"店长审批：{_APPROVED.get(a.action, a.action)} {a.subject or ''}"
        f"（{approver_names.get(a.approver, a.approver)}）"
        for a in report.approvals
        if a.approver is not None  # the grant itself is listed too; print each approval once
    ]
    header = ReceiptHeader(
        who.store_name,
        who.till,
        who.cashier,
        closed or s.opened_at,
        shift_number(store_no, till_no, s.opened_at),
        ReceiptKind.SHIFT_REPORT,
    )
    return Receipt(
        header=header,
        figures=tuple(figures),
        text_lines=tuple(notes),
        footer=("交班人签字：__________",),
    )


_KINDS = {
    "sale": ReceiptKind.SALE,
    "refund": ReceiptKind.REFUND,
    "topup": ReceiptKind.TOP_UP,
    "reissue": ReceiptKind.CARD_REISSUE,
    "cashout": ReceiptKind.CARD_RETURN,
}


def ticket_receipt(
    ticket: Ticket,
    who: Printed,
    program: Program,
    entries: Sequence[LedgerEntry] = (),
    phone: str | None = None,
    original_receipt_no: str | None = None,
    member_now: MemberView | None = None,
) -> Receipt:
    """A receipt rebuilt from the stored ticket alone, for 重印 and PDF copies.

    The ticket keeps lines, savings, tenders, change, points earned and redeemed on this ticket,
    the tier it was priced at and any upgrade; with its ledger `entries` also what moved in each
    bucket. Balances and points *before and after* belong to the moment of the sale and are not
    stored, so a rebuilt receipt prints the movements instead of before → after figures.

    Right after the commit (nothing else has moved the account yet) `member_now` may be given:
    then before = now − this ticket's movements, and the receipt shows the full member block.
    """
    kind = _KINDS[ticket.kind]
    payout = ticket.total.value < 0
    sign = -1 if payout else 1
    tenders, change = _tenders(ticket, sign)
    moved = Moved.of(entries)
    notes: list[str] = []
    if original_receipt_no:
        notes.append(f"原小票：{original_receipt_no}")
    member = None
    if member_now is not None and entries:
        member = _member_now_block(ticket, program, moved, member_now)
    elif ticket.member_id is not None:
        if phone:
            notes.append(f"会员：{mask_phone(phone)}")
        if ticket.tier:
            notes.append(f"等级：{_tier_name(program, ticket.tier)}")
        points_in = moved.points_in if entries else max(ticket.points_earned, 0)
        points_out = moved.points_out if entries else ticket.redeemed_points
        if points_in:
            notes.append(
                f"{'积分退回' if kind is ReceiptKind.REFUND else '本次积分'}：+{points_in:,}"
            )
        if points_out:
            notes.append(
                f"{'积分扣回' if kind is ReceiptKind.REFUND else '积分抵用'}：-{points_out:,}"
            )
        for bucket, amount in ((Bucket.PRINCIPAL, moved.principal), (Bucket.BONUS, moved.bonus)):
            if amount.value:
                sign_text = "+" if amount.value > 0 else "-"
                notes.append(f"储值{bucket.label}：{sign_text}{Fen(abs(amount.value))}")
    if ticket.upgraded_to and member is None:
        notes.append(f"恭喜升级为{_tier_name(program, ticket.upgraded_to)}")
    if ticket.approver:
        notes.append(f"审批店长：{ticket.approver}")
    notes += _notes(ticket)
    figures: tuple[Figure, ...] = ()
    if kind is ReceiptKind.TOP_UP:
        figures = (Figure("充值本金", ticket.total), Figure("赠送赠金", moved.bonus))
    elif ticket.note and not ticket.lines:
        figures = (Figure(ticket.note, Fen(sign * ticket.total.value)),)
    return Receipt(
        header=_header(ticket, kind, who),
        lines=_lines(ticket, sign),
        figures=figures,
        savings=_savings(ticket, sign),
        total=Fen(sign * ticket.total.value),
        tenders=tenders,
        change=change,
        member=member,
        text_lines=tuple(notes),
        footer=FOOTER,
    )


def _member_now_block(
    ticket: Ticket, program: Program, moved: Moved, now: MemberView
) -> MemberBlock:
    return MemberBlock(
        masked_phone=now.masked_phone,
        tier_name=_tier_name(program, ticket.tier) or now.tier_name,
        points_before=now.points - moved.points_in + moved.points_out,
        points_earned=moved.points_in,
        points_redeemed=moved.points_out,
        points_after=now.points,
        balances=_balances(
            (now.principal - moved.principal, now.principal),
            (now.bonus - moved.bonus, now.bonus),
        ),
        points_expiring=0 if now.expiring is None else now.expiring.points,
        points_expiring_on=None if now.expiring is None else now.expiring.on,
        upgraded_to=_tier_name(program, ticket.upgraded_to) or None,
    )


def report_from_summary(
    shift: Shift, summary: Mapping[str, Any], approvals: Sequence[AuditEntry] = ()
) -> ShiftReport:
    """The shift report again from the summary stored at close (交班报表 重印 or a later print)."""
    liability, points = summary["liability"], summary["points"]

    def fen(value: Any) -> Fen:
        return Fen(int(value))

    return ShiftReport(
        shift=shift,
        closed_by=shift.cashier,
        sales_count=int(summary["sales_count"]),
        sales_by_tender={k: fen(v) for k, v in summary["sales_by_tender"].items()},
        refunds=fen(summary["refunds"]),
        refunds_by_tender={},
        discounts={k: fen(v) for k, v in summary["discounts"].items()},
        topups_principal=fen(summary["topups_principal"]),
        topups_bonus=fen(summary["topups_bonus"]),
        reissue_fees=fen(summary["reissue_fees"]),
        cash_out=fen(summary["cash_out"]),
        liability_opening=fen(liability["opening"]),
        liability_topups=fen(liability["topups"]),
        liability_spends=fen(liability["spends"]),
        liability_refunds=fen(liability["refunds"]),
        liability_adjustments=fen(liability["adjustments"]),
        liability_closing=fen(liability["closing"]),
        points_issued=int(points["issued"]),
        points_redeemed=int(points["redeemed"]),
        points_expired=int(points["expired"]),
        points_adjusted=int(points["adjusted"]),
        expected_cash=fen(summary["expected_cash"]),
        counted_cash=fen(summary["counted_cash"]),
        approvals=list(approvals),
    )
