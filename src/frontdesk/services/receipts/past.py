"""A past ticket's receipt rebuilt from the store's ticket and its ledger entries."""

from __future__ import annotations

from collections.abc import Sequence

from frontdesk.domain.ledger import LedgerEntry
from frontdesk.domain.members import mask_phone
from frontdesk.domain.money import Fen
from frontdesk.domain.program import Program
from frontdesk.domain.receipt import Bucket, Figure, MemberBlock, Receipt, ReceiptKind
from frontdesk.services.membership import MemberView
from frontdesk.services.receipts.parts import (
    FOOTER,
    Moved,
    Printed,
    _balances,
    _header,
    _lines,
    _notes,
    _savings,
    _tenders,
    _tier_name,
)
from frontdesk.services.records import Ticket

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
