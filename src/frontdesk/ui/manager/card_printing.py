"""打印会员卡 from a page that just issued a card, on a worker thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QLabel, QPushButton

from frontdesk.services.card_output import CardNotPrinted, CardOutput
from frontdesk.services.till_port import MemberView
from frontdesk.ui.function_keys import KeyedPage
from frontdesk.ui.manager.common import show


class _CardEvents(QObject):
    # No parent: a card still printing when its page closes must find it alive.
    printed = Signal(str)
    failed = Signal(str)


class _CardJob(QRunnable):
    """Writes one card's PDF on a pool thread (reportlab and barcodes take a moment)."""

    def __init__(self, cards: CardOutput, member: MemberView, events: _CardEvents) -> None:
        super().__init__()
        self._cards = cards
        self._member = member
        self._events = events

    def run(self) -> None:
        try:
            path = self._cards.print_card(self._member)
        except CardNotPrinted as failed:
            self._events.failed.emit(str(failed))
        except Exception as exc:  # a worker thread must always report back, never die silently
            self._events.failed.emit(str(exc) or type(exc).__name__)
        else:
            self._events.printed.emit(path)


class CardPrinting(QObject):
    """打印会员卡 for the card a page just issued; at once when a card printer is configured.

    The PDF is written on this object's own thread pool; the path comes back by signal.

    Signals:
        card_printed(str): the path of the card's PDF.
    """

    card_printed = Signal(str)

    def __init__(self, page: KeyedPage, cards: CardOutput | None, result: QLabel, key: str) -> None:
        super().__init__(page)
        self._cards = cards
        self._result = result
        self._keys = page.keys
        self._member: MemberView | None = None
        self._lead = ""
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one card at a time, in the order asked
        self._events = _CardEvents()
        self._events.printed.connect(self._on_printed, Qt.ConnectionType.QueuedConnection)
        self._events.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self.button = QPushButton(page)
        self._keys.bind(self.button, key)
        self.button.setEnabled(False)
        self.button.setVisible(cards is not None)
        self.button.clicked.connect(lambda: self.print_card())

    def retranslate(self) -> None:
        self._keys.label(self.button, self.tr("Print member card"))

    def issued(self, member: MemberView, done: str) -> None:
        """A card was issued (``done`` says so); print it now or offer the button."""
        self._member = member
        self.button.setEnabled(self._cards is not None)
        if self._cards is not None and self._cards.automatic:
            self.print_card(done)
        else:
            show(self._result, done)

    def print_card(self, done: str = "") -> None:
        if self._cards is None or self._member is None:
            return
        self._lead = f"{done}\n" if done else ""
        self.button.setEnabled(False)
        show(self._result, self._lead + self.tr("Printing member card…"))
        self.pool.start(_CardJob(self._cards, self._member, self._events))

    @Slot(str)
    def _on_printed(self, path: str) -> None:
        self.button.setEnabled(True)
        show(self._result, self._lead + self.tr("Member card saved: {path}").format(path=path))
        self.card_printed.emit(path)

    @Slot(str)
    def _on_failed(self, reason: str) -> None:
        self.button.setEnabled(True)
        show(self._result, self._lead + reason, error=True)
