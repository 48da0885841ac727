"""The per-sync deadline between batches, on a slow fake head office (no database)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from frontdesk.config import SystemClock
from frontdesk.domain.ledger import LedgerEntry
from frontdesk.domain.messages import Notice
from frontdesk.services.sync_port import (
    BalanceSnapshot,
    RowBatch,
    TierSnapshot,
    sync_now,
)
from frontdesk.sync.hq_engine import HqLimits
from frontdesk.sync.sync_deadline import DeadlineHeadOffice, SyncDeadline


@dataclass
class SlowHeadOffice:
    """Answers every call, each after `delay` seconds, and never stops taking outbox rows."""

    delay: float
    calls: list[str] = field(default_factory=list)

    def _wait(self, name: str) -> None:
        self.calls.append(name)
        time.sleep(self.delay)

    def cursor(self, till_id: str, stream: str) -> int:
        self._wait("cursor")
        return 0

    def check_head(self, till_id: str, hash_at: Callable[[int], str | None]) -> None:
        self._wait("check_head")

    def check_chains(self, till_id: str, hash_at: Callable[[str, int], str | None]) -> None:
        self._wait("check_chains")

    def push_ledger(self, till_id: str, entries: Sequence[LedgerEntry]) -> int:
        self._wait("push_ledger")
        return entries[-1].seq

    def push_rows(self, till_id: str, stream: str, batch: RowBatch) -> int:
        self._wait("push_rows")
        return batch.last_cursor

    def pull(self, stream: str, after: int, limit: int) -> RowBatch:
        self._wait("pull")
        return RowBatch([], after)

    def pull_balances(self, till_id: str, after: int) -> BalanceSnapshot:
        self._wait("pull_balances")
        return BalanceSnapshot(0, [], [], after)

    def pull_tier_events(self, after: int) -> TierSnapshot:
        self._wait("pull_tier_events")
        return TierSnapshot([], [], after)


@dataclass
class EndlessOutbox:
    """A till whose outbox always has one more row: only the deadline ends its push."""

    acks: dict[str, int] = field(default_factory=dict)
    synced: list[str] = field(default_factory=list)

    @property
    def till_id(self) -> str:
        return "001-01"

    def ack(self, stream: str) -> int:
        return self.acks.get(stream, 0)

    def set_ack(self, stream: str, value: int) -> None:
        self.acks[stream] = value

    def hash_at(self, seq: int) -> str | None:
        return None

    def chain_hash_at(self, chain: str, seq: int) -> str | None:
        return None

    def mark_chain_refused(self, message: str) -> None:
        pass

    def ledger_after(self, seq: int, limit: int) -> list[LedgerEntry]:
        return []

    def rows_after(self, stream: str, cursor: int, limit: int) -> RowBatch:
        return RowBatch([{"n": cursor + 1}], cursor + 1)

    def apply(self, stream: str, batch: RowBatch) -> list[Notice]:
        return []

    def apply_balances(self, snapshot: BalanceSnapshot) -> list[Notice]:
        return []

    def apply_tiers(self, snapshot: TierSnapshot, now: datetime) -> list[Notice]:
        return []

    def mark_synced(self, at: str) -> None:
        self.synced.append(at)


def test_a_sync_stops_between_batches_once_its_deadline_has_passed() -> None:
    hq, till = SlowHeadOffice(delay=0.02), EndlessOutbox()
    deadline = SyncDeadline(0.3)

    started = time.monotonic()
    deadline.start()
    report = sync_now(till, DeadlineHeadOffice(hq, deadline), SystemClock())
    took = time.monotonic() - started
    deadline.cancel()

    assert not report.ok
    assert report.unreachable
    assert report.message.endswith("本次同步超过 0.3 秒未完成，已中断")
    assert 0.3 <= took < 0.3 + 0.5
    assert 5 < till.acks["outbox"] < len(hq.calls)  # batches went through until the deadline
    assert till.synced == []  # a cut sync is not the last good sync


def test_an_aborted_sync_says_the_till_is_closing_and_calls_head_office_no_more() -> None:
    hq, till = SlowHeadOffice(delay=0), EndlessOutbox()
    deadline = SyncDeadline(60)
    deadline.abort()

    report = sync_now(till, DeadlineHeadOffice(hq, deadline), SystemClock())

    assert report.message.endswith("收银台正在关闭，本次同步已中断")
    assert hq.calls == []


def test_limits_come_from_the_till_settings_and_bad_values_keep_the_defaults() -> None:
    read = HqLimits.from_settings(
        {"sync_connect_timeout_seconds": "3", "sync_deadline_seconds": "45.5"}
    )
    bad = HqLimits.from_settings(
        {"sync_statement_timeout_seconds": "-1", "sync_deadline_seconds": "nan"}
    )

    assert read == HqLimits(connect_seconds=3, statement_seconds=30, deadline_seconds=45.5)
    assert bad == HqLimits()
