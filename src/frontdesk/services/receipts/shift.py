"""The 交班 receipt, from the shift report or a stored summary."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from frontdesk.domain.invoicing import SHIFT_INVOICEABLE, SHIFT_PREPAID, SHIFT_TOP_UPS
from frontdesk.domain.money import ZERO, Fen
from frontdesk.domain.receipt import Figure, Receipt, ReceiptHeader, ReceiptKind, shift_number
from frontdesk.services.receipts.parts import _APPROVED, MANUAL_KINDS, SAVING_KINDS, Printed
from frontdesk.services.records import AuditEntry, Shift
from frontdesk.services.shifts import TENDER_NAMES, ShiftReport


def shift_receipt(
    report: ShiftReport, who: Printed, store_no: int, till_no: int, approver_names: dict[str, str]
) -> Receipt:
    """交班报表: every figure of DOMAIN §8, numbered by the shift (it has no ticket).

    `approver_names` names the people the report mentions: approving staff and members.
    """
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
    # Sales gross, refunds apart, then net: the figures add up whichever a manager checks.
    figures += [
        Figure(f"{TENDER_NAMES.get(kind, kind)}退款", amount)
        for kind, amount in sorted(report.refunds_by_tender.items())
        if amount.value
    ]
    figures.append(Figure("净销售", report.net_sales))
    keys = ("tier", "birthday", "points")
    figures += [
        Figure(label, report.discounts.get(key, ZERO))
        for label, key in zip(SAVING_KINDS, keys, strict=True)
    ]
    figures += [
        Figure(label, report.discounts[key])
        for label, key in zip(MANUAL_KINDS, ("line", "ticket"), strict=True)
        if report.discounts.get(key, ZERO).value  # a shift without them prints as before
    ]
    figures += [
        Figure(f"退货冲回{label}", report.discounts_refunded[key])
        for label, key in zip(
            (*SAVING_KINDS, *MANUAL_KINDS), (*keys, "line", "ticket"), strict=True
        )
        if report.discounts_refunded.get(key, ZERO).value
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
    ]
    if closed is not None:  # a 中途报表 (X-report) has counted nothing yet
        figures += [Figure("实点现金", report.counted_cash), Figure("长短款", report.over_short)]
    notes = [] if closed is not None else ["中途报表：班次未结束，未点现金"]
    notes += [] if report.liability_reconciles else ["储值余额核对不符，请联系总部"]
    notes += [
        f"店长审批：{_APPROVED.get(a.action, a.action)} "
        f"{approver_names.get(a.subject or '', a.subject or '')}"
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
        discounts_refunded={k: fen(v) for k, v in summary.get("discounts_refunded", {}).items()},
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
