"""Head-office sync as the till sees it: the ports on both sides and `sync_now`, push then pull."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from frontdesk.domain.ledger import LedgerEntry
from frontdesk.services.ports import Clock

# Pushed in this order: card and member events first, so a 挂失 reaches head office before the
# (possibly long) ledger backlog; the ledger is its own outbox, seq is its cursor.
PUSH_STREAMS = ("outbox", "ledger", "ticket", "audit")
# Pulled in this order: card states first, so every till refuses a lost card as early as possible;
# tiers last, once the members they belong to and the program they are worked out with are here.
PULL_STREAMS = ("card", "member", "balance", "product", "program", "tier")

Row = dict[str, Any]


class HeadOfficeUnreachable(Exception):
    """Head office could not be reached; nothing was lost, the next sync resumes."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"无法连接总部，数据已保留在本机，下次同步会继续：{detail}")
        self.detail = detail


class ChainRefused(Exception):
    """Head office refused the till's ledger: a gap, a wrong link or a changed entry."""

    def __init__(self, till_id: str, problems: Sequence[str]) -> None:
        text = "；".join(problems[:5])
        super().__init__(
            f"总部拒收收银台 {till_id} 的账本：哈希链断裂或序号不连续（{text}）。"
            "请勿继续使用本机储值功能，并立即联系总部。"
        )
        self.till_id = till_id
        self.problems = list(problems)


@dataclass(frozen=True)
class RowBatch:
    """Rows of one non-ledger stream and the cursor after the last of them."""

    rows: list[Row]
    last_cursor: int


@dataclass(frozen=True)
class BalanceSnapshot:
    """Head office's totals for some members, all counting this till's entries up to `till_seq`."""

    till_seq: int
    totals: list[Row]  # member_id, bucket, lot_year (None for the account total), amount
    members: list[str]
    last_cursor: int


@dataclass(frozen=True)
class TierSnapshot:
    """Every store's sales and refunds of the members whose history changed after a cursor."""

    events: list[Row]  # member_id, ticket_id, created_at, total, points_earned, refund_of
    members: list[str]
    last_cursor: int


class HeadOffice(Protocol):
    """Head office as one till sees it; every push is idempotent and returns the stored cursor."""

    def cursor(self, till_id: str, stream: str) -> int: ...
    def push_ledger(self, till_id: str, entries: Sequence[LedgerEntry]) -> int: ...
    def push_rows(self, till_id: str, stream: str, batch: RowBatch) -> int: ...
    def pull(self, stream: str, after: int, limit: int) -> RowBatch: ...
    def pull_balances(self, till_id: str, after: int) -> BalanceSnapshot: ...
    def pull_tier_events(self, after: int) -> TierSnapshot: ...


class TillSyncStore(Protocol):
    """The till's side: what is waiting to go, the acknowledgements, and applying what came."""

    @property
    def till_id(self) -> str: ...
    def ack(self, stream: str) -> int: ...
    def set_ack(self, stream: str, value: int) -> None: ...
    def ledger_after(self, seq: int, limit: int) -> list[LedgerEntry]: ...
    def rows_after(self, stream: str, cursor: int, limit: int) -> RowBatch: ...
    def apply(self, stream: str, batch: RowBatch) -> list[str]: ...
    def apply_balances(self, snapshot: BalanceSnapshot) -> list[str]: ...
    def apply_tiers(self, snapshot: TierSnapshot, now: datetime) -> list[str]: ...
    def mark_synced(self, at: str) -> None: ...


@dataclass
class SyncReport:
    ok: bool = True
    pushed: dict[str, int] = field(default_factory=dict)
    pulled: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    message: str = ""

    @property
    def text(self) -> str:
        pushed = "，".join(f"{k} {v}" for k, v in self.pushed.items())
        pulled = "，".join(f"{k} {v}" for k, v in self.pulled.items())
        head = "同步完成" if self.ok else "同步未完成"
        lines = [f"{head}：上传 {pushed or '无'}；下载 {pulled or '无'}"]
        if self.message:
            lines.append(self.message)
        lines += [f"提示：{p}" for p in self.problems]
        return "\n".join(lines)


def push(store: TillSyncStore, hq: HeadOffice, report: SyncReport, batch: int) -> None:
    till = store.till_id
    for stream in PUSH_STREAMS:
        # Head office may have committed a batch whose acknowledgement never reached the till.
        cursor = max(store.ack(stream), hq.cursor(till, stream))
        sent = 0
        while True:
            before = cursor
            if stream == "ledger":
                entries = store.ledger_after(cursor, batch)
                if not entries:
                    break
                cursor = hq.push_ledger(till, entries)
                sent += len(entries)
            else:
                rows = store.rows_after(stream, cursor, batch)
                if not rows.rows:
                    break
                cursor = hq.push_rows(till, stream, rows)
                sent += len(rows.rows)
            if cursor <= before:
                # Head office did not move: stop rather than send the same batch forever.
                report.problems.append(f"{stream}: 总部游标停在 {cursor}，本次停止上传")
                break
            store.set_ack(stream, cursor)
        report.pushed[stream] = sent


def pull(
    store: TillSyncStore, hq: HeadOffice, report: SyncReport, batch: int, now: datetime
) -> None:
    for stream in PULL_STREAMS:
        got = 0
        if stream == "tier":
            tiers = hq.pull_tier_events(store.ack("pull_tier"))
            report.problems += store.apply_tiers(tiers, now)
            store.set_ack("pull_tier", tiers.last_cursor)
            report.pulled[stream] = len(tiers.members)
            continue
        if stream == "balance":
            snapshot = hq.pull_balances(store.till_id, store.ack("pull_balance"))
            report.problems += store.apply_balances(snapshot)
            store.set_ack("pull_balance", snapshot.last_cursor)
            report.pulled[stream] = len(snapshot.members)
            continue
        cursor = store.ack(f"pull_{stream}")
        while True:
            page = hq.pull(stream, cursor, batch)
            if not page.rows:
                break
            report.problems += store.apply(stream, page)
            cursor = page.last_cursor
            store.set_ack(f"pull_{stream}", cursor)
            got += len(page.rows)
        report.pulled[stream] = got


def sync_now(
    store: TillSyncStore, hq: HeadOffice, clock: Clock, *, batch: int = 5000, pull_too: bool = True
) -> SyncReport:
    """Push everything waiting, then pull; `last_sync_at` moves only when both went through."""
    report = SyncReport()
    started = clock.now()
    try:
        push(store, hq, report, batch)
        if pull_too:
            pull(store, hq, report, batch, clock.now())
    except (HeadOfficeUnreachable, ChainRefused) as exc:
        report.ok = False
        report.message = str(exc)
        return report
    if pull_too:
        store.mark_synced(started.isoformat())
    return report
