"""A member's PIN reset, points adjustment and tier lock, each with an approval."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from frontdesk.services.till_port import ApprovalAction, TillBackend
from frontdesk.ui.manager.common import CardForm, ManagerPage, show
from frontdesk.ui.till_panels import tier_text


class PinResetPage(ManagerPage):
    """A new stored-value PIN, which also lifts the lock after too many wrong tries.

    Signals:
        member_changed(object): the member whose PIN was reset.
    """

    member_changed = Signal(object)

    def __init__(self, backend: TillBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        form = QFormLayout()
        self.card = CardForm(self, form, "")
        self.pin_caption, self.pin_edit = QLabel(self), QLineEdit(self)
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.pin_caption, self.pin_edit)
        self.reset_button = QPushButton(self)
        self.result_label = self.lay_out_form(form, self.reset_button, self._on_reset_clicked)
        self.card.edit.returnPressed.connect(self.pin_edit.setFocus)
        self.pin_edit.returnPressed.connect(self._on_reset_clicked)
        self._retranslate()

    def _retranslate(self) -> None:
        self.card.caption.setText(self.tr("Card number"))
        self.pin_caption.setText(self.tr("New PIN (member types it)"))
        self.keys.label(self.reset_button, self.tr("Reset PIN"))

    @Slot()
    def _on_reset_clicked(self) -> None:
        card_no, pin = self.card.text(), self.pin_edit.text()
        member = self.approved(
            ApprovalAction.PIN_RESET,
            card_no,
            lambda approval: self._backend.reset_pin(card_no, pin, approval),
        )
        self.pin_edit.clear()
        if member is not None:
            show(self.result_label, self.tr("PIN reset for {name}").format(name=member.name))
            self.member_changed.emit(member)


class PointsAdjustPage(ManagerPage):
    """A manual points adjustment, always with a reason (seed 003).

    Signals:
        member_changed(object): the member after the adjustment.
    """

    member_changed = Signal(object)

    def __init__(self, backend: TillBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        form = QFormLayout()
        self.card = CardForm(self, form, "")
        self.points_caption, self.points_spin = QLabel(self), QSpinBox(self)
        self.points_spin.setRange(-10_000_000, 10_000_000)
        form.addRow(self.points_caption, self.points_spin)
        self.reason_caption, self.reason_edit = QLabel(self), QLineEdit(self)
        form.addRow(self.reason_caption, self.reason_edit)
        self.adjust_button = QPushButton(self)
        self.result_label = self.lay_out_form(form, self.adjust_button, self._on_adjust_clicked)
        self.card.edit.returnPressed.connect(self.points_spin.setFocus)
        self.reason_edit.returnPressed.connect(self._on_adjust_clicked)
        self._retranslate()

    def _retranslate(self) -> None:
        self.card.caption.setText(self.tr("Card number"))
        self.points_caption.setText(self.tr("Points (+ add, − remove)"))
        self.reason_caption.setText(self.tr("Reason"))
        self.keys.label(self.adjust_button, self.tr("Adjust points"))

    @Slot()
    def _on_adjust_clicked(self) -> None:
        card_no, points, reason = (
            self.card.text(),
            self.points_spin.value(),
            self.reason_edit.text(),
        )
        member = self.approved(
            ApprovalAction.POINTS_ADJUST,
            card_no,
            lambda approval: self._backend.adjust_points(card_no, points, reason, approval),
        )
        if member is not None:
            show(
                self.result_label,
                self.tr("{name} now has {points} points").format(
                    name=member.name, points=f"{member.points:,}"
                ),
            )
            self.member_changed.emit(member)


class TierLockPage(ManagerPage):
    """等级锁定: hold a member at a tier, or let the rules decide again.

    Signals:
        member_changed(object): the member after the change.
    """

    member_changed = Signal(object)

    def __init__(self, backend: TillBackend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        form = QFormLayout()
        self.card = CardForm(self, form, "")
        self.tier_caption, self.tier_combo = QLabel(self), QComboBox(self)
        form.addRow(self.tier_caption, self.tier_combo)
        self.reason_caption, self.reason_edit = QLabel(self), QLineEdit(self)
        form.addRow(self.reason_caption, self.reason_edit)
        self.lock_button = QPushButton(self)
        self.result_label = self.lay_out_form(form, self.lock_button, self._on_lock_clicked)
        self.card.edit.returnPressed.connect(self.tier_combo.setFocus)
        self.reason_edit.returnPressed.connect(self._on_lock_clicked)
        self._retranslate()

    def _retranslate(self) -> None:
        self.card.caption.setText(self.tr("Card number"))
        self.tier_caption.setText(self.tr("Tier"))
        self.reason_caption.setText(self.tr("Reason"))
        self.keys.label(self.lock_button, self.tr("Apply"))
        current = self.tier_combo.currentIndex()
        self.tier_combo.clear()
        self.tier_combo.addItem(self.tr("Unlock: the rules decide"), None)
        for code, name in self._backend.tier_names():
            self.tier_combo.addItem(
                self.tr("Lock at {tier}").format(tier=tier_text(code, name)), code
            )
        self.tier_combo.setCurrentIndex(max(current, 0))

    @Slot()
    def _on_lock_clicked(self) -> None:
        card_no, tier, reason = (
            self.card.text(),
            self.tier_combo.currentData(),
            self.reason_edit.text(),
        )
        member = self.approved(
            ApprovalAction.TIER_LOCK,
            card_no,
            lambda approval: self._backend.lock_tier(card_no, tier, reason, approval),
        )
        if member is not None:
            show(self.result_label, self.tr("Done"))
            self.member_changed.emit(member)
