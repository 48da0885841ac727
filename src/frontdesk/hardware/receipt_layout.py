"""The receipt as a list of printable blocks with their Chinese labels, shared by every renderer."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from frontdesk.domain.invoicing import INVOICEABLE, PREPAID_NOT_INVOICED, TOP_UP_NOTICE, split_sale
from frontdesk.domain.money import Fen, total
from frontdesk.domain.receipt import MemberBlock, Receipt, ReceiptKind, TenderKind


class Align(Enum):
    LEFT = "left"
    CENTER = "center"


@dataclass(frozen=True)
class Title:
    text: str


@dataclass(frozen=True)
class Text:
    text: str
    align: Align = Align.LEFT
    bold: bool = False


@dataclass(frozen=True)
class Pair:
    left: str
    right: str
    bold: bool = False


@dataclass(frozen=True)
class Item:
    name: str
    qty: str
    price: str
    amount: str
    header: bool = False


@dataclass(frozen=True)
class Rule:
    pass


@dataclass(frozen=True)
class Barcode:
    value: str


Block = Title | Text | Pair | Item | Rule | Barcode

REPRINT_MARK = "重印"
REFUNDED_MARK = "已退货"

_TOTAL_LABELS = {
    ReceiptKind.SALE: "应付合计",
    ReceiptKind.REFUND: "退款合计",
    ReceiptKind.TOP_UP: "实收合计",
    ReceiptKind.CARD_REISSUE: "实收合计",
    ReceiptKind.CARD_RETURN: "退款合计",
    ReceiptKind.SHIFT_REPORT: "合计",
    ReceiptKind.COOLING_OFF: "退款合计",
    ReceiptKind.HELD_TICKET: "待付合计",
}


def money(amount: Fen) -> str:
    # The sign goes before the currency ("-￥1.00"), as Chinese tills print a shortfall.
    return f"-{-amount}" if amount.value < 0 else str(amount)


def minus(amount: Fen) -> str:
    """A saving or a redemption: money taken off, printed with a minus."""
    return money(-amount)


def receipt_blocks(receipt: Receipt) -> list[Block]:
    h = receipt.header
    refund = h.kind in (ReceiptKind.REFUND, ReceiptKind.CARD_RETURN, ReceiptKind.COOLING_OFF)
    marks = [m for m, on in ((REPRINT_MARK, h.reprint), (REFUNDED_MARK, h.refunded)) if on]
    title = h.kind.title + (f"（{'·'.join(marks)}）" if marks else "")
    blocks: list[Block] = [Title(h.store_name), Text(title, Align.CENTER, bold=True)]
    blocks += [Text(f"*** {mark} ***", Align.CENTER) for mark in marks]
    blocks += [
        Text(f"单号：{h.receipt_no}"),
        Text(f"收银台：{h.till}  收银员：{h.cashier}"),
        Text(f"时间：{h.time:%Y-%m-%d %H:%M:%S}"),
        Rule(),
    ]
    if receipt.lines:
        blocks.append(Item("商品", "数量", "单价", "金额", header=True))
        for line in receipt.lines:
            blocks.append(
                Item(line.name, str(line.qty), money(line.unit_price), money(line.amount))
            )
            if line.list_price is not None:
                blocks.append(Text(f"  改价，原价 {money(line.list_price)}"))
        blocks.append(Rule())
    for figure in receipt.figures:
        value = figure.text if figure.amount is None else money(figure.amount)
        blocks.append(Pair(figure.label, value))
    if receipt.lines:
        blocks.append(Pair("商品合计", money(receipt.subtotal)))
    for saving in receipt.savings:
        blocks.append(Pair(saving.kind, minus(saving.amount)))
    if receipt.lines or receipt.tenders or receipt.total:
        blocks.append(Pair(_TOTAL_LABELS[h.kind], money(receipt.total), bold=True))
    for tender in receipt.tenders:
        label = ("退" if refund else "") + tender.kind.label
        if tender.reference:
            label += f"（{tender.reference}）"
        blocks.append(Pair(label, money(tender.amount)))
    if receipt.change:
        blocks.append(Pair("找零", money(receipt.change)))
    blocks += _invoice_blocks(receipt)
    if receipt.member is not None:
        blocks.append(Rule())
        blocks += _member_blocks(receipt.member, h.kind is ReceiptKind.REFUND)
    if receipt.text_lines:
        blocks.append(Rule())
        blocks += [Text(line) for line in receipt.text_lines]
    blocks.append(Rule())
    blocks += [Text(line, Align.CENTER) for line in receipt.footer]
    blocks.append(Barcode(receipt.barcode_value))
    return blocks


def _invoice_blocks(receipt: Receipt) -> list[Block]:
    # What the customer may take to the invoice desk (DOMAIN §11; domain.invoicing's source).
    if receipt.kind is ReceiptKind.TOP_UP:
        return [Text(TOP_UP_NOTICE)]
    if receipt.kind is not ReceiptKind.SALE:
        return []
    paid = total([t.amount for t in receipt.tenders if t.kind is TenderKind.STORED_VALUE])
    if not paid:
        return []
    parts = split_sale(receipt.total, paid)
    return [
        Pair(PREPAID_NOT_INVOICED, money(parts.prepaid)),
        Pair(INVOICEABLE, money(parts.invoiceable)),
    ]


def _member_blocks(m: MemberBlock, refund: bool) -> list[Block]:
    # On a refund the member gets back the points the sale redeemed (退回) and loses the points
    # it earned (扣回); "本次积分"/"积分抵用" would read as if the refund earned or spent points.
    earned, taken = ("积分退回", "积分扣回") if refund else ("本次积分", "积分抵用")
    blocks: list[Block] = [
        Pair("会员", m.masked_phone),
        Pair("等级", m.tier_name),
        Pair("原积分", f"{m.points_before:,}"),
    ]
    if m.points_earned:
        blocks.append(Pair(earned, f"+{m.points_earned:,}"))
    if m.points_redeemed:
        blocks.append(Pair(taken, f"-{m.points_redeemed:,}"))
    blocks.append(Pair("现积分", f"{m.points_after:,}"))
    for change in m.balances:
        blocks.append(
            Pair(f"储值{change.bucket.label}", f"{money(change.before)} → {money(change.after)}")
        )
    if m.points_expiring:
        when = f"将于{m.points_expiring_on:%Y-%m-%d}" if m.points_expiring_on else "即将"
        blocks.append(Text(f"积分{m.points_expiring:,}{when}过期"))
    if m.upgrade_notice:
        blocks.append(Text(m.upgrade_notice, Align.CENTER, bold=True))
    return blocks
