from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone

from frontdesk.config import SystemClock
from frontdesk.services.sync_port import SyncReport
from frontdesk.services.sync_schedule import SyncSchedule, SyncScheduler

CST = timezone(timedelta(hours=8))


@dataclass
class FakeClock:
    at: datetime = field(default_factory=lambda: datetime(2026, 3, 10, 9, 0, tzinfo=CST))

    def now(self) -> datetime:
        return self.at

    def advance(self, **kw: float) -> None:
        self.at += timedelta(**kw)


@dataclass
class TickingClock(FakeClock):
    """Like the real clock, every reading is a little later than the one before."""

    def now(self) -> datetime:
        self.at += timedelta(microseconds=1)
        return self.at


@dataclass
class FakeHeadOffice:
    up: bool = True
    runs: list[bool] = field(default_factory=list)  # pull_too of every run

    def run(self, pull_too: bool) -> SyncReport:
        self.runs.append(pull_too)
        if self.up:
            return SyncReport()
        return SyncReport(ok=False, message="无法连接总部", unreachable=True)


def scheduler(every: int = 5, retry: int = 15) -> tuple[SyncScheduler, FakeClock, FakeHeadOffice]:
    clock, hq = FakeClock(), FakeHeadOffice()
    schedule = SyncSchedule(nightly_at=time(2, 30), every_minutes=every, retry_minutes=retry)
    return SyncScheduler(clock, schedule, hq.run), clock, hq


def test_a_till_that_just_started_syncs_at_once_then_every_interval() -> None:
    s, clock, hq = scheduler(every=5)

    first = s.tick()
    clock.advance(minutes=4)
    early = s.tick()
    clock.advance(minutes=1)
    on_time = s.tick()

    assert first is not None
    assert early is None
    assert on_time is not None
    assert hq.runs == [True, True]


def test_a_fresh_till_is_due_although_the_clock_moves_between_readings() -> None:
    clock, hq = TickingClock(), FakeHeadOffice()
    s = SyncScheduler(clock, SyncSchedule(every_minutes=5), hq.run)

    due_at_start = s.due()
    first = s.tick()
    clock.advance(minutes=5)
    second = s.tick()

    assert due_at_start
    assert first is not None
    assert second is not None
    assert hq.runs == [True, True]


def test_on_the_real_clock_a_fresh_till_is_due_at_once_and_syncs_on_its_first_tick() -> None:
    hq = FakeHeadOffice()
    s = SyncScheduler(SystemClock(), SyncSchedule(every_minutes=5), hq.run)

    due = [s.due() for _ in range(1000)]
    report = s.tick()

    assert all(due)
    assert report is not None
    assert hq.runs == [True]
    assert not s.due()  # the next one is five minutes away


def test_while_head_office_is_unreachable_it_is_retried_at_the_retry_interval() -> None:
    s, clock, hq = scheduler(every=5, retry=15)
    hq.up = False
    s.tick()

    clock.advance(minutes=10)
    assert s.tick() is None
    clock.advance(minutes=5)
    report = s.tick()

    assert report is not None
    assert report.unreachable
    assert s.reachable is False
    assert s.next_due() == clock.now() + timedelta(minutes=15)


def test_without_a_periodic_interval_the_next_sync_is_the_nightly_one() -> None:
    s, clock, _ = scheduler(every=0)
    s.tick()

    assert s.next_due() == datetime(2026, 3, 11, 2, 30, tzinfo=CST)
    clock.at = datetime(2026, 3, 11, 2, 29, tzinfo=CST)
    assert not s.due()
    clock.advance(minutes=1)
    assert s.due()


def test_a_nightly_sync_that_failed_stays_due_until_one_succeeds() -> None:
    s, clock, hq = scheduler(every=0, retry=15)
    s.tick()
    clock.at = datetime(2026, 3, 11, 2, 30, tzinfo=CST)
    hq.up = False

    assert s.tick() is not None
    clock.advance(minutes=15)
    hq.up = True
    retried = s.tick()

    assert retried is not None
    assert retried.ok
    assert s.next_due() == datetime(2026, 3, 12, 2, 30, tzinfo=CST)


def test_a_lost_card_is_pushed_at_once_without_pulling_nor_moving_the_schedule() -> None:
    s, clock, hq = scheduler(every=5)
    s.tick()
    due = s.next_due()
    clock.advance(minutes=1)

    report = s.push_card_event_now()

    assert report is not None
    assert hq.runs == [True, False]
    assert s.next_due() == due


def test_a_lost_card_is_not_pushed_into_a_line_known_to_be_down() -> None:
    s, clock, hq = scheduler(every=5, retry=15)
    hq.up = False
    s.tick()
    clock.advance(minutes=1)

    skipped = s.push_card_event_now()
    clock.advance(minutes=14)
    hq.up = True
    pushed = s.push_card_event_now()

    assert skipped is None
    assert pushed is not None
    assert pushed.ok
    assert s.reachable is True
    assert hq.runs == [True, False]


def test_the_schedule_comes_from_settings_and_bad_values_keep_the_defaults() -> None:
    read = SyncSchedule.from_settings(
        {"sync_nightly_at": "03:15", "sync_every_minutes": "10", "sync_retry_minutes": "x"}
    )
    bad = SyncSchedule.from_settings({"sync_nightly_at": "25:00"})

    assert read == SyncSchedule(nightly_at=time(3, 15), every_minutes=10, retry_minutes=15)
    assert bad == SyncSchedule()


def test_a_periodic_interval_may_be_a_fraction_of_a_minute_but_not_any_number() -> None:
    quick = SyncSchedule.from_settings({"sync_every_minutes": "0.05"})
    odd = SyncSchedule.from_settings({"sync_every_minutes": "1e3", "sync_retry_minutes": "²"})

    assert quick.every_minutes == 0.05
    assert odd == SyncSchedule()
