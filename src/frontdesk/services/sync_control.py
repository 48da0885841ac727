"""Head-office sync as the till window sees it: a status to show and two blocking calls to run.

app.py hands in `SchedulerSyncControl` (over the `SyncScheduler` and the real sync) or
`StandaloneSync` when the till has no head office; the window runs the calls on a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Protocol

from frontdesk.domain import messages
from frontdesk.services.sync_port import SyncReport
from frontdesk.services.sync_schedule import SyncScheduler


class SyncState(Enum):
    STANDALONE = "standalone"  # no head office configured: nothing to sync with
    NOT_YET = "not_yet"  # configured, no sync finished since the till started
    SYNCING = "syncing"
    SYNCED = "synced"
    OFFLINE = "offline"  # head office did not answer; nothing is lost, the next sync resumes
    FAILED = "failed"  # head office answered and refused, or the till could not sync


@dataclass(frozen=True)
class SyncStatus:
    state: SyncState
    last_synced: datetime | None = None  # the last sync that pushed and pulled everything
    reason: str = ""  # why it failed, in Chinese, as the sync said it
    reason_en: str = ""  # the same in English; empty when the sync gave only one text

    def reason_in(self, lang: str) -> str:
        return self.reason if lang == messages.ZH else self.reason_en or self.reason


class SyncControl(Protocol):
    @property
    def configured(self) -> bool:
        """False for a standalone till: the window shows 单店模式 and runs nothing."""
        ...

    def status(self) -> SyncStatus: ...

    def due(self) -> bool:
        """Whether `tick` would sync now; cheap, asked on the GUI thread."""
        ...

    def tick(self) -> SyncStatus:
        """Sync if one is due (blocking, seconds when head office is slow); the status after."""
        ...

    def push_card_event(self) -> SyncStatus:
        """Push a 挂失 at once (blocking) so other stores refuse the card; the status after."""
        ...

    def abort(self) -> None:
        """Cut a sync under way short, from any thread (the till is closing); nothing is lost."""
        ...


class StandaloneSync:
    """The `SyncControl` of a till with no head office."""

    configured = False

    def status(self) -> SyncStatus:
        return SyncStatus(SyncState.STANDALONE)

    def due(self) -> bool:
        return False

    def tick(self) -> SyncStatus:
        return self.status()

    def push_card_event(self) -> SyncStatus:
        return self.status()

    def abort(self) -> None:
        pass


class SchedulerSyncControl:
    """The `SyncControl` over a `SyncScheduler`; ``last_synced`` is the till's stored last sync."""

    configured = True

    def __init__(
        self,
        scheduler: SyncScheduler,
        last_synced: datetime | None = None,
        abort: Callable[[], None] = lambda: None,
    ) -> None:
        self.scheduler = scheduler
        self._last_synced = last_synced
        self._abort = abort

    def status(self) -> SyncStatus:
        s = self.scheduler
        last = s.last_success or self._last_synced
        report: SyncReport | None = s.last_report
        if report is None:
            return SyncStatus(SyncState.NOT_YET, last)
        if s.reachable is False:
            return SyncStatus(SyncState.OFFLINE, last, report.message, report.message_en)
        if not report.ok:
            if report.message:
                return SyncStatus(SyncState.FAILED, last, report.message, report.message_en)
            said = (report.problems_said(messages.ZH), report.problems_said(messages.EN))
            return SyncStatus(SyncState.FAILED, last, *said)
        if s.last_success is None:
            return SyncStatus(SyncState.NOT_YET, last)  # only a push went through so far
        return SyncStatus(SyncState.SYNCED, last)

    def due(self) -> bool:
        return self.scheduler.due()

    def tick(self) -> SyncStatus:
        self.scheduler.tick()
        return self.status()

    def push_card_event(self) -> SyncStatus:
        self.scheduler.push_card_event_now()
        return self.status()

    def abort(self) -> None:
        self._abort()
