"""The till window's member panel and totals box, drawn from the member view and the ticket."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from frontdesk.domain import messages
from frontdesk.domain.money import Fen
from frontdesk.domain.pricing import DiscountKind, PricedTicket
from frontdesk.services.till_port import MemberView
from frontdesk.ui.forms.ui_till_window import Ui_TillWindow
from frontdesk.ui.i18n import Translations

# The texts keep the window's translation context ("TillWindow"), where they were written first.

_TIER_COLOURS = {"normal": "#607d8b", "silver": "#78909c", "gold": "#c49000", "diamond": "#6a1b9a"}
_DISCOUNT_NAMES = {
    DiscountKind.TIER: QT_TRANSLATE_NOOP("Discount", "Member discount"),
    DiscountKind.BIRTHDAY: QT_TRANSLATE_NOOP("Discount", "Birthday discount"),
    DiscountKind.LINE: QT_TRANSLATE_NOOP("Discount", "Line discount"),
    DiscountKind.TICKET: QT_TRANSLATE_NOOP("Discount", "Ticket discount"),
    DiscountKind.POINTS: QT_TRANSLATE_NOOP("Discount", "Points redemption"),
}


def tier_text(code: str, program_name: str) -> str:
    """The program's own tier name in Chinese; in English the catalogue's word for the code.

    A code the catalogue does not know (a chain's own tier) is shown by its program name.
    """
    if Translations.current() == "zh_CN":
        return program_name
    if code not in messages.vocabularies()["Tier"]:
        return program_name
    return messages.label(code, "en", "Tier")


def discount_text(kind: DiscountKind) -> str:
    return QCoreApplication.translate("Discount", str(_DISCOUNT_NAMES[kind]))


def restyle(widget: QWidget, sheet: str) -> None:
    """Set a style sheet only when it differs.

    Setting even the same sheet repolishes the widget and lays the window out again: done on
    every render, it repainted the till's whole central area after each scan.
    """
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


def render_member(ui: Ui_TillWindow, m: MemberView | None) -> None:
    """The member panel: who, tier, balances, points, and what the cashier must notice."""
    ui.member_hint_label.setVisible(m is None)
    for widget in (
        ui.member_name_label,
        ui.tier_label,
        ui.member_phone_label,
        ui.principal_caption,
        ui.principal_value_label,
        ui.bonus_caption,
        ui.bonus_value_label,
        ui.points_caption,
        ui.points_value_label,
    ):
        widget.setVisible(m is not None)
    if m is None:
        for label in (ui.birthday_label, ui.expiring_label, ui.pin_locked_label):
            label.clear()
            label.hide()
        return
    ui.member_name_label.setText(m.name)
    ui.member_phone_label.setText(m.shown_phone)
    tier = tier_text(m.tier, m.tier_name)
    if m.tier_locked:
        tier += " 🔒"
    ui.tier_label.setText(tier)
    colour = _TIER_COLOURS.get(m.tier, "#8d6e63")
    restyle(
        ui.tier_label,
        f"border-radius: 6px; padding: 2px 10px; color: white; background: {colour};"
        " font-weight: bold;",
    )
    ui.principal_value_label.setText(str(m.principal))
    ui.bonus_value_label.setText(str(m.bonus))
    ui.points_value_label.setText(f"{m.points:,}")
    birthday = m.birthday_benefit_available
    birthday_text = QCoreApplication.translate("TillWindow", "★ Birthday month")
    ui.birthday_label.setText(birthday_text if birthday else "")
    ui.birthday_label.setVisible(birthday)
    expiring = ""
    if m.expiring is not None and m.expiring.points:
        expiring = QCoreApplication.translate(
            "TillWindow", "{points} points expire on {date}"
        ).format(points=f"{m.expiring.points:,}", date=m.expiring.on.isoformat())
    ui.expiring_label.setText(expiring)
    ui.expiring_label.setVisible(bool(expiring))
    locked_text = QCoreApplication.translate(
        "TillWindow", "Stored-value PIN locked: a manager must reset it"
    )
    locked = locked_text if m.pin_locked else ""
    ui.pin_locked_label.setText(locked)
    ui.pin_locked_label.setVisible(m.pin_locked)


def render_totals(ui: Ui_TillWindow, p: PricedTicket | None) -> None:
    """The totals box: gross, savings by kind, points to earn and what is due."""
    zero = str(Fen(0))
    ui.gross_value_label.setText(str(p.gross) if p else zero)
    ui.savings_value_label.setText(str(p.savings) if p else zero)
    details = [f"{discount_text(d.kind)} -{d.amount}" for d in p.discounts] if p else []
    if p is not None and p.redeemed_points:
        details.append(
            QCoreApplication.translate("TillWindow", "{points} points used").format(
                points=f"{p.redeemed_points:,}"
            )
        )
    ui.savings_detail_label.setText("   ".join(details))
    ui.savings_detail_label.setVisible(bool(details))
    earn = ""
    if p is not None and p.tier is not None:
        earn = f"{p.points_earned:,}"
        if p.points_multiplier > 1:
            earn += f" (×{p.points_multiplier})"
    ui.earn_value_label.setText(earn or "—")
    ui.due_value_label.setText(str(p.due) if p else zero)
