"""Head-office sync as the till sees it: the ports on both sides and `sync_now`, push then pull."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from frontdesk.domain import messages
from frontdesk.domain.ledger import LedgerEntry
from frontdesk.domain.program import Program, ProgramInvalid
from frontdesk.domain.program_file import parse_program
from frontdesk.services.ports import Clock
from frontdesk.services.sync_refusals import ChainRefused, HeadMismatch, HeadOfficeRefused

# Pushed in this order: card and member events first, so a 挂失 reaches head office before the
# (possibly long) ledger backlog; the ledger is its own outbox, seq is its cursor.
PUSH_STREAMS = ("outbox", "ledger", "ticket", "audit")
# Pulled in this order: card states first, so every till refuses a lost card as early as possible
# (then head office's staff list, so a disabled account stops at once);
# tiers last, once the members they belong to and the program they are worked out with are here.
PULL_STREAMS = ("card", "staff", "member", "balance", "product", "program", "tier")

Row = dict[str, Any]

# The settings key under which the till keeps the program head office last sent (TOML text).
HQ_PROGRAM_SETTING = "hq_program"
HQ_PROGRAM_SOURCE = "head_office"  # a ProgramSource code: said in the reader's language


class HeadOfficeUnreachable(Exception):
    """Head office could not be reached; nothing was lost, the next sync resumes."""

    def __init__(self, detail: str, detail_en: str | None = None) -> None:
        super().__init__(f"无法连接总部，数据已保留在本机，下次同步会继续：{detail}")
        self.detail = detail
        self.detail_en = detail if detail_en is None else detail_en

    @property
    def message_en(self) -> str:
        return (
            "Head office cannot be reached; everything stays on this till and the next sync "
            f"resumes: {self.detail_en}"
        )


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
    def check_head(self, till_id: str, hash_at: Callable[[int], str | None]) -> None:
        """The till's hash at head office's acknowledged seq; raises HeadMismatch if it differs."""

    def check_chains(self, till_id: str, hash_at: Callable[[str, int], str | None]) -> None:
        """The same for the ticket and audit chains (hash_at takes the chain's name and seq)."""

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
    def hash_at(self, seq: int) -> str | None: ...
    def chain_hash_at(self, chain: str, seq: int) -> str | None: ...
    def set_ack(self, stream: str, value: int) -> None: ...
    def ledger_after(self, seq: int, limit: int) -> list[LedgerEntry]: ...
    def rows_after(self, stream: str, cursor: int, limit: int) -> RowBatch: ...
    def apply(self, stream: str, batch: RowBatch) -> list[messages.Notice]: ...
    def apply_balances(self, snapshot: BalanceSnapshot) -> list[messages.Notice]: ...
    def apply_tiers(self, snapshot: TierSnapshot, now: datetime) -> list[messages.Notice]: ...
    def mark_synced(self, at: str) -> None: ...
    def mark_chain_refused(self, message: str) -> None:
        """Head office refused this till's chain: stored value stops until `sync --recover`."""


@dataclass
class SyncReport:
    ok: bool = True
    pushed: dict[str, int] = field(default_factory=dict)
    pulled: dict[str, int] = field(default_factory=dict)
    problems: list[messages.Notice] = field(default_factory=list)  # said in the reader's language
    message: str = ""
    message_en: str = ""
    unreachable: bool = False  # head office could not be reached (not: it refused something)

    @property
    def text(self) -> str:
        return self.said(messages.ZH)

    def problems_said(self, lang: str) -> str:
        return messages.say("said_sync_sep", lang).join(
            messages.render(p, lang) for p in self.problems
        )

    def said(self, lang: str) -> str:
        """What moved each way, and what went wrong, in `lang`."""

        def moved(counts: dict[str, int]) -> str:
            said = [
                messages.say("said_sync_moved", lang, stream=k, count=v) for k, v in counts.items()
            ]
            return messages.say("said_sync_sep", lang).join(said) or messages.say(
                "said_sync_nothing", lang
            )

        head = "said_synced" if self.ok else "said_sync_incomplete"
        lines = [messages.say(head, lang, pushed=moved(self.pushed), pulled=moved(self.pulled))]
        message = self.message if lang == messages.ZH else self.message_en or self.message
        if message:
            lines.append(message)
        lines += [messages.say("said_sync_problem", lang, text=p) for p in self.problems]
        return "\n".join(lines)


def push(store: TillSyncStore, hq: HeadOffice, report: SyncReport, batch: int) -> None:
    till = store.till_id
    # Before anything goes: is this still the chain head office acknowledged? A till whose
    # entries were edited, re-sealed, cut short or restored from an old backup stops here.
    hq.check_head(till, store.hash_at)
    hq.check_chains(till, store.chain_hash_at)
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
                report.problems.append(
                    messages.Notice("sync_cursor_stuck", {"stream": stream, "cursor": cursor})
                )
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
    except (HeadOfficeUnreachable, HeadOfficeRefused) as exc:
        report.ok = False
        report.message = str(exc)
        report.message_en = exc.message_en
        report.unreachable = isinstance(exc, HeadOfficeUnreachable)
        if isinstance(exc, ChainRefused | HeadMismatch):
            store.mark_chain_refused(report.message)
        return report
    if pull_too:
        store.mark_synced(started.isoformat())
    return report


def program_from_text(body: str, source: str = HQ_PROGRAM_SOURCE) -> Program:
    """A program file's text (the same TOML as resources/program.toml), validated."""
    return parse_program(body, source)


@dataclass(frozen=True)
class EffectiveProgram:
    """The program the till prices with, where it came from, and why head office's was refused."""

    program: Program
    from_head_office: bool
    problem: messages.Notice | None = None


def effective_program(settings_value: str | None, local_program: Program) -> EffectiveProgram:
    """Head office's program when the till holds a valid one, else the local program file.

    `settings_value` is the till's `hq_program` setting. The pull already refuses an invalid
    program, so a problem here means the setting was edited by hand or the rules got stricter
    since: the till keeps selling with its local file and says why.
    """
    if not settings_value:
        return EffectiveProgram(local_program, from_head_office=False)
    try:
        return EffectiveProgram(program_from_text(settings_value), from_head_office=True)
    except ProgramInvalid as exc:
        return EffectiveProgram(
            local_program,
            from_head_office=False,
            problem=messages.Notice("sync_program_kept_local", {"invalid": exc}),
        )
