"""A sync that cannot outlive its deadline: checked before each call, and a timer cuts the line.

Timeouts on the connection do not cover a head office (or a proxy, or a half-dead router) that
accepts bytes and never answers: the kernel acknowledges, PostgreSQL never sees the query, and
libpq waits for ever. So at the deadline a timer shuts down every socket this sync opened; the
blocked read returns at once with a connection error, which the `DeadlineHeadOffice` reports as
the deadline. Shutting a socket down (rather than closing it) leaves the descriptor to libpq, so
no other file can reuse its number while libpq still holds it.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import Engine, event

from frontdesk.domain.ledger import LedgerEntry
from frontdesk.services.sync_port import (
    BalanceSnapshot,
    HeadOffice,
    HeadOfficeUnreachable,
    RowBatch,
    TierSnapshot,
)
from frontdesk.services.sync_refusals import HeadOfficeRefused

T = TypeVar("T")


class DeadlinePassed(HeadOfficeUnreachable):
    """The sync ran out of time (or the till is closing); what head office acknowledged stays."""

    def __init__(self, seconds: float, *, aborted: bool = False) -> None:
        super().__init__(
            "收银台正在关闭，本次同步已中断"
            if aborted
            else f"本次同步超过 {seconds:g} 秒未完成，已中断"
        )


def _shut_down(dbapi_connection: Any) -> None:
    try:
        fd = dbapi_connection.fileno()
    except Exception:  # already closed: nothing left to cut
        return
    sock = socket.socket(fileno=fd)
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # the peer or libpq got there first
    finally:
        sock.detach()  # the descriptor stays libpq's to close


class SyncDeadline:
    """After `start()`, `seconds` later, every connection of the watched engines is cut."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds
        self._expired = False
        self._aborted = False
        self._lock = threading.Lock()
        self._connections: list[Any] = []
        self._timer = threading.Timer(seconds, self.expire)
        self._timer.daemon = True  # a process that is done never waits for the timer

    @property
    def expired(self) -> bool:
        return self._expired or time.monotonic() >= self._end

    def watch(self, engine: Engine) -> None:
        """Every connection `engine` opens from now on is cut at the deadline."""
        # First among the listeners: SQLAlchemy's own first one already queries head office.
        event.listen(engine, "connect", self._connected, insert=True)

    def _connected(self, dbapi_connection: Any, _record: Any) -> None:
        with self._lock:
            if self._expired:
                _shut_down(dbapi_connection)  # opened as the timer fired: it must not hang either
            self._connections.append(dbapi_connection)

    def abort(self) -> None:
        """The hard stop before the deadline: the till is shutting down."""
        self._aborted = True
        self.expire()

    def expire(self) -> None:
        """The hard stop, from the timer at the deadline."""
        with self._lock:
            self._expired = True
            for c in self._connections:
                _shut_down(c)

    def passed(self) -> DeadlinePassed:
        return DeadlinePassed(self.seconds, aborted=self._aborted)

    def check(self) -> None:
        if self.expired:
            raise self.passed()

    def start(self) -> None:
        self._end = time.monotonic() + self.seconds
        self._timer.start()

    def cancel(self) -> None:
        self._timer.cancel()


class DeadlineHeadOffice:
    """A `HeadOffice` whose every call first checks the deadline, and names it when it cut one."""

    def __init__(self, inner: HeadOffice, deadline: SyncDeadline) -> None:
        self.inner = inner
        self.deadline = deadline

    def _call(self, fn: Callable[..., T], *args: Any) -> T:
        self.deadline.check()
        try:
            return fn(*args)
        except HeadOfficeRefused:
            raise
        except Exception:
            # A cut connection fails in whatever way libpq noticed it; the cause is the deadline.
            if self.deadline.expired:
                raise self.deadline.passed() from None
            raise

    def cursor(self, till_id: str, stream: str) -> int:
        return self._call(self.inner.cursor, till_id, stream)

    def check_head(self, till_id: str, hash_at: Callable[[int], str | None]) -> None:
        self._call(self.inner.check_head, till_id, hash_at)

    def check_chains(self, till_id: str, hash_at: Callable[[str, int], str | None]) -> None:
        self._call(self.inner.check_chains, till_id, hash_at)

    def push_ledger(self, till_id: str, entries: Sequence[LedgerEntry]) -> int:
        return self._call(self.inner.push_ledger, till_id, entries)

    def push_rows(self, till_id: str, stream: str, batch: RowBatch) -> int:
        return self._call(self.inner.push_rows, till_id, stream, batch)

    def pull(self, stream: str, after: int, limit: int) -> RowBatch:
        return self._call(self.inner.pull, stream, after, limit)

    def pull_balances(self, till_id: str, after: int) -> BalanceSnapshot:
        return self._call(self.inner.pull_balances, till_id, after)

    def pull_tier_events(self, after: int) -> TierSnapshot:
        return self._call(self.inner.pull_tier_events, after)
