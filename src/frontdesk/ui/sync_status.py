"""Head-office sync in the till: a timer that runs the sync on a worker thread, and its words.

Connecting to head office can block for seconds on a bad line, so every call into the
`SyncControl` port runs on this runner's own thread pool; the status comes back by signal.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal

from frontdesk.services.sync_control import SyncControl, SyncState, SyncStatus
from frontdesk.ui.i18n import Translations

TICK_MS = 30_000  # the scheduler decides whether a sync is due; asking costs nothing
_FINISH_MS = 5_000  # a healthy sync under way at closing time finishes in this
_SHUTDOWN_WAIT_MS = 10_000  # after an abort: libpq notices its cut socket at once


def sync_reason(status: SyncStatus) -> str:
    """Why the sync failed, in the language on screen."""
    return status.reason_in(Translations.current())


def sync_status_text(status: SyncStatus) -> str:
    """The status bar's words for a sync status, in the current language."""
    when = (
        status.last_synced.astimezone().strftime("%H:%M")
        if status.last_synced is not None
        else None
    )
    match status.state:
        case SyncState.STANDALONE:
            return QCoreApplication.translate("SyncStatus", "Standalone store")
        case SyncState.NOT_YET:
            return QCoreApplication.translate("SyncStatus", "Head office: not synced yet")
        case SyncState.SYNCING:
            return QCoreApplication.translate("SyncStatus", "Head office: syncing…")
        case SyncState.SYNCED:
            return QCoreApplication.translate("SyncStatus", "Head office: synced {time}").format(
                time=when or ""
            )
        case SyncState.OFFLINE:
            if when is None:
                return QCoreApplication.translate(
                    "SyncStatus", "Head office: offline (never synced)"
                )
            return QCoreApplication.translate(
                "SyncStatus", "Head office: offline (last sync {time})"
            ).format(time=when)
        case SyncState.FAILED:
            # The whole reason is in the tooltip; the status bar keeps to one short line.
            said = sync_reason(status)
            reason = said if len(said) <= 30 else said[:29] + "…"
            return QCoreApplication.translate(
                "SyncStatus", "Head office: sync failed: {reason}"
            ).format(reason=reason)


class _Events(QObject):
    # No parent: a job still running when the runner goes away must find it alive.
    finished = Signal(object)


class _Job(QRunnable):
    def __init__(self, call: Callable[[], SyncStatus], events: _Events) -> None:
        super().__init__()
        self._call = call
        self._events = events

    def run(self) -> None:
        try:
            status = self._call()
        except Exception as exc:  # a worker thread must always report back, never die silently
            status = SyncStatus(SyncState.FAILED, reason=str(exc) or type(exc).__name__)
        self._events.finished.emit(status)


class SyncRunner(QObject):
    """Drives `SyncControl.tick()` every ~30 s and pushes a 挂失 at once, off the GUI thread.

    Signals:
        status_changed(object): the SyncStatus to show (also 同步中… when a job starts).
    """

    status_changed = Signal(object)

    def __init__(
        self, control: SyncControl, parent: QObject | None = None, *, tick_ms: int = TICK_MS
    ) -> None:
        super().__init__(parent)
        self.control = control
        self.status: SyncStatus = control.status()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one sync at a time, in the order asked
        self._events = _Events()
        self._events.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._pending = 0
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def start(self) -> None:
        """Sync once now (a till that starts syncs at once), then every tick; none standalone."""
        if not self.control.configured:
            return
        self.tick()
        self.timer.start()

    def stop(self) -> None:
        """No more syncs; one under way gets a moment to finish, then it is cut short."""
        self.timer.stop()
        if not self.pool.waitForDone(_FINISH_MS):
            self.control.abort()  # a hung head office must not hold the till's exit
            self.pool.waitForDone(_SHUTDOWN_WAIT_MS)

    def tick(self) -> None:
        # A tick while a sync runs would only find it running: skip rather than queue.
        if not self.control.configured or self.busy or not self.control.due():
            return
        self._submit(self.control.tick)

    def push_card_event(self) -> None:
        """After a 挂失: queued even behind a running sync, whose push may have missed it."""
        if self.control.configured:
            self._submit(self.control.push_card_event)

    def _submit(self, call: Callable[[], SyncStatus]) -> None:
        self._pending += 1
        self._set(SyncStatus(SyncState.SYNCING, self.status.last_synced))
        self.pool.start(_Job(call, self._events))

    def _on_finished(self, status: object) -> None:
        self._pending -= 1
        if isinstance(status, SyncStatus) and not self.busy:
            self._set(status)

    def _set(self, status: SyncStatus) -> None:
        self.status = status
        self.status_changed.emit(status)
