"""When the till syncs with head office: nightly, every few minutes, and again after a failure.

No Qt in here: the window's timer asks `SyncScheduler.tick()`; the sync itself is
`sync_port.sync_now`, handed in as `RunSync`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from frontdesk.services.ports import Clock
from frontdesk.services.sync_port import SyncReport

NIGHTLY_SETTING = "sync_nightly_at"  # "HH:MM", the till's local time
EVERY_SETTING = "sync_every_minutes"  # 0: no periodic sync, nightly and on demand only
RETRY_SETTING = "sync_retry_minutes"  # how soon to try again while head office is unreachable


@dataclass(frozen=True)
class SyncSchedule:
    nightly_at: time = time(2, 30)  # after the day close, before the first shift
    every_minutes: float = 5  # fractions too: a demo or a test may sync every few seconds
    retry_minutes: float = 15  # a shop's line that is down is not hammered every few minutes

    @classmethod
    def from_settings(cls, settings: Mapping[str, str | None]) -> SyncSchedule:
        """From the till's settings; a missing or unreadable value keeps the default."""
        default = cls()

        def minutes(key: str, fallback: float) -> float:
            raw = (settings.get(key) or "").strip()
            plain = raw.isascii() and raw.replace(".", "", 1).isdigit()
            return float(raw) if plain else fallback

        nightly = default.nightly_at
        raw = settings.get(NIGHTLY_SETTING)
        if raw:
            with contextlib.suppress(ValueError):
                nightly = time.fromisoformat(raw.strip())
        return cls(
            nightly_at=nightly.replace(tzinfo=None),
            every_minutes=minutes(EVERY_SETTING, default.every_minutes),
            retry_minutes=max(1, minutes(RETRY_SETTING, default.retry_minutes)),
        )


RunSync = Callable[[bool], SyncReport]  # argument: pull too (False: push only)


class SyncScheduler:
    """Decides when the next sync is due; the app asks `tick()` from a timer (no Qt in here).

    The nightly sync is due once a day from `nightly_at` until one succeeds; the periodic one
    every `every_minutes` after the last attempt while head office answers, and every
    `retry_minutes` while it does not. `run` does the work, on whatever thread the caller likes;
    the scheduler only keeps times.
    """

    def __init__(self, clock: Clock, schedule: SyncSchedule, run: RunSync) -> None:
        self.clock = clock
        self.schedule = schedule
        self._run = run
        self.last_attempt: datetime | None = None
        self.last_success: datetime | None = None
        self.reachable: bool | None = None  # None: not tried yet
        self.last_report: SyncReport | None = None
        self._running = False

    def _nightly_moment(self, now: datetime) -> datetime:
        """Today's nightly time if it has passed, else yesterday's: the latest one due."""
        today = datetime.combine(now.date(), self.schedule.nightly_at, tzinfo=now.tzinfo)
        return today if today <= now else today - timedelta(days=1)

    def next_due(self, now: datetime | None = None) -> datetime:
        now = self.clock.now() if now is None else now
        if self.last_attempt is None:
            return now  # a till that just started syncs once right away
        nightly = self._nightly_moment(now)
        if self.last_success is None or self.last_success < nightly:
            # The nightly run is owed; after a failed attempt it waits for the retry time.
            if self.reachable is False:
                return max(nightly, self.last_attempt + self._wait())
            return max(nightly, self.last_attempt)
        upcoming = nightly + timedelta(days=1)
        if self.schedule.every_minutes <= 0 and self.reachable is not False:
            return upcoming
        return min(upcoming, self.last_attempt + self._wait())

    def _wait(self) -> timedelta:
        if self.reachable is False:
            return timedelta(minutes=self.schedule.retry_minutes)
        return timedelta(minutes=self.schedule.every_minutes)

    def due(self) -> bool:
        # One reading of the clock: a fresh till is due at `now`, which a second reading passes.
        now = self.clock.now()
        return not self._running and now >= self.next_due(now)

    def tick(self) -> SyncReport | None:
        """Sync (push, then pull) if one is due; None when nothing was due."""
        if not self.due():
            return None
        return self._attempt(pull_too=True)

    def sync_now(self) -> SyncReport | None:
        """The manager's 立即同步 button: at once, whatever the schedule; None if one is running."""
        if self._running:
            return None
        return self._attempt(pull_too=True)

    def push_card_event_now(self) -> SyncReport | None:
        """Push a 挂失 (and whatever else waits) right away, so other stores refuse the card soon.

        Skipped (None) while head office is known to be unreachable and its retry time has not
        come: the till would only wait on a dead line; the next attempt pushes it first anyway.
        """
        if self._running:
            return None
        waiting = (
            self.last_attempt is not None and self.clock.now() < self.last_attempt + self._wait()
        )
        if self.reachable is False and waiting:
            return None
        return self._attempt(pull_too=False)

    def _attempt(self, *, pull_too: bool) -> SyncReport:
        self._running = True
        started = self.clock.now()
        try:
            report = self._run(pull_too)
        finally:
            self._running = False
        self.last_report = report
        self.reachable = not report.unreachable
        # A push-only run does not count as the nightly sync, nor as the last periodic one.
        if pull_too:
            self.last_attempt = started
            if report.ok:
                self.last_success = started
        elif report.unreachable:
            self.last_attempt = started
        return report
