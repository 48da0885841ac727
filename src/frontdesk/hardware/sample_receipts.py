"""Fixed example receipts of every kind: the printer self-test, goldens, docs and benchmarks."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from frontdesk.domain.money import Fen
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
)

CHINA = timezone(timedelta(hours=8), "CST")
_WHEN = datetime(2026, 3, 8, 14, 5, 9, tzinfo=CHINA)
_STORE = "鲜丰超市·人民路店"
_FOOTER = ("谢谢惠顾，欢迎再次光临", "凭小票七日内可退换")


def _header(kind: ReceiptKind, serial: int) -> ReceiptHeader:
    return ReceiptHeader(
        store_name=_STORE,
        till="01",
        cashier="王芳",
        time=_WHEN,
        receipt_no=f"R00101{serial:07d}",
        kind=kind,
    )


def sale() -> Receipt:
    """A member sale paid partly from stored value, partly cash, that wins an upgrade."""
    lines = (
        ReceiptLine("农夫山泉饮用天然水550ml", 2, Fen(200), Fen(400)),
        ReceiptLine("五常大米 5kg", 1, Fen(6990), Fen(6990)),
        ReceiptLine("Colgate 高露洁牙膏 清新薄荷味 180g", 3, Fen(1590), Fen(4770)),
    )
    return Receipt(
        header=_header(ReceiptKind.SALE, 123),
        lines=lines,
        savings=(Saving("会员折扣", Fen(1216)), Saving("积分抵现", Fen(2000))),
        total=Fen(8944),
        tenders=(Tender(TenderKind.STORED_VALUE, Fen(5000)), Tender(TenderKind.CASH, Fen(5000))),
        change=Fen(1056),
        member=MemberBlock(
            masked_phone="138****1234",
            tier_name="银卡会员",
            points_before=18_900,
            points_earned=89,
            points_redeemed=10_000,
            points_after=8_989,
            balances=(
                BalanceChange(Bucket.PRINCIPAL, Fen(45_455), Fen(40_910)),
                BalanceChange(Bucket.BONUS, Fen(4_545), Fen(4_090)),
            ),
            points_expiring=1_200,
            points_expiring_on=date(2026, 3, 31),
            upgraded_to="金卡会员",
        ),
        text_lines=("会员日每月8日积分翻倍",),
        footer=_FOOTER,
    )


def top_up() -> Receipt:
    return Receipt(
        header=_header(ReceiptKind.TOP_UP, 124),
        figures=(Figure("充值本金", Fen(50_000)), Figure("赠送赠金", Fen(6_000))),
        total=Fen(50_000),
        tenders=(Tender(TenderKind.WECHAT, Fen(50_000), "4200001234202603081234"),),
        member=MemberBlock(
            masked_phone="139****5678",
            tier_name="普通会员",
            points_before=320,
            points_earned=0,
            points_redeemed=0,
            points_after=320,
            balances=(
                BalanceChange(Bucket.PRINCIPAL, Fen(1_000), Fen(51_000)),
                BalanceChange(Bucket.BONUS, Fen(0), Fen(6_000)),
            ),
        ),
        footer=_FOOTER,
    )


def refund() -> Receipt:
    return Receipt(
        header=_header(ReceiptKind.REFUND, 125),
        lines=(ReceiptLine("五常大米 5kg", 1, Fen(6990), Fen(6990)),),
        savings=(Saving("会员折扣", Fen(350)),),
        total=Fen(6640),
        tenders=(Tender(TenderKind.CASH, Fen(6640)),),
        member=MemberBlock(
            masked_phone="138****1234",
            tier_name="金卡会员",
            points_before=8_989,
            points_earned=0,
            points_redeemed=66,
            points_after=8_923,
        ),
        text_lines=("原小票：R001010000123", "退货原因：包装破损", "审批店长：李强"),
        footer=_FOOTER,
    )


def card_reissue() -> Receipt:
    return Receipt(
        header=_header(ReceiptKind.CARD_REISSUE, 126),
        figures=(
            Figure("原卡号", text="800101000045102"),
            Figure("新卡号", text="800101000045201"),
            Figure("补卡工本费", Fen(3800)),
        ),
        total=Fen(3800),
        tenders=(Tender(TenderKind.ALIPAY, Fen(3800), "2026030822001"),),
        text_lines=("原卡已作废，余额与积分已转入新卡",),
        footer=_FOOTER,
    )


def card_return() -> Receipt:
    """退卡: principal paid back in cash (the drawer opens), bonus forfeited."""
    return Receipt(
        header=_header(ReceiptKind.CARD_RETURN, 128),
        figures=(
            Figure("卡号", text="800101000045201"),
            Figure("退还本金", Fen(40_910)),
            Figure("作废赠金", Fen(4_090)),
        ),
        total=Fen(40_910),
        tenders=(Tender(TenderKind.CASH, Fen(40_910)),),
        text_lines=("审批店长：李强", "此卡已退，不能再用"),
        footer=_FOOTER,
    )


def shift_report() -> Receipt:
    return Receipt(
        header=_header(ReceiptKind.SHIFT_REPORT, 127),
        figures=(
            Figure("班次", text="2026-03-08 08:00 — 14:05"),
            Figure("备用金", Fen(50_000)),
            Figure("现金销售", Fen(128_650)),
            Figure("储值消费", Fen(45_600)),
            Figure("银行卡", Fen(23_000)),
            Figure("微信支付", Fen(88_420)),
            Figure("支付宝", Fen(31_280)),
            Figure("会员折扣", Fen(9_870)),
            Figure("积分抵现", Fen(6_000)),
            Figure("退款", Fen(6_640)),
            Figure("充值本金", Fen(150_000)),
            Figure("充值赠金", Fen(16_000)),
            Figure("储值期初", Fen(2_350_000)),
            Figure("储值期末", Fen(2_470_400)),
            Figure("发放积分", text="12,408"),
            Figure("抵用积分", text="30,000"),
            Figure("应有现金", Fen(172_010)),
            Figure("实点现金", Fen(171_910)),
            Figure("长短款", Fen(-100)),
        ),
        text_lines=("店长审批：退货 R001010000125（李强）",),
        footer=("交班人签字：__________",),
    )


ALL = {
    "sale": sale,
    "top-up": top_up,
    "refund": refund,
    "card-reissue": card_reissue,
    "card-return": card_return,
    "shift-report": shift_report,
}
