"""The manager screens: one page per task beside a numbered list, opened after an approval."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain.messages import Notice, render
from frontdesk.domain.scan import Scan, ScanKind
from frontdesk.services.card_output import CardOutput
from frontdesk.services.device_settings import DeviceSettings
from frontdesk.services.till_port import MemberView, TillBackend
from frontdesk.ui.function_keys import KeyedPage
from frontdesk.ui.i18n import Translations
from frontdesk.ui.manager.account import PinResetPage, PointsAdjustPage, TierLockPage
from frontdesk.ui.manager.audit import AuditLogPage
from frontdesk.ui.manager.cards import CardActionsPage
from frontdesk.ui.manager.common import CardForm
from frontdesk.ui.manager.erase import MemberErasePage
from frontdesk.ui.manager.exports import ExportPage
from frontdesk.ui.manager.members import RegisterMemberPage, TopupPage
from frontdesk.ui.manager.recovery import RecoverPage
from frontdesk.ui.manager.refund import RefundPage
from frontdesk.ui.manager.shift import ShiftClosePage
from frontdesk.ui.manager.staff import StaffPage
from frontdesk.ui.scanning import ScanHub
from frontdesk.ui.settings import DeviceSettingsPage
from frontdesk.ui.sync_status import SyncRunner


class ManagerDialog(QDialog):
    """The manager screens in tabs; opened only after a manager approved (F9 / F11).

    Signals:
        member_changed(object): a page changed a member (balance, PIN, card, tier).
        shift_closed(object): the shift was closed; the till logs out.
        receipt_issued(object): a page committed an operation with a receipt to print.
    """

    member_changed = Signal(object)
    shift_closed = Signal(object)
    receipt_issued = Signal(object)

    PAGES = (
        "members",
        "topup",
        "cards",
        "refund",
        "pin",
        "points",
        "tier",
        "audit",
        "shift",
        "devices",
        "staff",
        "exports",
        "erase",
        "recover",
    )

    def __init__(
        self,
        backend: TillBackend,
        hub: ScanHub | None = None,
        parent: QWidget | None = None,
        devices: DeviceSettings | None = None,
        sync: SyncRunner | None = None,
        cards: CardOutput | None = None,
        *,
        approval: str | None = None,
        member: MemberView | None = None,
    ) -> None:
        """The screens, under ``approval`` and starting from ``member`` (the ticket's).

        What is done here names the approval's manager as approver.

        Raises `DomainError` when the approval cannot be used (expired, already used).
        """
        super().__init__(parent)
        self.manager_no: str | None = None
        if approval is not None:
            self.manager_no = backend.open_manager_screens(approval)
            self.finished.connect(lambda _result: backend.close_manager_screens())
        # A list beside the pages, not tabs: nine titles at 15 pt do not fit across one row.
        self.nav = QListWidget(self)
        self.nav.setFixedWidth(200)
        self.stack = QStackedWidget(self)
        self.register_page = RegisterMemberPage(backend, self, cards)
        self.topup_page = TopupPage(backend, self)
        self.card_page = CardActionsPage(backend, self, cards)
        self.refund_page = RefundPage(backend, self)
        self.pin_page = PinResetPage(backend, self)
        self.points_page = PointsAdjustPage(backend, self)
        self.tier_page = TierLockPage(backend, self)
        self.audit_page = AuditLogPage(backend, self)
        self.shift_page = ShiftClosePage(backend, self)
        self.staff_page = StaffPage(backend, self)
        self.export_page = ExportPage(backend, self)
        self.erase_page = MemberErasePage(backend, self)
        self._pages: tuple[QWidget, ...] = (
            self.register_page,
            self.topup_page,
            self.card_page,
            self.refund_page,
            self.pin_page,
            self.points_page,
            self.tier_page,
            self.audit_page,
            self.shift_page,
        )
        # The device page only where the app handed in device settings (not in a bare backend).
        self.devices_page = None if devices is None else DeviceSettingsPage(devices, self)
        if self.devices_page is not None:
            self._pages = (*self._pages, self.devices_page)
        # Staff last: the device page keeps its Ctrl+0; without it the staff page takes it.
        self._pages = (*self._pages, self.staff_page, self.export_page, self.erase_page)
        # 从总部恢复 only on a till with a head office (the command's `sync --recover`).
        self.recover_page = RecoverPage(backend, self) if backend.can_recover_books() else None
        if self.recover_page is not None:
            self._pages = (*self._pages, self.recover_page)
        present = {"devices": self.devices_page, "recover": self.recover_page}
        self._names = tuple(n for n in self.PAGES if n not in present or present[n] is not None)
        for page in self._pages:
            self.stack.addWidget(page)
            self.nav.addItem("")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        # Ctrl+1…Ctrl+9 and Ctrl+0 for the tenth page; the list prints each page's digit.
        for i in range(min(len(self._pages), 10)):
            QShortcut(QKeySequence(f"Ctrl+{(i + 1) % 10}"), self, lambda i=i: self.go_to(i))
        self.nav_hint = QLabel(self)
        self.nav_hint.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(self.nav, 1)
        side.addWidget(self.nav_hint)
        body = QHBoxLayout()
        body.addLayout(side)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.buttons)
        for page_with_member in (self.register_page,):
            page_with_member.member_registered.connect(self.member_changed)
        pages_with_member = (self.topup_page, self.pin_page, self.points_page, self.tier_page)
        for page in (*pages_with_member, self.erase_page):
            page.member_changed.connect(self.member_changed)
        self.card_page.card_changed.connect(self.member_changed)
        self.shift_page.shift_closed.connect(self.shift_closed)
        if sync is not None:
            # Other stores must refuse a lost card soon: push it now, not at the next sync.
            self.card_page.card_reported_lost.connect(lambda _card: sync.push_card_event())
        for printing in (self.topup_page, self.card_page, self.refund_page, self.shift_page):
            printing.receipt_issued.connect(self.receipt_issued)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.stack.currentChanged.connect(self._on_page_changed)
        if hub is not None:
            hub.scanned.connect(self.on_scanned)
        # Enter is wired to each form's main action; a dialog's default button would click it twice.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        # Never larger than the screen: at 1024×768 a 1100-pixel dialog hid its Esc button.
        room = self.screen().availableGeometry()
        self.resize(min(1100, room.width() - 24), min(720, room.height() - 48))
        self._retranslate()
        if member is not None:
            self.prefill(member)

    def prefill(self, member: MemberView) -> None:
        """Every page that starts from a card starts from the card of the member on the ticket."""
        if member.card_no is None:
            return
        for page in self._pages:
            card = getattr(page, "card", None)
            if isinstance(card, CardForm):
                card.edit.setText(member.card_no)
        self.card_page.look_up()

    @classmethod
    def ask(
        cls,
        backend: TillBackend,
        hub: ScanHub | None,
        page: str,
        parent: QWidget | None = None,
    ) -> ManagerDialog:
        dialog = cls(backend, hub, parent)
        dialog.show_page(page)
        dialog.exec()
        return dialog

    def show_page(self, name: str) -> None:
        self.go_to(self._names.index(name))

    def go_to(self, index: int) -> None:
        """Show the page at ``index`` (Ctrl+1 is the first), the cursor in its first field."""
        if not 0 <= index < len(self._pages):
            return
        self.nav.setCurrentRow(index)
        fields = [edit for edit in self._pages[index].findChildren(QLineEdit) if edit.isEnabled()]
        if fields:
            fields[0].setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Shortcuts need an active window; keys a field passes up (or sent here) work without one.
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == Qt.KeyboardModifier.ControlModifier and (
            Qt.Key.Key_0.value <= event.key() <= Qt.Key.Key_9.value
        ):
            self.go_to((event.key() - Qt.Key.Key_1.value) % 10)
            return
        page = self.stack.currentWidget()
        if isinstance(page, KeyedPage) and page.keys.press(event):
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Manager"))
        self.nav_hint.setText(self.tr("Ctrl+digit: go to that page"))
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText("Esc " + self.tr("Close"))
        every = (
            self.tr("Register member"),
            self.tr("Top up"),
            self.tr("Cards"),
            self.tr("Refund"),
            self.tr("PIN reset"),
            self.tr("Points"),
            self.tr("Tier lock"),
            self.tr("Audit log"),
            self.tr("Close shift"),
            self.tr("Devices"),
            self.tr("Staff"),
            self.tr("Export"),
            self.tr("Erase personal data"),
            render(Notice("recover_page_title"), Translations.current()),
        )
        named = dict(zip(self.PAGES, every, strict=True))
        for i, title in enumerate(named[n] for n in self._names):
            item = self.nav.item(i)
            if item is not None:
                # Ctrl+1 … Ctrl+0 reach the first ten pages; a page after them has no digit.
                item.setText(f"{(i + 1) % 10}  {title}" if i < 10 else f"    {title}")
        # The list is as wide as its longest title in the current language (English titles run
        # longer than Chinese), never narrower than the 200 px the pages are laid out for.
        fitted = self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 8
        self.nav.setFixedWidth(max(200, fitted))

    @Slot(int)
    def _on_page_changed(self, index: int) -> None:
        if self._pages[index] is self.audit_page:
            self.audit_page.refresh()

    @Slot(object)
    def on_scanned(self, scan: Scan) -> None:
        """A card fills the open page's card number; a receipt number goes to the refund page."""
        if scan.kind is ScanKind.RECEIPT_NUMBER:
            self.show_page("refund")
            self.refund_page.receipt_edit.setText(scan.code)
            self.refund_page.receipt_edit.setFocus()
            self.refund_page.load()
            return
        card = getattr(self.stack.currentWidget(), "card", None)
        if scan.kind is ScanKind.MEMBER_CARD and isinstance(card, CardForm):
            card.edit.setText(scan.code)
            if self.stack.currentWidget() is self.card_page:
                self.card_page.look_up()
