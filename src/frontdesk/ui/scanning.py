"""One way in for every scan: a hub signal fed by a keyboard-wedge filter or a serial reader."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from frontdesk.domain.scan import Scan, ScanRefused, classify


class ScanHub(QObject):
    """Where scans meet, whatever the device, and where each is classified once.

    A serial reader hands in the `Scan` it classified with the domain's `classify`; the wedge
    filter hands in the code it read, which the hub classifies with that same function. Screens
    route by the scan's kind and never guess from its shape again.

    Signals:
        scanned(object): a classified `Scan`, always delivered on the GUI thread.
        refused(object): the `ScanRefused` of a code that is nothing the till knows (GUI thread).
        status_changed(str): a device's own status text (connected, unplugged…), GUI thread.
    """

    scanned = Signal(object)
    refused = Signal(object)
    status_changed = Signal(str)
    _delivered = Signal(object)
    _reported = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Queued, so a reader thread calling deliver() never runs window code on its own thread.
        self._delivered.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)
        self._reported.connect(self.status_changed, Qt.ConnectionType.QueuedConnection)

    def report_status(self, text: str) -> None:
        """Hand in a device status from any thread; `status_changed` fires on the GUI thread."""
        self._reported.emit(text)

    def deliver(self, scan: Scan | str) -> None:
        """Hand in a scan, or a code to classify, from any thread; `scanned` fires on the GUI."""
        self._delivered.emit(scan)

    @Slot(object)
    def _on_delivered(self, scan: Scan | str) -> None:
        if isinstance(scan, Scan):
            self.scanned.emit(scan)
            return
        if not scan.strip():
            return
        try:
            classified = classify(scan)
        except ScanRefused as refusal:
            self.refused.emit(refusal)
            return
        self.scanned.emit(classified)


_TERMINATORS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
# A wedge types `#` or `]` as Shift then the key: the Shift press is part of the scan.
_MODIFIERS = (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta)
_SCAN_FIELD = "frontdesk_takes_scans"


def mark_scan_field(field: QLineEdit) -> None:
    """Mark a field that expects a code (付款码, a reference, a receipt number).

    A scan into it while it has the focus fills it, whatever the code is, instead of going to
    the till.
    """
    field.setProperty(_SCAN_FIELD, True)


class WedgeScanFilter(QObject):
    """Tells a keyboard-wedge scanner from a person by speed, app-wide, and swallows the burst.

    Printable keys are held back for at most ``max_gap_ms``. Keys that keep coming faster than
    that and end in Enter (or Tab) with at least ``min_length`` characters are a scan: the hub
    gets the code and no widget sees a key of it. Anything slower is replayed, in order, to the
    widget it was meant for, so typing by hand still works everywhere (at a 50 ms delay).

    Signals:
        burst_detected(str): a scan was recognised (the status bar shows it).
    """

    burst_detected = Signal(str)

    def __init__(
        self,
        hub: ScanHub,
        *,
        max_gap_ms: int = 50,
        min_length: int = 6,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._hub = hub
        self._max_gap = max_gap_ms / 1000
        self._min_length = min_length
        self._clock = clock
        self._held: list[tuple[QWidget, QKeyEvent]] = []
        self._last_at = 0.0
        self._replaying = False
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(max_gap_ms)
        self._flush_timer.timeout.connect(self.flush)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Key events reach the window first and then the focus widget; act once, on the widget.
        if self._replaying or event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(watched, QWidget) or not isinstance(event, QKeyEvent):
            return False
        now = self._clock()
        if event.key() in _MODIFIERS:
            return False  # no text, no flush: a Shift inside a burst keeps the burst whole
        fast = bool(self._held) and now - self._last_at <= self._max_gap
        if self._held and not fast:
            self.flush()
        self._last_at = now
        if event.key() in _TERMINATORS and self._held:
            if len(self._held) >= self._min_length:
                code = "".join(e.text() for _, e in self._held)
                target = self._held[0][0]
                self._held.clear()
                self._flush_timer.stop()
                self.burst_detected.emit(code)
                if isinstance(target, QLineEdit) and target.property(_SCAN_FIELD):
                    target.setText(code)  # the field the cashier is in asked for a code
                else:
                    self._hub.deliver(code)
                return True
            self.flush()
            return False
        if _printable(event):
            self._held.append((watched, _copy(event)))
            self._flush_timer.start()
            return True
        if self._held:
            self.flush()
        return False

    @Slot()
    def flush(self) -> None:
        """Give held keys to their widgets: they were typed by a person after all."""
        self._flush_timer.stop()
        held, self._held = self._held, []
        self._replaying = True
        try:
            for widget, event in held:
                release = QKeyEvent(
                    QEvent.Type.KeyRelease, event.key(), event.modifiers(), event.text()
                )
                try:
                    QCoreApplication.sendEvent(widget, event)
                    QCoreApplication.sendEvent(widget, release)
                except RuntimeError:
                    continue  # the widget closed while its keys were held; they have no home
        finally:
            self._replaying = False


def _printable(event: QKeyEvent) -> bool:
    text = event.text()
    mods = event.modifiers() & ~(
        Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
    )
    return len(text) == 1 and text.isprintable() and mods == Qt.KeyboardModifier.NoModifier


def _copy(event: QKeyEvent) -> QKeyEvent:
    # Qt reuses the event object after the filter returns, so keep our own copy to replay.
    return QKeyEvent(event.type(), event.key(), event.modifiers(), event.text())
