"""挂单/取单 at the till: the held tickets' list (Ctrl+Q), and a held ticket as a draft again."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Slot
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QVBoxLayout, QWidget

from frontdesk.domain import errors
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import LineInput
from frontdesk.services.till_port import HeldTicket, MemberView, TicketDraft, TillBackend
from frontdesk.ui.i18n import error_text


def held_code(held_no: int) -> str:
    """How a held number is shown and typed back: G3 (the scan field takes G and the number)."""
    return f"G{held_no}"


class HeldTicketsDialog(QDialog):
    """Up/Down choose a held ticket, Enter recalls it, Esc closes."""

    def __init__(self, held: Sequence[HeldTicket], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._held = list(held)
        self.chosen: int | None = None
        self.setWindowTitle(self.tr("Held tickets"))
        self.setMinimumSize(520, 360)
        self.tickets = QListWidget(self)
        for h in self._held:
            items = sum(quantity for _, quantity in h.lines)
            member = h.member_name or self.tr("no member")
            self.tickets.addItem(
                self.tr("No. {held_no}   {time}   {member}   {items} item(s)").format(
                    held_no=held_code(h.held_no),
                    time=h.held_at.astimezone().strftime("%H:%M"),
                    member=member,
                    items=items,
                )
            )
        self.tickets.setCurrentRow(0)
        hint = QLabel(
            self.tr("↑↓ choose   Enter recall   Esc close   (or scan or type G and the number)"),
            self,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.tickets, 1)
        layout.addWidget(hint)
        self.tickets.activated.connect(self._take)  # Enter on the list
        self.tickets.setFocus()

    @classmethod
    def ask(cls, held: Sequence[HeldTicket], parent: QWidget | None = None) -> int | None:
        """The held number the cashier chose, or None."""
        dialog = cls(held, parent)
        return dialog.chosen if dialog.exec() else None

    @Slot(QModelIndex)
    def _take(self, index: QModelIndex) -> None:
        self.chosen = self._held[index.row()].held_no
        self.accept()


@dataclass(frozen=True)
class Recalled:
    draft: TicketDraft
    member: MemberView | None
    problems: tuple[str, ...]  # what could not come back as it was (a product gone, a card)


def recalled(backend: TillBackend, held: HeldTicket) -> Recalled:
    """The held ticket as a draft, with today's prices and the member's card looked up again."""
    problems: list[str] = []
    lines = []
    for i, (barcode, quantity) in enumerate(held.lines):
        price, discount = held.by_hand(i)
        try:
            product = backend.add_product(barcode)
            by_hand = None if price is None else Fen(price)
            lines.append(LineInput(product, quantity, by_hand, Fen(discount)))
        except errors.DomainError as err:
            problems.append(error_text(err))
    member = None
    if held.card_no:
        try:
            member = backend.lookup_card(held.card_no)
        except errors.DomainError as err:
            problems.append(error_text(err))
    draft = TicketDraft(
        tuple(lines),
        None if member is None else member.member_id,
        None if member is None else member.card_no,
        held.redeem_blocks if member is not None else 0,
        held.txn_id,
        Fen(held.ticket_discount),
    )
    return Recalled(draft, member, tuple(problems))
